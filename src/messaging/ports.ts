/**
 * Outgoing messages that are not answers to a command: digests, milestones, announcements,
 * reminders, promotions, album posts. The core decides what and to whom; each platform adapter
 * implements a PlatformSender; the outbox (durable, in Postgres) sits between the two.
 */
import type { MessageReply } from '../chat/reply.js';
import type { Platform } from '../ports.js';

/** Where a message goes. Slack: a channel id, or a user id for a direct message. Teams: a stored conversation. */
export type Destination =
  | { platform: 'slack'; channelId: string }
  | { platform: 'teams'; conversationId: string };

/** Platform-neutral content: the same shape a command reply has. Later features may add fields. */
export type OutgoingMessage = MessageReply;

/**
 * What one delivery attempt came to. `retry` is temporary (429, 5xx, timeouts) and may say when to
 * try again; `failed` is permanent (channel archived, bot removed or blocked, 403/404) and stops retries.
 */
export type SendOutcome =
  | { status: 'sent'; platformMessageId?: string }
  | { status: 'retry'; reason: string; retryAfterMs?: number }
  | { status: 'failed'; reason: string };

export interface PlatformSender {
  readonly platform: Platform;
  send(destination: Destination, message: OutgoingMessage): Promise<SendOutcome>;
}

export const destinationKey = (d: Destination): string =>
  d.platform === 'slack' ? `slack:${d.channelId}` : `teams:${d.conversationId}`;
