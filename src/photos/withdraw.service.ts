/**
 * Withdrawing: the uploader or HR takes a photo back at any time. It leaves the gallery and every
 * future post at once, its files are deleted, and the bot removes its own earlier copies where the
 * platform lets it (Slack files, Teams messages).
 */
import type { Actor } from '../chat/actor.js';
import { message } from '../chat/reply.js';
import { t } from '../shared/i18n/index.js';
import { err, ok, type Result } from '../shared/result.js';
import { checkWithdraw, photoNumbers, type Photo, type PhotoBatch, type PhotoNotFound, type PhotoRuleError } from './photo.js';
import { destinationKey, type Destination } from '../messaging/ports.js';
import { parseDestination } from '../outbox/payload.js';
import { photoFileId } from './album.service.js';
import type { PhotoDeps, PhotoFeatureDeps, PhotoPost } from './ports.js';
import { tellUploader } from './notices.js';

export async function deleteFiles(p: PhotoDeps, photos: readonly Photo[]): Promise<void> {
  for (const photo of photos) await Promise.all([p.storage.delete(photo.webKey), p.storage.delete(photo.thumbKey)]);
}

/**
 * Asks the platforms to remove the bot's copies of these photos, all at once (one message showing
 * several of them is edited or deleted once); returns how many copies went and how many stayed.
 * Those that stayed are tried again through the outbox, per conversation, until they are gone.
 */
export async function retractCopies(deps: PhotoFeatureDeps, p: PhotoDeps, photoIds: readonly number[]): Promise<{ retracted: number; kept: number }> {
  const posts = (await Promise.all(photoIds.map((id) => p.store.posts(id)))).flat();
  if (posts.length === 0) return { retracted: 0, kept: 0 };
  const outcome = await p.copies.retract(posts);
  await p.store.markRetracted(outcome.retracted, deps.clock.now());
  await retractLater(
    deps,
    posts.filter((post) => outcome.later.includes(post.id)),
  );
  return { retracted: outcome.retracted.length, kept: outcome.kept };
}

async function retractLater(deps: PhotoFeatureDeps, posts: PhotoPost[]): Promise<void> {
  const byConversation = new Map<string, { destination: Destination; posts: PhotoPost[] }>();
  for (const post of posts) {
    const destination = parseDestination(post.destination);
    if (!destination) continue;
    const key = destinationKey(destination);
    byConversation.set(key, { destination, posts: [...(byConversation.get(key)?.posts ?? []), post] });
  }
  for (const { destination, posts: mine } of byConversation.values()) {
    await deps.messaging.outbox.enqueue({
      kind: 'photo_retract',
      campaignId: null,
      message: { kind: 'retract', copies: mine.map(({ photoId, ...post }) => ({ ...post, fileId: photoFileId(photoId) })) },
      destinations: [destination],
      dedupeKey: `photo-retract:${mine.map((post) => post.id).join(',')}`,
      summary: `photos: ${new Set(mine.map((post) => post.photoId)).size}`,
    });
  }
}

export type WithdrawError = PhotoRuleError | PhotoNotFound;

export interface Withdrawn {
  batch: PhotoBatch;
  photoIds: number[];
  /** Earlier platform copies deleted, and those the platform would not let go. */
  retracted: number;
  kept: number;
}

/**
 * Withdraws one photo (`photoId`) or every photo of a batch (`batchId`, the button). Allowed to the
 * uploader and to HR; when HR withdraws someone's photo, the uploader is told. A batch left with no
 * photo before HR decided is discarded. Errors: `photo.not_found`, `photo.not_yours`,
 * `photo.withdrawn` (nothing left to withdraw).
 */
export async function withdrawPhotos(
  deps: PhotoFeatureDeps,
  actor: Actor,
  target: { photoId: number } | { batchId: number },
): Promise<Result<Withdrawn, WithdrawError>> {
  const p = deps.photos;
  const notFound = { code: 'photo.not_found', count: 'photoId' in target ? 1 : null } as const;
  const batch = 'photoId' in target ? await p.store.batchOfPhoto(target.photoId) : await p.store.getBatch(target.batchId);
  if (!batch) return err(notFound);
  const isHr = await actor.isAdmin();
  const live = batch.photos.filter((ph) => ph.withdrawnAt === null);
  // What was asked for: the one photo, or the batch's photos still there (all of them once none is left).
  const about = 'photoId' in target ? batch.photos.filter((ph) => ph.id === target.photoId) : live.length > 0 ? live : batch.photos;
  if (about.length === 0) return err(notFound);
  const allowed = checkWithdraw(batch, about, actor.person.id, isHr);
  if (!allowed.ok) return allowed;
  const chosen = about.filter((ph) => ph.withdrawnAt === null);
  const at = deps.clock.now();
  const ids = await p.store.withdraw(
    chosen.map((ph) => ph.id),
    `${actor.identity.platform}:${actor.identity.userId}`,
    at,
  );
  if (ids.length === 0) return err({ code: 'photo.withdrawn', count: about.length });
  const gone = chosen.filter((ph) => ids.includes(ph.id));
  await deleteFiles(p, gone);
  const { retracted, kept } = await retractCopies(deps, p, ids);
  const left = batch.photos.filter((ph) => ph.withdrawnAt === null && !ids.includes(ph.id));
  if (left.length === 0 && (batch.status === 'awaiting_consent' || batch.status === 'in_review')) {
    await p.store.setStatus(batch.id, batch.status, { status: 'discarded', at });
  }
  if (batch.uploader.personId !== actor.person.id) {
    const notice = message('info', [t(batch.locale).photos.withdrawnByHr(photoNumbers(ids), ids.length)]);
    await tellUploader(deps, p, batch, notice, `photo-notice:${batch.id}:withdrawn:${ids.join(',')}`);
  }
  return ok({ batch, photoIds: ids, retracted, kept });
}
