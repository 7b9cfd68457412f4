/** The outbox worker's settings and its handle (adapters/outbox/worker.ts). */
import type { PlatformSender } from '../../src/messaging/ports.js';
import type { PaceLimits } from '../../src/outbox/pacing.js';
import type { RetryPolicy } from '../../src/outbox/rules.js';
import type { Clock } from '../../src/shared/clock.js';
import type { Logger } from '../logger.js';
import type { OutboxQueue } from './ports.js';

export interface OutboxWorkerOptions {
  /** db/repositories/outbox-queue.ts `outboxQueue`. */
  queue: OutboxQueue;
  senders: PlatformSender[];
  clock: Clock;
  logger: Logger;
  workerId?: string;
  /** How often an idle worker looks for work (a safety poll when it is woken by `nudge`). */
  pollMs?: number;
  /** A claim older than this is taken over by another worker. Keep it well above `sendTimeoutMs`. */
  leaseMs?: number;
  /** How far ahead pacing slots are reserved; the worker holds each target until its slot. */
  horizonMs?: number;
  /** Targets held at once (waiting for a slot or being sent). */
  maxInFlight?: number;
  sendTimeoutMs?: number;
  limits?: PaceLimits;
  retry?: RetryPolicy;
  random?: () => number;
}

export interface OutboxWorker {
  readonly id: string;
  /** Claims and starts what is due now; resolves with the number claimed. */
  tick(): Promise<number>;
  /** Told that a message was enqueued: claims now (when running on its own) instead of at the next poll. */
  nudge(): void;
  /** Resolves when every target started so far has finished. */
  idle(): Promise<void>;
  /** Resolves when nothing is being sent: every held target is waiting for a slot still to come. */
  settle(): Promise<void>;
  /** Stops claiming, gives back targets not yet started, waits for the sends under way. */
  stop(): Promise<void>;
}
