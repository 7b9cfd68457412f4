/**
 * Outgoing messages that are not answers to a command: digests, milestones, announcements,
 * reminders, promotions, album posts. The core decides what and to whom; each platform adapter
 * implements a PlatformSender; the outbox (durable, in Postgres) sits between the two.
 */
import type { MessageReply } from '../chat/reply.js';
import type { DeliveryFailure } from './delivery.js';
import type { Platform } from '../ports.js';
import type { Locale } from '../shared/money.js';

/**
 * Where a message goes. Slack: a channel id, or a user id for a direct message. Teams: a stored
 * conversation; `tenantId`, when known, lets the outbox pace sends per tenant (50/s per app).
 */
export type Destination =
  | { platform: 'slack'; channelId: string }
  | { platform: 'teams'; conversationId: string; tenantId?: string | undefined };

/** A picture shown with the message, fetched by the platform from a public HTTPS URL. */
export interface ImageAttachment {
  kind: 'image';
  url: string;
  alt: string;
}

/** A stored file (e.g. a photo under DATA_DIR) the sender uploads; `fileId` is resolved by the sender. */
export interface FileAttachment {
  kind: 'file';
  fileId: string;
  name: string;
  mimeType: string;
}

/**
 * The campaign's chart (progress and pledges per day), drawn by the sender at delivery time: Slack
 * uploads the PNG, Teams shows it from a signed link. The text stays the fallback when it cannot be.
 */
export interface ChartAttachment {
  kind: 'chart';
  campaignId: string;
  locale: Locale;
  alt: string;
}

export type Attachment = ImageAttachment | FileAttachment | ChartAttachment;

/**
 * Platform-neutral content: the same shape a command reply has, plus optional attachments. Stored
 * as jsonb in the outbox and checked with `outgoingMessageSchema` (src/outbox/payload.ts) when read.
 */
export type OutgoingMessage = MessageReply & { attachments?: Attachment[] | undefined };

/** What the outbox tells a sender about the attempt. */
export interface SendContext {
  /** Stable for a (message, target) pair across retries: senders may tag the post with it. */
  deliveryId: string;
}

/**
 * What one delivery attempt came to. `retry` is temporary (429, 5xx, timeouts) and may say when to
 * try again; `failed` is permanent (channel archived, bot removed or blocked, 403/404) and stops retries.
 */
export type SendOutcome =
  | { status: 'sent'; platformMessageId?: string }
  /** `uncertain`: the request may have reached the platform (timeout, reset), so a resend may duplicate. */
  | { status: 'retry'; failure: DeliveryFailure; retryAfterMs?: number; uncertain?: boolean }
  | { status: 'failed'; failure: DeliveryFailure };

/** Whether an earlier attempt, whose answer was lost, did reach the platform. */
export type DeliveryCheck = { delivered: true; platformMessageId?: string } | { delivered: false } | { delivered: 'unknown' };

export interface PlatformSender {
  readonly platform: Platform;
  /** One attempt, no retries of its own: the outbox owns backoff and pacing. Never throws for a platform answer. */
  send(destination: Destination, message: OutgoingMessage, context?: SendContext): Promise<SendOutcome>;
  /**
   * Optional: looks for a post tagged with `deliveryId` since `since`. The outbox asks before resending
   * a target whose previous attempt was cut off (crash, timeout), so a lost answer does not repeat the post.
   */
  findDelivered?(destination: Destination, deliveryId: string, since: Date): Promise<DeliveryCheck>;
}

export const destinationKey = (d: Destination): string =>
  d.platform === 'slack' ? `slack:${d.channelId}` : `teams:${d.conversationId}`;
