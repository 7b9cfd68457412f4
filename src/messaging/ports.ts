/**
 * Outgoing messages that are not answers to a command: digests, milestones, announcements,
 * reminders, promotions, album posts. The core decides what and to whom; each platform adapter
 * implements a PlatformSender; the outbox (durable, in Postgres) sits between the two.
 */
import type { MessageReply } from '../chat/message.js';
import type { Platform } from '../ports.js';
import type { Locale } from '../shared/money.js';

/**
 * Where a message goes. Slack: a channel id, or a user id for a direct message. Teams: a stored
 * conversation; `tenantId`, when known, lets the outbox pace sends per tenant (50/s per app).
 */
export type Destination = { platform: 'slack'; channelId: string } | { platform: 'teams'; conversationId: string; tenantId?: string | undefined };

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

/**
 * HR's review of a consented photo batch, with Approve / Reject and the photos themselves. The sender
 * draws it at delivery time from the batch as it then is: photos withdrawn in between are left out,
 * and a batch no longer waiting for HR is not sent at all.
 */
export interface PhotoReviewMessage {
  kind: 'photo.review';
  batchId: number;
  /** The reader's language. */
  locale: Locale;
}

/** A private notice about someone's photos, with a Withdraw button when it is about an approved batch. */
export interface PhotoNoticeMessage {
  kind: 'photo.notice';
  locale: Locale;
  notice: MessageReply;
  withdrawBatchId?: number | undefined;
}

/**
 * Copies of withdrawn or rejected photos the bot could not take back at once (the platform was down
 * or refused for a while): the sender's retraction is tried again until they are gone.
 */
export interface RetractMessage {
  kind: 'retract';
  copies: PostedCopy[];
}

/** What the outbox carries: a plain message, one the senders draw as a rich card with buttons, or a retraction. */
export type OutboxPayload = OutgoingMessage | PhotoReviewMessage | PhotoNoticeMessage | RetractMessage;

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
  | { status: 'retry'; reason: string; retryAfterMs?: number; uncertain?: boolean }
  | { status: 'failed'; reason: string };

/** Whether an earlier attempt, whose answer was lost, did reach the platform. */
export type DeliveryCheck = { delivered: true; platformMessageId?: string } | { delivered: false } | { delivered: 'unknown' };

export interface PlatformSender {
  readonly platform: Platform;
  /** One attempt, no retries of its own: the outbox owns backoff and pacing. Never throws for a platform answer. */
  send(destination: Destination, message: OutboxPayload, context?: SendContext): Promise<SendOutcome>;
  /**
   * Optional: looks for a post tagged with `deliveryId` since `since`. The outbox asks before resending
   * a target whose previous attempt was cut off (crash, timeout), so a lost answer does not repeat the post.
   */
  findDelivered?(destination: Destination, deliveryId: string, since: Date): Promise<DeliveryCheck>;
  /**
   * Optional: takes the bot's own earlier copies of withdrawn or rejected files back out of this
   * platform (deleted, redrawn without them, or replaced by a short notice); returns the ids of the
   * copies that are gone. Never throws for a platform answer.
   */
  retract?(copies: readonly PostedCopy[]): Promise<number[]>;
}

/** One copy of a stored file the bot put on a platform, as recorded when it was sent. */
export interface PostedCopy {
  id: number;
  /** The stored file it shows (`photo:<id>`). */
  fileId: string;
  platform: Platform;
  kind: 'file' | 'message';
  /** Where it was posted, as the sender recorded it (a Destination, plus the reader's language for review cards). */
  destination: unknown;
  /** Slack: the file id. Teams: the activity id (`review:<id>` for HR's review cards). */
  platformRef: string;
}

/** Someone as one platform knows them. Teams: the AAD object id; HR people listed by id alone may have no tenant. */
export interface PlatformUser {
  platform: Platform;
  userId: string;
  tenantId?: string | undefined;
}

/**
 * The one way to find where a person can be written to privately. Slack: their user id
 * (chat.postMessage opens the direct message). Teams: their most recently used active 1:1 chat with
 * the bot; null when they never opened one or blocked the bot (Teams does not let a bot start it).
 * Implementation: db/repositories/direct-chats.ts.
 */
export interface DirectChats {
  of(user: PlatformUser): Promise<Destination | null>;
}

export const destinationKey = (d: Destination): string => (d.platform === 'slack' ? `slack:${d.channelId}` : `teams:${d.conversationId}`);
