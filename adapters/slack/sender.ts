/**
 * Slack's PlatformSender for the outbox: one `chat.postMessage` per attempt through a dedicated
 * WebClient that neither retries nor sleeps on 429 (`rejectRateLimitedCalls`), so the outbox owns
 * backoff and pacing and a broadcast never stalls the client that answers people's commands.
 */
import type { ImageBlock } from '@slack/types';
import { ErrorCode, LogLevel, WebClient, type FetchFunction } from '@slack/web-api';
import { z } from 'zod';
import type { DeliveryFailure } from '../../src/messaging/delivery.js';
import type {
  DeliveryCheck,
  Destination,
  OutboxPayload,
  OutgoingMessage,
  PlatformSender,
  PostedCopy,
  SendContext,
  SendOutcome,
} from '../../src/messaging/ports.js';
import type { StoredFiles } from '../../src/messaging/files.js';
import { chartOf, withoutChart, type ChartImages } from '../../src/messaging/charts.js';
import { chartBlock, dropChart, uploadChart } from './chart-post.js';
import type { Logger } from '../logger.js';
import { retractAgain, type PhotoMessages } from '../photos/messages.js';
import { hasStoredFiles, sendWithFiles } from './photos/album-upload.js';
import { retractSlackFiles, sendPhotoNotice, sendPhotoReview, type PostExtras } from './photos/outbox.js';
import { renderMessage, type SlackMessage } from './render.js';

export interface SlackSenderOptions {
  token: string;
  apiUrl: string;
  /** Per call; keep it well under the outbox lease. */
  timeoutMs?: number;
  /** Stored files (album photos) to upload with a message; without it such messages fail. */
  files?: StoredFiles | undefined;
  /** Draws the chart digest and milestone posts carry; without it they go out as text. */
  charts?: ChartImages | undefined;
  /** HR's photo reviews and the notices about photos; without it such messages fail. */
  photos?: PhotoMessages | undefined;
  logger?: Logger | undefined;
  /** Every call goes through it (aborted when the process stops). */
  fetch?: FetchFunction;
}

/** Slack answers that will not change on retry, in the senders' shared words. */
const PERMANENT: Record<string, DeliveryFailure> = {
  channel_not_found: { code: 'destination.not_found' },
  user_not_found: { code: 'destination.not_found' },
  is_archived: { code: 'destination.archived' },
  not_in_channel: { code: 'bot.not_member' },
  account_inactive: { code: 'bot.inactive' },
  invalid_auth: { code: 'token.refused' },
  not_authed: { code: 'token.refused' },
  token_revoked: { code: 'token.refused' },
  token_expired: { code: 'token.refused' },
  missing_scope: { code: 'permission.missing' },
  no_permission: { code: 'permission.missing' },
  restricted_action: { code: 'permission.missing' },
  ekm_access_denied: { code: 'permission.missing' },
  team_access_not_granted: { code: 'permission.missing' },
};
/** Slack answers worth trying again later. */
const TEMPORARY = new Set(['ratelimited', 'rate_limited', 'internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);

/** Marks every post with the outbox delivery id, so a post whose answer was lost can be found again. */
export const DELIVERY_EVENT = 'caravane_delivery';

const errorShape = z.looseObject({
  code: z.string().optional().catch(undefined),
  retryAfter: z.number().optional().catch(undefined),
  statusCode: z.number().optional().catch(undefined),
  data: z
    .looseObject({ error: z.string().optional().catch(undefined) })
    .optional()
    .catch(undefined),
  original: z
    .looseObject({
      code: z.string().optional().catch(undefined),
      cause: z
        .looseObject({ code: z.string().optional().catch(undefined) })
        .optional()
        .catch(undefined),
    })
    .optional()
    .catch(undefined),
});

/** Maps what the Web API client threw to the outbox's vocabulary (src/messaging/delivery.ts). */
export function slackOutcome(error: unknown): SendOutcome {
  const e = errorShape.safeParse(error);
  if (!e.success) return { status: 'retry', failure: { code: 'unexpected', detail: 'unreadable error' }, uncertain: true };
  const { code, retryAfter, statusCode, data, original } = e.data;
  if (code === ErrorCode.RateLimitedError) return { status: 'retry', failure: { code: 'rate_limited' }, retryAfterMs: (retryAfter ?? 1) * 1000 };
  if (code === ErrorCode.PlatformError) {
    const reason = data?.error ?? 'unknown_error';
    if (reason === 'ratelimited' || reason === 'rate_limited') return { status: 'retry', failure: { code: 'rate_limited' } };
    if (TEMPORARY.has(reason)) return { status: 'retry', failure: { code: 'platform.error' } };
    // Unknown codes too: Slack would give the same answer to the same request.
    return { status: 'failed', failure: PERMANENT[reason] ?? { code: 'message.refused', platformCode: reason.slice(0, 80) } };
  }
  if (code === ErrorCode.HTTPError) {
    const status = statusCode ?? 0;
    if (status === 408) return { status: 'retry', failure: { code: 'timeout' } };
    if (status >= 500) return { status: 'retry', failure: { code: 'platform.error', status } };
    return {
      status: 'failed',
      failure: status === 403 ? { code: 'bot.removed' } : status === 404 ? { code: 'destination.not_found' } : { code: 'platform.error', status },
    };
  }
  if (code === ErrorCode.RequestError) {
    const cause = original?.code ?? original?.cause?.code;
    // Refused: nothing reached Slack. Anything else (reset, timeout) may have been posted.
    return cause === 'ECONNREFUSED'
      ? { status: 'retry', failure: { code: 'network', refused: true } }
      : { status: 'retry', failure: { code: 'network', refused: false }, uncertain: true };
  }
  return { status: 'retry', failure: { code: 'unexpected', detail: code ?? 'no error code' }, uncertain: true };
}

/** Block Kit for an outgoing message: the reply layout plus one image block per picture. */
function slackPayload(message: OutgoingMessage, chart: ImageBlock[] = []): SlackMessage {
  const rendered = renderMessage(message);
  const images = (message.attachments ?? []).flatMap((a): ImageBlock[] =>
    a.kind === 'image' ? [{ type: 'image', image_url: a.url, alt_text: a.alt.slice(0, 2000) || ' ' }] : [],
  );
  return { text: rendered.text, blocks: [...rendered.blocks, ...images, ...chart] };
}

const history = z.looseObject({
  messages: z.array(
    z.looseObject({
      ts: z.string().optional(),
      metadata: z.looseObject({ event_type: z.string().optional(), event_payload: z.looseObject({ delivery: z.unknown().optional() }).optional() }).optional(),
    }),
  ),
  has_more: z.boolean().optional(),
});

export function createSlackSender(options: SlackSenderOptions): PlatformSender {
  const client = new WebClient(options.token, {
    slackApiUrl: options.apiUrl,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: options.timeoutMs ?? 10_000,
    logLevel: LogLevel.ERROR,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  /** Deletes the bot's own files (album and HR's review copies). */
  const retract = (copies: readonly PostedCopy[]): Promise<number[]> =>
    retractSlackFiles(client, copies, (copy, error) =>
      options.logger?.warn({ component: 'photos', platform: 'slack', post: copy.id, err: String(error) }, 'slack file copy not deleted'),
    );

  return {
    platform: 'slack',

    async send(destination: Destination, payload: OutboxPayload, context?: SendContext): Promise<SendOutcome> {
      if (destination.platform !== 'slack') return { status: 'failed', failure: { code: 'platform.mismatch' } };
      const extras: PostExtras = {
        unfurl_links: false,
        ...(context ? { metadata: { event_type: DELIVERY_EVENT, event_payload: { delivery: context.deliveryId } } } : {}),
      };
      if (payload.kind === 'photo.notice') return sendPhotoNotice(client, destination.channelId, payload, extras).catch(slackOutcome);
      if (payload.kind === 'photo.review') {
        if (!options.photos) return { status: 'failed', failure: { code: 'files.unavailable' } };
        return sendPhotoReview(client, options.photos, destination.channelId, payload, extras, context?.deliveryId).catch(slackOutcome);
      }
      if (payload.kind === 'retract') return retractAgain(options.photos, payload.copies, retract);
      const message: OutgoingMessage = payload;
      if (hasStoredFiles(message)) {
        if (!options.files) return { status: 'failed', failure: { code: 'files.unavailable' } };
        return await sendWithFiles(client, options.files, destination, message).catch(slackOutcome);
      }
      const chart = chartOf(message);
      const text = withoutChart(message);
      const fileId = chart && options.charts ? await uploadChart(client, options.charts, chart) : null;
      const post = async (blocks: ImageBlock[]): Promise<SendOutcome> => {
        try {
          const res = await client.chat.postMessage({ channel: destination.channelId, ...slackPayload(text, blocks), ...extras });
          return res.ts ? { status: 'sent', platformMessageId: res.ts } : { status: 'sent' };
        } catch (error) {
          return slackOutcome(error);
        }
      };
      if (!chart || !fileId) return post([]);
      const outcome = await post([chartBlock(fileId, chart)]);
      if (outcome.status === 'sent') return outcome;
      await dropChart(client, fileId);
      // Slack refused the image (not processed yet, not an image): nothing was posted, the text goes alone.
      return outcome.status === 'failed' && outcome.failure.code === 'message.refused' && outcome.failure.platformCode === 'invalid_blocks'
        ? post([])
        : outcome;
    },

    retract,

    /** Reads the channel's recent history for a post tagged with the delivery id (needs the *:history scopes). */
    async findDelivered(destination: Destination, deliveryId: string, since: Date): Promise<DeliveryCheck> {
      if (destination.platform !== 'slack') return { delivered: 'unknown' };
      try {
        let channel = destination.channelId;
        if (/^[UW]/.test(channel)) channel = (await client.conversations.open({ users: channel })).channel?.id ?? channel;
        const oldest = String(Math.floor(since.getTime() / 1000) - 60);
        const res = history.safeParse(await client.conversations.history({ channel, oldest, include_all_metadata: true, limit: 200 }));
        if (!res.success) return { delivered: 'unknown' };
        const found = res.data.messages.find((m) => m.metadata?.event_type === DELIVERY_EVENT && m.metadata.event_payload?.delivery === deliveryId);
        if (found) return found.ts ? { delivered: true, platformMessageId: found.ts } : { delivered: true };
        return res.data.has_more ? { delivered: 'unknown' } : { delivered: false };
      } catch {
        return { delivered: 'unknown' };
      }
    },
  };
}
