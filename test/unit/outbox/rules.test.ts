import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY, backoffMs, decideAfter } from '../../../src/outbox/rules.js';

const now = new Date('2026-11-27T10:00:00Z');
const at = (t: { status: string; nextAttemptAt?: Date }) => (t.nextAttemptAt?.getTime() ?? 0) - now.getTime();

describe('retry rules', () => {
  it('backs off exponentially with jitter, capped', () => {
    expect(backoffMs(1, DEFAULT_RETRY, () => 0)).toBe(1_000);
    expect(backoffMs(1, DEFAULT_RETRY, () => 1)).toBe(2_000);
    expect(backoffMs(3, DEFAULT_RETRY, () => 1)).toBe(8_000);
    expect(backoffMs(30, DEFAULT_RETRY, () => 1)).toBe(DEFAULT_RETRY.capMs);
    const spread = new Set(Array.from({ length: 20 }, (_, i) => backoffMs(4, DEFAULT_RETRY, () => i / 20)));
    expect(spread.size).toBe(20);
  });

  it('honours Retry-After as a floor, adding at most 10 %', () => {
    const low = decideAfter(
      { status: 'retry', failure: { code: 'rate_limited' }, retryAfterMs: 30_000 },
      { attempts: 0, throttles: 0 },
      now,
      DEFAULT_RETRY,
      () => 0,
    );
    const high = decideAfter(
      { status: 'retry', failure: { code: 'rate_limited' }, retryAfterMs: 30_000 },
      { attempts: 0, throttles: 0 },
      now,
      DEFAULT_RETRY,
      () => 1,
    );
    expect(low).toMatchObject({ status: 'retry', throttled: true });
    expect(at(low as { status: string; nextAttemptAt: Date })).toBe(30_000);
    expect(at(high as { status: string; nextAttemptAt: Date })).toBe(31_000);
  });

  it('stops at once on a permanent error, keeping the reason', () => {
    expect(
      decideAfter({ status: 'failed', failure: { code: 'destination.archived' } }, { attempts: 0, throttles: 0 }, now, DEFAULT_RETRY, Math.random),
    ).toEqual({
      status: 'failed',
      lastError: 'destination.archived',
      throttled: false,
    });
  });

  it('gives up after too many errors, but 429s do not use up that budget', () => {
    const error = { status: 'retry' as const, failure: { code: 'platform.error', status: 503 } as const };
    expect(decideAfter(error, { attempts: 6, throttles: 0 }, now, DEFAULT_RETRY, Math.random).status).toBe('retry');
    expect(decideAfter(error, { attempts: 7, throttles: 0 }, now, DEFAULT_RETRY, Math.random)).toMatchObject({
      status: 'failed',
      lastError: 'gave_up:platform.error:503',
    });
    expect(decideAfter(error, { attempts: 26, throttles: 20 }, now, DEFAULT_RETRY, Math.random).status).toBe('retry');
    const throttle = { status: 'retry' as const, failure: { code: 'rate_limited' } as const, retryAfterMs: 1000 };
    expect(decideAfter(throttle, { attempts: 49, throttles: 49 }, now, DEFAULT_RETRY, Math.random).status).toBe('failed');
  });

  it('carries the doubt of an attempt that may have arrived', () => {
    const t = decideAfter({ status: 'retry', failure: { code: 'timeout' }, uncertain: true }, { attempts: 0, throttles: 0 }, now, DEFAULT_RETRY, () => 0.5);
    expect(t).toMatchObject({ status: 'retry', uncertain: true, throttled: false });
  });
});
