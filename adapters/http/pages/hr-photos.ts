/**
 * `/hr/photos`: the moderation queue with thumbnails, approve or reject with a reason, withdraw a
 * published photo. Decisions go through `reviewBatch` and `withdrawPhotos`, the use cases behind the
 * chat buttons, so the uploader is told and rejected files are deleted the same way. Thumbnails of
 * photos not yet approved are only served here, to a live HR session.
 */
import type { Request, Response } from 'express';
import { z } from 'zod';
import { requireHr } from '../../../src/chat/actor.js';
import { currentProgress } from '../../../src/campaigns/campaigns.service.js';
import { photoNumbers } from '../../../src/photos/photo.js';
import { reviewBatch } from '../../../src/photos/review.service.js';
import { photoErrorText } from '../../../src/photos/texts.js';
import { withdrawPhotos } from '../../../src/photos/withdraw.service.js';
import { sessionActor } from './hr-actor.js';
import type { HrHandler } from './hr-handler.js';
import { noticeFor, redirectWithNotice } from './notices.js';
import { sendPage } from './render.js';
import type { ActorDeps } from '../../../src/chat/actor.js';
import type { PhotoFeatureDeps } from '../../../src/photos/ports.js';
import type { NoticeDeps } from '../../../src/dashboard/sessions.service.js';

const id = z
  .string()
  .regex(/^\d{1,15}$/)
  .transform(Number);
const reviewBody = z.object({ batch: id, decision: z.enum(['approve', 'reject']), reason: z.string().max(2000).optional() });
const withdrawBody = z.object({ photo: id });

const back = (deps: NoticeDeps, req: Request, res: Response, notice: string) => redirectWithNotice(deps, req, res, '/hr/photos', notice);

export function photosPage(deps: PhotoFeatureDeps & ActorDeps & NoticeDeps): HrHandler {
  return async (req, res, session, c) => {
    const p = deps.photos;
    const progress = await currentProgress(deps);
    const campaignId = progress.ok ? progress.value.campaign.id : null;
    const [pending, published] = campaignId ? await Promise.all([p.store.inReview(campaignId), p.store.published(campaignId)]) : [[], []];
    const batches = await Promise.all(
      pending.map(async (b) => ({
        id: b.id,
        from: (await p.store.displayName(b.uploader.personId)) ?? c.volunteers.hr.unnamed,
        caption: [b.place, b.caption].filter((x) => x !== null && x !== '').join(' — '),
        photos: b.photos.filter((ph) => ph.withdrawnAt === null).map((ph) => ph.id),
      })),
    );
    const live = published.flatMap((b) => b.photos.filter((ph) => ph.withdrawnAt === null).map((ph) => ph.id));
    sendPage(res, 200, 'photos', c, { session, nav: 'photos', batches, published: live, notice: await noticeFor(deps, req, '/hr/photos') });
  };
}

export function reviewForm(deps: PhotoFeatureDeps & ActorDeps & NoticeDeps): HrHandler {
  return async (req, res, session, c) => {
    const parsed = reviewBody.safeParse(req.body);
    if (!parsed.success) return back(deps, req, res, c.photos.gallery.invalid);
    const { batch, decision, reason } = parsed.data;
    const hr = await requireHr(await sessionActor(deps, session));
    if (!hr) return back(deps, req, res, photoErrorText(c, { code: 'photo.not_hr' }));
    const result = await reviewBatch(deps, hr, batch, decision === 'approve' ? { approve: true } : { approve: false, reason: reason?.trim() || null });
    if (!result.ok) return back(deps, req, res, photoErrorText(c, result.error));
    const ids = result.value.batch.photos.map((ph) => ph.id);
    const said = decision === 'approve' ? c.dashboard.pages.photos.approved : c.dashboard.pages.photos.rejected;
    await back(deps, req, res, said(photoNumbers(ids), ids.length));
  };
}

export function withdrawForm(deps: PhotoFeatureDeps & ActorDeps & NoticeDeps): HrHandler {
  return async (req, res, session, c) => {
    const parsed = withdrawBody.safeParse(req.body);
    if (!parsed.success) return back(deps, req, res, c.photos.gallery.invalid);
    const result = await withdrawPhotos(deps, await sessionActor(deps, session), { photoId: parsed.data.photo });
    await back(deps, req, res, result.ok ? c.dashboard.pages.photos.withdrawn(parsed.data.photo) : photoErrorText(c, result.error));
  };
}

/** A thumbnail for HR's eyes: a photo of a batch waiting for review or published, never a withdrawn one. */
export function thumbRoute(deps: PhotoFeatureDeps & ActorDeps & NoticeDeps): HrHandler {
  return async (req: Request, res: Response) => {
    const photoId = id.safeParse(String(req.params.id ?? ''));
    const batch = photoId.success ? await deps.photos.store.batchOfPhoto(photoId.data) : null;
    const photo = batch?.photos.find((ph) => photoId.success && ph.id === photoId.data && ph.withdrawnAt === null);
    const bytes = batch && photo && (batch.status === 'in_review' || batch.status === 'approved') ? await deps.photos.storage.get(photo.thumbKey) : null;
    if (!bytes) {
      res.status(404).type('text/plain').send('not found');
      return;
    }
    res.set({ 'content-type': 'image/jpeg', 'cache-control': 'private, no-store', 'x-content-type-options': 'nosniff' }).send(bytes);
  };
}
