/**
 * Per-platform pacing, shared by every bot instance through one "next allowed time" per pace key in
 * Postgres. A target is sent at a slot: the latest of now and its keys' next times; taking the slot
 * moves each key forward by its interval. Spacing sends this way keeps every "N per window" limit.
 *
 * Documented limits (Slack's "Rate limits" page; Teams' "Rate limiting for agents"):
 * Slack chat.postMessage about 1 per second per channel; Teams 7 per second per conversation and
 * 50 per second per app per tenant.
 */
import { destinationKey, type Destination } from '../messaging/ports.js';

export interface PaceLimits {
  slackPerChannelPerSecond: number;
  teamsPerConversationPerSecond: number;
  teamsPerTenantPerSecond: number;
  /** Spacing is widened by this factor so timer jitter never lands two sends inside one window. */
  margin: number;
}

export const PLATFORM_LIMITS: PaceLimits = {
  slackPerChannelPerSecond: 1,
  teamsPerConversationPerSecond: 7,
  teamsPerTenantPerSecond: 50,
  margin: 1.05,
};

/** The same limits `factor` times faster (benchmarks against fakes that enforce scaled limits). */
export function scaledLimits(limits: PaceLimits, factor: number): PaceLimits {
  return {
    ...limits,
    slackPerChannelPerSecond: limits.slackPerChannelPerSecond * factor,
    teamsPerConversationPerSecond: limits.teamsPerConversationPerSecond * factor,
    teamsPerTenantPerSecond: limits.teamsPerTenantPerSecond * factor,
  };
}

export interface PaceKey {
  key: string;
  intervalMs: number;
}

/**
 * The keys a send to `destination` must respect. The destination key comes first: it is the lane
 * workers pick work from, and what a 429 pauses.
 */
export function paceKeys(destination: Destination, limits: PaceLimits): PaceKey[] {
  const every = (perSecond: number) => (1000 / perSecond) * limits.margin;
  if (destination.platform === 'slack') {
    return [{ key: destinationKey(destination), intervalMs: every(limits.slackPerChannelPerSecond) }];
  }
  return [
    { key: destinationKey(destination), intervalMs: every(limits.teamsPerConversationPerSecond) },
    // One bot usually serves one tenant; without a tenant id all Teams sends share one budget.
    { key: `teams-tenant:${destination.tenantId ?? '*'}`, intervalMs: every(limits.teamsPerTenantPerSecond) },
  ];
}

export interface SlotRequest {
  id: string;
  keys: PaceKey[];
}

/**
 * Gives each candidate, in order, the earliest slot its keys allow, and keeps it only when that slot
 * is within `horizonMs` of now (the worker holds it until then), up to `limit` candidates. `next`
 * holds each key's next allowed time in ms and is updated in place for the candidates kept only.
 */
export function reserveSlots(
  candidates: SlotRequest[],
  next: Map<string, number>,
  nowMs: number,
  horizonMs: number,
  limit = Number.POSITIVE_INFINITY,
): Array<{ id: string; slotMs: number }> {
  const kept: Array<{ id: string; slotMs: number }> = [];
  for (const c of candidates) {
    if (kept.length >= limit) break;
    const slot = Math.max(nowMs, ...c.keys.map((k) => next.get(k.key) ?? nowMs));
    if (slot > nowMs + horizonMs) continue;
    for (const k of c.keys) next.set(k.key, slot + k.intervalMs);
    kept.push({ id: c.id, slotMs: slot });
  }
  return kept;
}
