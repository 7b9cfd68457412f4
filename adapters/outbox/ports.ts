/**
 * What the outbox worker needs from storage: claim due targets, mark them sending, record how each
 * attempt ended, give back what was never started. Implemented in db/repositories/outbox-queue.ts
 * (claims in db/repositories/outbox-claim.ts); every write is guarded by the claimant's id.
 */
import type { Destination, OutboxPayload } from '../../src/messaging/ports.js';
import type { OutboxKind } from '../../src/outbox/outbox.js';
import type { PaceLimits } from '../../src/outbox/pacing.js';
import type { Transition } from '../../src/outbox/rules.js';
import type { Platform } from '../../src/ports.js';

export interface ClaimOptions {
  workerId: string;
  now: Date;
  /** A claim older than this is considered abandoned (the worker died) and may be taken over. */
  leaseMs: number;
  /** Slots up to this far ahead are reserved now; the worker holds the target until its slot. */
  horizonMs: number;
  /** At most this many targets. */
  limit: number;
  platforms: readonly Platform[];
  limits: PaceLimits;
}

export interface ClaimedTarget {
  id: number;
  messageId: string;
  /** Null, like `message`, when the stored row cannot be read by this version. */
  kind: OutboxKind | null;
  destinationKey: string;
  /** Null when the stored row cannot be read by this version: the worker fails it. */
  destination: Destination | null;
  message: OutboxPayload | null;
  attempts: number;
  throttles: number;
  /** The previous attempt was cut off while sending: it may have reached the platform. */
  uncertain: boolean;
  /** When the cut-off attempt started, to look for its post. */
  previousClaimAt: Date | null;
  slotAt: Date;
}

export interface FinishInput {
  id: number;
  workerId: string;
  destinationKey: string;
  transition: Transition;
  /** This attempt re-sent a target whose earlier attempt may have arrived, and nothing could confirm it. */
  possibleDuplicate: boolean;
  now: Date;
  /** The destination's next send is not before this (the attempt's start plus the lane's interval, or Retry-After). */
  laneNextAt: Date;
}

export interface OutboxQueue {
  /** Targets claimed longer than `leaseMs` ago (their worker died) become due again. */
  sweepAbandoned(now: Date, leaseMs: number): Promise<void>;
  /** Claims what can be sent within the horizon, across every platform given, oldest lanes first. */
  claimDue(o: ClaimOptions): Promise<ClaimedTarget[]>;
  /** The targets' slots came: they are about to be sent. Returns the ids this worker still held. */
  markSending(ids: number[], workerId: string, now: Date): Promise<Set<number>>;
  /** Records how the attempt ended and moves the destination's next send to `laneNextAt`. */
  finish(f: FinishInput): Promise<void>;
  /** Gives back targets this worker held but never started. */
  release(ids: number[], workerId: string): Promise<void>;
}
