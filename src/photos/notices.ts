/**
 * What the photos feature tells people privately: HR's review requests and the uploader's notices.
 * Each goes through the outbox to one person, in their language, in their direct conversation with
 * the bot; the senders draw them (the review card with its photos and buttons) and deliver them
 * durably, once, whenever the platform is reachable.
 */
import type { MessageReply } from '../chat/reply.js';
import type { MessagingDeps } from '../messaging/deps.js';
import type { PhotoBatch } from './photo.js';
import type { PhotoDeps, Recipient } from './ports.js';

type Outbox = { messaging: Pick<MessagingDeps, 'outbox'> };

const live = (batch: PhotoBatch) => batch.photos.filter((ph) => ph.withdrawnAt === null);

/**
 * Queues HR's review of `batch` for `to`; false when they cannot be reached privately (no chat with
 * the bot yet). `key` makes it once: the same key never queues a second review.
 */
export async function requestReview(deps: Outbox, p: PhotoDeps, batch: PhotoBatch, to: Recipient, key: string): Promise<boolean> {
  const destination = await p.direct.of(to);
  if (!destination) return false;
  await deps.messaging.outbox.enqueue({
    kind: 'photo_review',
    campaignId: batch.campaignId,
    message: { kind: 'photo.review', batchId: batch.id, locale: to.locale },
    destinations: [destination],
    dedupeKey: key,
    summary: `photos: ${live(batch).length}`,
  });
  return true;
}

/** Queues a notice to the batch's uploader (with a Withdraw button for `withdrawBatchId`); false when they cannot be reached. */
export async function tellUploader(
  deps: Outbox,
  p: PhotoDeps,
  batch: PhotoBatch,
  notice: MessageReply,
  key: string,
  withdrawBatchId?: number,
): Promise<boolean> {
  const { platform, userId, tenantId } = batch.uploader;
  const destination = await p.direct.of({ platform, userId, tenantId });
  if (!destination) return false;
  await deps.messaging.outbox.enqueue({
    kind: 'photo_notice',
    campaignId: batch.campaignId,
    message: { kind: 'photo.notice', locale: batch.locale, notice, ...(withdrawBatchId === undefined ? {} : { withdrawBatchId }) },
    destinations: [destination],
    dedupeKey: key,
    summary: null,
  });
  return true;
}
