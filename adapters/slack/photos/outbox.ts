/**
 * The photos feature's outbox messages on Slack: HR's review (the photos uploaded into HR's own
 * direct message, then the Approve / Reject message) and notices to uploaders (with a Withdraw
 * button), and deleting the bot's own file copies once a photo is withdrawn or rejected.
 */
import type { ChatPostMessageArguments, WebClient } from '@slack/web-api';
import type { PhotoNoticeMessage, PhotoReviewMessage, PostedCopy, SendOutcome } from '../../../src/messaging/ports.js';
import { t } from '../../../src/shared/i18n/index.js';
import type { PhotoMessages } from '../../photos/messages.js';
import type { SlackMessage } from '../render.js';
import { noticeMessage, reviewMessage } from './blocks.js';
import { directChannel, uploadFiles } from './upload-files.js';

/** What one post adds to the message: the delivery tag, no link previews. */
export type PostExtras = Pick<ChatPostMessageArguments, 'metadata' | 'unfurl_links'>;

async function post(client: WebClient, channel: string, message: SlackMessage, extras: PostExtras): Promise<SendOutcome> {
  const res = await client.chat.postMessage({ channel, ...message, ...extras });
  return res.ts ? { status: 'sent', platformMessageId: res.ts } : { status: 'sent' };
}

/** One attempt; Web API errors are thrown for the sender to map. */
export async function sendPhotoReview(
  client: WebClient,
  photos: PhotoMessages,
  channelId: string,
  review: PhotoReviewMessage,
  extras: PostExtras,
  delivery: string | undefined,
): Promise<SendOutcome> {
  // A retry after the upload went through (the message did not) does not upload the photos again.
  const material = await photos.review(review.batchId, 'web', delivery);
  if (!material) return { status: 'failed', failure: { code: 'files.unavailable' } };
  // Uploads need the direct message's own id; a user id opens (or finds) it.
  const channel = /^[UW]/.test(channelId) ? await directChannel(client, channelId) : channelId;
  // Into HR's own direct message only: consented but not approved photos go nowhere else.
  const ids = await uploadFiles(
    client,
    channel,
    material.photos.map((f) => ({ bytes: f.bytes, name: `caravane-${f.id}.jpg` })),
  );
  for (const [i, fileId] of ids.entries()) {
    const photoId = material.photos[i]?.id;
    if (photoId !== undefined)
      await photos.posted([photoId], {
        platform: 'slack',
        kind: 'file',
        destination: { platform: 'slack', channelId: channel, ...(delivery ? { delivery } : {}) },
        platformRef: fileId,
      });
  }
  return post(client, channel, reviewMessage(t(review.locale), material.batch, material.uploaderName), extras);
}

export function sendPhotoNotice(client: WebClient, channelId: string, notice: PhotoNoticeMessage, extras: PostExtras): Promise<SendOutcome> {
  return post(client, channelId, noticeMessage(t(notice.locale), notice.notice, notice.withdrawBatchId), extras);
}

/** Deletes the bot's own Slack files; returns the copies that are gone. */
export async function retractSlackFiles(client: WebClient, copies: readonly PostedCopy[], warn: (copy: PostedCopy, error: unknown) => void): Promise<number[]> {
  const gone: number[] = [];
  for (const copy of copies) {
    if (copy.platform !== 'slack' || copy.kind !== 'file') continue;
    try {
      await client.files.delete({ file: copy.platformRef });
      gone.push(copy.id);
    } catch (error) {
      // Already deleted by someone in Slack: it is gone all the same.
      if (/file_not_found|file_deleted/.test(String(error))) gone.push(copy.id);
      else warn(copy, error);
    }
  }
  return gone;
}
