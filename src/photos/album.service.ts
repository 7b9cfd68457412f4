/**
 * The album: HR posts the approved photos not yet posted to every campaign channel through the
 * outbox, and the gallery shows every approved photo behind an expiring link. Whatever is withdrawn,
 * not consented or not approved is never part of either.
 */
import { createHash } from 'node:crypto';
import { today } from '../campaigns/campaigns.service.js';
import type { Campaign, NoCampaign } from '../campaigns/campaign.js';
import { operatorLabel, type HrActor } from '../chat/actor.js';
import type { Attachment, OutgoingMessage } from '../messaging/ports.js';
import { t } from '../shared/i18n/index.js';
import { type Coded, type Result, err, ok } from '../shared/result.js';
import { isPublishable, photoNumbers, type Photo, type PhotoBatch } from './photo.js';
import type { PhotoDeps, PhotoFeatureDeps } from './ports.js';
import { personText } from '../chat/text.js';

/** Photos per album post: Slack shares at most 10 files with one message, and a card must stay small. */
export const ALBUM_MAX = 10;

/** How stored photos are named inside outbox messages; the senders resolve it at delivery time. */
export const photoFileId = (photoId: number) => `photo:${photoId}`;

export function parsePhotoFileId(fileId: string): number | null {
  const m = /^photo:(\d{1,15})$/.exec(fileId);
  return m ? Number(m[1]) : null;
}

export type AlbumError = Coded<'photo.no_channels' | 'photo.nothing_new'> | NoCampaign;

/** The first `max` photos, in order, keeping their batches (for captions). */
function firstPhotos(batches: PhotoBatch[], max: number): { batches: PhotoBatch[]; photos: Photo[]; total: number } {
  const all = batches.flatMap((b) => b.photos);
  const chosen = new Set(all.slice(0, max).map((ph) => ph.id));
  const kept = batches.map((b) => ({ ...b, photos: b.photos.filter((ph) => chosen.has(ph.id)) })).filter((b) => b.photos.length > 0);
  return { batches: kept, photos: kept.flatMap((b) => b.photos), total: all.length };
}

async function albumMessage(deps: PhotoFeatureDeps, p: PhotoDeps, campaign: Campaign, batches: PhotoBatch[], photos: Photo[]): Promise<OutgoingMessage> {
  const c = t(deps.defaultLocale).photos;
  const gallery = await p.links.gallery(campaign.id, new Date(deps.clock.now().getTime() + p.linkTtlMs));
  const lines = batches.map((b) => {
    const numbers = photoNumbers(b.photos.map((ph) => ph.id));
    const text = [b.place, b.caption]
      .filter((x): x is string => x !== null && x !== '')
      .map(personText)
      .join(' — ');
    return text === '' ? `• ${numbers}` : c.albumLine(text, numbers);
  });
  const attachments: Attachment[] = photos.map((ph) => ({ kind: 'file', fileId: photoFileId(ph.id), name: `caravane-${ph.id}.jpg`, mimeType: 'image/jpeg' }));
  return {
    kind: 'message',
    tone: 'info',
    headline: c.albumHeadline(personText(campaign.name), photos.length),
    lines: [...lines, '', c.albumGallery(gallery), c.albumGalleryNote(Math.max(1, Math.round(p.linkTtlMs / 86_400_000)))],
    attachments,
  };
}

/**
 * Posts up to ALBUM_MAX approved, not yet posted photos to every campaign channel (one outbox
 * message, delivered later on each platform). A redelivered command posts nothing twice: the photos
 * are marked posted, and the outbox key is made from their ids. Only HR (`requireHr`).
 * Errors: `campaign.none`, `photo.no_channels`, `photo.nothing_new`.
 */
export async function postAlbum(deps: PhotoFeatureDeps, hr: HrActor): Promise<Result<{ posted: number; channels: number; remaining: number }, AlbumError>> {
  const p = deps.photos;
  const campaign = await deps.campaigns.current(today(deps));
  if (!campaign) return err({ code: 'campaign.none' });
  const destinations = (await deps.messaging.channels.list()).map((ch) => ch.destination);
  if (destinations.length === 0) return err({ code: 'photo.no_channels' });
  const { batches, photos, total } = firstPhotos(await p.store.unposted(campaign.id, 500), ALBUM_MAX);
  if (photos.length === 0) return err({ code: 'photo.nothing_new' });
  const ids = photos.map((ph) => ph.id);
  const albumKey = `album:${campaign.id}:${createHash('sha256').update(ids.join(',')).digest('hex').slice(0, 32)}`;
  await deps.messaging.outbox.enqueue({
    kind: 'album',
    campaignId: campaign.id,
    message: await albumMessage(deps, p, campaign, batches, photos),
    destinations,
    dedupeKey: albumKey,
    createdBy: operatorLabel(hr),
    summary: `album: ${photos.length}`,
  });
  // After the enqueue: a crash in between finds the same photos next time, hence the same key, hence no second post.
  await p.store.markPosted(ids, albumKey, deps.clock.now());
  return ok({ posted: photos.length, channels: destinations.length, remaining: total - photos.length });
}

/** A photo as it may be shown: only when consented, approved and not withdrawn; else null. */
export async function publishedPhoto(deps: { photos: Pick<PhotoDeps, 'store'> }, photoId: number): Promise<{ batch: PhotoBatch; photo: Photo } | null> {
  const p = deps.photos;
  const batch = await p.store.batchOfPhoto(photoId);
  const photo = batch?.photos.find((ph) => ph.id === photoId);
  if (!batch || !photo || !isPublishable(batch, photo)) return null;
  return { batch, photo };
}

/** The bytes of a publishable photo's version; null for anything else (never a reason why). */
export async function readPublished(deps: { photos: Pick<PhotoDeps, 'store' | 'storage'> }, photoId: number, variant: 'web' | 'thumb'): Promise<Buffer | null> {
  const found = await publishedPhoto(deps, photoId);
  if (!found) return null;
  return deps.photos.storage.get(variant === 'web' ? found.photo.webKey : found.photo.thumbKey);
}

/** The gallery of a campaign: its approved, consented, not withdrawn photos, newest upload first. */
export async function gallery(
  deps: { photos: Pick<PhotoDeps, 'store'>; campaigns: PhotoFeatureDeps['campaigns'] },
  campaignId: string,
): Promise<{ campaign: Campaign; batches: PhotoBatch[] } | null> {
  const p = deps.photos;
  const campaign = await deps.campaigns.get(campaignId);
  if (!campaign) return null;
  const batches = (await p.store.published(campaignId)).map((b) => ({ ...b, photos: b.photos.filter((ph) => isPublishable(b, ph)) }));
  return { campaign, batches: batches.filter((b) => b.photos.length > 0) };
}
