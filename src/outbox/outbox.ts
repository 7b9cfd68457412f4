/**
 * The durable outbox, as the core sees it: every message the bot sends first (digest, milestone,
 * announcement, reminder, promotion, album post, HR's photo reviews, notices about photos) is enqueued here with all its targets, in the same transaction as
 * the decision that made it. Workers (adapters/outbox) deliver it later, once per target.
 */
import type { Destination, OutboxPayload } from '../messaging/ports.js';

export type OutboxKind =
  'digest' | 'milestone' | 'announcement' | 'reminder' | 'promotion' | 'album' | 'thanks' | 'photo_review' | 'photo_notice' | 'photo_retract';

export const OUTBOX_KINDS: readonly OutboxKind[] = [
  'digest',
  'milestone',
  'announcement',
  'reminder',
  'promotion',
  'album',
  'thanks',
  'photo_review',
  'photo_notice',
  'photo_retract',
];

/**
 * What HR's delivery status lists: the campaign's messages. Photo reviews, notices and retractions
 * are the bot's own business with one person at a time and would crowd the short list out.
 */
export const STATUS_KINDS: readonly OutboxKind[] = OUTBOX_KINDS.filter((k) => !k.startsWith('photo_'));

export interface OutboxRequest {
  kind: OutboxKind;
  campaignId: string | null;
  message: OutboxPayload;
  /** Duplicates (same platform and id) are dropped; an empty list enqueues nothing. */
  destinations: Destination[];
  /**
   * Same key, same message: enqueuing twice (a redelivered command, two instances running the same
   * job) creates it once. Scope it: `announcement:slack:view:V123`, `digest:<campaign>:<day>`.
   */
  dedupeKey: string;
  /** Not delivered before this time (a scheduled announcement). Default: now. */
  notBefore?: Date | undefined;
  /** `platform:userId` of whoever asked for it, shown to HR in the delivery status. */
  createdBy?: string | null | undefined;
  /** A short label for the status list (e.g. the start of an announcement). Never personal data. */
  summary?: string | null | undefined;
}

export interface EnqueueResult {
  /** Null when there was no destination: nothing was stored. */
  messageId: string | null;
  /** False when the dedupe key was already used: nothing new was enqueued. */
  created: boolean;
  targets: number;
}

export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed';

/** One message's delivery, for HR's status list. */
export interface OutboxSummary {
  messageId: string;
  kind: OutboxKind;
  summary: string | null;
  createdAt: Date;
  notBefore: Date;
  counts: Record<DeliveryStatus, number>;
  /** Targets re-sent after an attempt whose answer was lost: they may show the message twice. */
  possibleDuplicates: number;
  /** Why targets failed for good, most frequent first. */
  failures: Array<{ reason: string; count: number; destinations: Destination[] }>;
}

/** The outbox port. Implementations: db/repositories/outbox.ts (Postgres, PGlite). */
export interface OutboxStore {
  /**
   * Stores the message and one pending target per destination, atomically; idempotent on `dedupeKey`
   * (then `created: false` and the existing message id). Never fails for an expected reason.
   */
  enqueue(request: OutboxRequest): Promise<EnqueueResult>;
  /** The latest messages of the given kinds (all kinds when omitted), newest first. */
  recent(limit: number, kinds?: readonly OutboxKind[]): Promise<OutboxSummary[]>;
}
