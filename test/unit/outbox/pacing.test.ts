import { describe, expect, it } from 'vitest';
import { PLATFORM_LIMITS, paceKeys, reserveSlots, scaledLimits } from '../../../src/outbox/pacing.js';

/** The most sends any `windowMs`-long window holds. */
function busiest(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= windowMs) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

/** Reserves slots for every request, claim after claim, like a worker polling every `pollMs`. */
function simulate(requests: Array<{ id: string; keys: ReturnType<typeof paceKeys> }>, pollMs: number, horizonMs: number) {
  const next = new Map<string, number>();
  const slots = new Map<string, number>();
  let pending = requests;
  for (let now = 0; pending.length > 0 && now < 10_000_000; now += pollMs) {
    for (const s of reserveSlots(pending, next, now, horizonMs)) slots.set(s.id, s.slotMs);
    pending = pending.filter((r) => !slots.has(r.id));
  }
  return slots;
}

describe('pacing', () => {
  it('keeps every Slack channel under one post per second and never idles a free channel', () => {
    const requests = Array.from({ length: 300 }, (_, i) => ({ id: `r${i}`, keys: paceKeys({ platform: 'slack', channelId: `C${i % 3}` }, PLATFORM_LIMITS) }));
    const slots = simulate(requests, 100, 1_000);
    for (const channel of [0, 1, 2]) {
      const times = requests.filter((_, i) => i % 3 === channel).map((r) => slots.get(r.id)!);
      expect(busiest(times, 1_000)).toBe(1);
      // 100 posts to one channel take 99 intervals and no more: the floor the limit allows, plus the margin.
      expect(Math.max(...times)).toBeLessThanOrEqual(99 * 1_050);
    }
  });

  it('keeps Teams under 7/s per conversation and 50/s per tenant', () => {
    const requests = Array.from({ length: 1_000 }, (_, i) => ({
      id: `r${i}`,
      keys: paceKeys({ platform: 'teams', conversationId: `19:c${i % 40}`, tenantId: 'T' }, PLATFORM_LIMITS),
    }));
    const slots = simulate(requests, 50, 1_000);
    const all = [...slots.values()];
    expect(busiest(all, 1_000)).toBeLessThanOrEqual(50);
    for (let c = 0; c < 40; c++) {
      expect(
        busiest(
          requests.filter((_, i) => i % 40 === c).map((r) => slots.get(r.id)!),
          1_000,
        ),
      ).toBeLessThanOrEqual(7);
    }
    // 1 000 sends at 50/s take 20 s; spacing with a 5 % margin takes at most 21.
    expect(Math.max(...all)).toBeLessThanOrEqual(21_000);
  });

  it('scales the limits for benchmarks', () => {
    expect(paceKeys({ platform: 'slack', channelId: 'C' }, scaledLimits(PLATFORM_LIMITS, 10))[0]?.intervalMs).toBeCloseTo(105);
  });
});
