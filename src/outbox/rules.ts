/**
 * What happens to a target after one delivery attempt: sent, failed for good, or tried again later
 * with exponential backoff and jitter (or exactly when the platform said, plus a little jitter, on 429).
 * Pure: the worker passes the time and the random source.
 */
import { deliveryKey, GAVE_UP } from '../messaging/delivery.js';
import type { SendOutcome } from '../messaging/ports.js';

export interface RetryPolicy {
  /** First backoff after an error; doubles each time, up to `capMs`. */
  baseMs: number;
  capMs: number;
  /** Errors (not 429s) after which a target fails for good. */
  maxErrorAttempts: number;
  /** 429s after which a target fails for good: a platform that never lets us through. */
  maxThrottles: number;
}

export const DEFAULT_RETRY: RetryPolicy = { baseMs: 2_000, capMs: 10 * 60_000, maxErrorAttempts: 8, maxThrottles: 50 };

export interface AttemptHistory {
  /** Attempts made before this one. */
  attempts: number;
  /** Of which answered 429. */
  throttles: number;
}

export type Transition =
  | { status: 'sent'; platformMessageId: string | null }
  | { status: 'failed'; lastError: string; throttled: boolean }
  | {
      status: 'retry';
      nextAttemptAt: Date;
      lastError: string;
      /** A 429: the destination's lane pauses until `nextAttemptAt` for every message. */
      throttled: boolean;
      /** The attempt may have reached the platform: the next one must check or count a possible duplicate. */
      uncertain: boolean;
    };

/**
 * Exponential backoff with "equal jitter": a delay drawn in [d/2, d], d = min(cap, base·2^(n-1)), so
 * targets that failed together do not all come back at the same instant.
 */
export function backoffMs(errorAttempt: number, policy: RetryPolicy, random: () => number): number {
  const exp = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, errorAttempt - 1));
  return Math.round(exp / 2 + (exp / 2) * random());
}

/** Retry-After is a floor; up to 10 % (at most 1 s) is added so a herd of 429s spreads out. */
export function retryAfterDelayMs(retryAfterMs: number, random: () => number): number {
  return Math.round(retryAfterMs + Math.min(1_000, retryAfterMs * 0.1) * random());
}

/** The next state of a target after `outcome`. The failure is kept in `lastError` as its key (src/messaging/delivery.ts). */
export function decideAfter(outcome: SendOutcome, history: AttemptHistory, now: Date, policy: RetryPolicy, random: () => number): Transition {
  if (outcome.status === 'sent') return { status: 'sent', platformMessageId: outcome.platformMessageId ?? null };
  if (outcome.status === 'failed') return { status: 'failed', lastError: deliveryKey(outcome.failure), throttled: false };
  const throttled = outcome.retryAfterMs !== undefined;
  const throttles = history.throttles + (throttled ? 1 : 0);
  const errors = history.attempts + 1 - throttles;
  if (throttled && throttles >= policy.maxThrottles) {
    return { status: 'failed', lastError: `${GAVE_UP}${deliveryKey(outcome.failure)}`, throttled };
  }
  if (!throttled && errors >= policy.maxErrorAttempts) {
    return { status: 'failed', lastError: `${GAVE_UP}${deliveryKey(outcome.failure)}`, throttled };
  }
  const delay = outcome.retryAfterMs !== undefined ? retryAfterDelayMs(outcome.retryAfterMs, random) : backoffMs(errors, policy, random);
  return {
    status: 'retry',
    nextAttemptAt: new Date(now.getTime() + delay),
    lastError: deliveryKey(outcome.failure),
    throttled,
    uncertain: outcome.uncertain === true,
  };
}
