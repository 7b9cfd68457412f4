/**
 * The workers' side of the outbox: claim due targets with `FOR UPDATE SKIP LOCKED` in one short
 * transaction, reserve each a send slot against the shared pace keys, then record how each attempt
 * ended. Every statement is guarded by the claimant's id, so a worker whose lease ran out (and whose
 * targets another worker took over) cannot overwrite the newer outcome.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Destination, OutgoingMessage } from '../../src/messaging/ports.js';
import type { OutboxKind } from '../../src/outbox/outbox.js';
import { paceKeys, reserveSlots, type PaceLimits } from '../../src/outbox/pacing.js';
import { parseDestination, parseOutgoingMessage } from '../../src/outbox/payload.js';
import type { Transition } from '../../src/outbox/rules.js';
import type { Platform } from '../../src/ports.js';
import type { Database } from '../schema.js';

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
  kind: OutboxKind;
  destinationKey: string;
  /** Null when the stored row cannot be read by this version: the worker fails it. */
  destination: Destination | null;
  message: OutgoingMessage | null;
  attempts: number;
  throttles: number;
  /** The previous attempt was cut off while sending: it may have reached the platform. */
  uncertain: boolean;
  /** When the cut-off attempt started, to look for its post. */
  previousClaimAt: Date | null;
  slotAt: Date;
}

interface CandidateRow {
  id: number | string;
  message_id: string;
  kind: string;
  destination_key: string;
  destination: unknown;
  payload: unknown;
  status: string;
  attempts: number;
  throttles: number;
  claimed_at: Date | string | null;
}

/** Claims what can be sent within the horizon, across every platform given. */
export async function claimDue(db: Kysely<Database>, o: ClaimOptions): Promise<ClaimedTarget[]> {
  if (o.limit <= 0 || o.platforms.length === 0) return [];
  return db.transaction().execute(async (trx) => {
    const rows: CandidateRow[] = [];
    for (const platform of o.platforms) rows.push(...(await candidates(trx, o, platform)));
    if (rows.length === 0) return [];
    rows.sort((a, b) => Number(a.id) - Number(b.id));
    const parsed = rows.map((r) => ({ row: r, destination: parseDestination(r.destination) }));
    const keysById = new Map(parsed.map((p) => [String(p.row.id), p.destination ? paceKeys(p.destination, o.limits) : []]));
    const next = await lockPace(trx, [...new Set([...keysById.values()].flat().map((k) => k.key))], o.now);
    const touched = new Map(next);
    const kept = reserveSlots(
      parsed.map((p) => ({ id: String(p.row.id), keys: keysById.get(String(p.row.id)) ?? [] })),
      touched,
      o.now.getTime(),
      o.horizonMs,
    ).slice(0, o.limit);
    if (kept.length === 0) return [];
    await savePace(trx, touched, next);
    const nowMs = o.now.getTime();
    await markClaimed(trx, o, kept.map((k) => ({ id: k.id, sending: k.slotMs <= nowMs })));
    const byId = new Map(parsed.map((p) => [String(p.row.id), p]));
    return kept.flatMap((k) => {
      const p = byId.get(k.id);
      return p ? [toClaimed(p.row, p.destination, new Date(k.slotMs))] : [];
    });
  });
}

function toClaimed(r: CandidateRow, destination: Destination | null, slotAt: Date): ClaimedTarget {
  return {
    id: Number(r.id),
    messageId: r.message_id,
    kind: r.kind as OutboxKind,
    destinationKey: r.destination_key,
    destination,
    message: parseOutgoingMessage(r.payload),
    attempts: r.attempts,
    throttles: r.throttles,
    uncertain: r.status === 'sending',
    previousClaimAt: r.claimed_at === null ? null : new Date(r.claimed_at),
    slotAt,
  };
}

/**
 * Due, unclaimed (or abandoned) targets, a few per destination, oldest lanes first. Lanes paused by a
 * 429 or busy beyond the horizon are skipped, so one crowded channel never holds the others back;
 * more lanes than needed are looked at, so a worker skipping another's locked rows still fills up.
 */
async function candidates(trx: Transaction<Database>, o: ClaimOptions, platform: Platform): Promise<CandidateRow[]> {
  const cutoff = new Date(o.now.getTime() - o.leaseMs);
  const horizonEnd = new Date(o.now.getTime() + o.horizonMs);
  const lane = paceKeys(platform === 'slack' ? { platform, channelId: 'x' } : { platform, conversationId: 'x' }, o.limits)[0];
  const perLane = Math.max(1, Math.min(16, Math.ceil(o.horizonMs / (lane?.intervalMs ?? 1000))));
  const targets = await sql<Omit<CandidateRow, 'kind' | 'payload'>>`
    with lanes as (
      select t.destination_key, min(t.next_attempt_at) as due
      from outbox_targets t
      left join outbox_pacing p on p.pace_key = t.destination_key
      where t.status in ('pending', 'sending') and t.platform = ${platform} and t.next_attempt_at <= ${o.now}
        and (t.claimed_by is null or t.claimed_at < ${cutoff})
        and (p.next_at is null or p.next_at <= ${horizonEnd})
      group by t.destination_key
      order by due
      limit ${o.limit * 4}
    )
    select c.id, c.message_id, c.destination_key, c.destination, c.status, c.attempts, c.throttles, c.claimed_at
    from lanes l
    cross join lateral (
      select t.* from outbox_targets t
      where t.destination_key = l.destination_key and t.status in ('pending', 'sending') and t.next_attempt_at <= ${o.now}
        and (t.claimed_by is null or t.claimed_at < ${cutoff})
      order by t.next_attempt_at, t.id
      limit ${perLane}
      for update of t skip locked
    ) c
    limit ${o.limit}
  `.execute(trx);
  if (targets.rows.length === 0) return [];
  const messageIds = [...new Set(targets.rows.map((r) => r.message_id))];
  const messages = await trx.selectFrom('outbox_messages').select(['id', 'kind', 'payload']).where('id', 'in', messageIds).execute();
  const byId = new Map(messages.map((m) => [m.id, m]));
  return targets.rows.map((r) => ({ ...r, kind: byId.get(r.message_id)?.kind ?? 'announcement', payload: byId.get(r.message_id)?.payload ?? null }));
}

/** Locks the pace keys (in key order, so concurrent claimers never deadlock) and reads their next times. */
async function lockPace(trx: Transaction<Database>, keys: string[], now: Date): Promise<Map<string, number>> {
  const sorted = [...keys].sort();
  const next = new Map<string, number>();
  if (sorted.length === 0) return next;
  await trx
    .insertInto('outbox_pacing')
    .values(sorted.map((k) => ({ pace_key: k, next_at: now })))
    .onConflict((oc) => oc.column('pace_key').doNothing())
    .execute();
  const rows = await trx
    .selectFrom('outbox_pacing')
    .select(['pace_key', 'next_at'])
    .where('pace_key', 'in', sorted)
    .orderBy('pace_key')
    .forUpdate()
    .execute();
  for (const r of rows) next.set(r.pace_key, new Date(r.next_at).getTime());
  return next;
}

async function savePace(trx: Transaction<Database>, after: Map<string, number>, before: Map<string, number>): Promise<void> {
  const changed = [...after].filter(([k, v]) => before.get(k) !== v);
  if (changed.length === 0) return;
  const values = sql.join(changed.map(([k, v]) => sql`(${k}::text, ${new Date(v)}::timestamptz)`));
  await sql`update outbox_pacing as p set next_at = v.next_at from (values ${values}) as v(key, next_at) where p.pace_key = v.key`.execute(trx);
}

/** Targets whose slot is now go straight to 'sending': the worker calls the platform right after the commit. */
async function markClaimed(trx: Transaction<Database>, o: ClaimOptions, kept: Array<{ id: string; sending: boolean }>): Promise<void> {
  const values = sql.join(kept.map((k) => sql`(${k.id}::bigint, ${k.sending}::boolean)`));
  await sql`
    update outbox_targets as t
    set claimed_by = ${o.workerId}, claimed_at = ${o.now},
        status = case when v.sending then 'sending' else t.status end
    from (values ${values}) as v(id, sending)
    where t.id = v.id
  `.execute(trx);
}

/** The target's slot came: it is about to be sent. False when this worker no longer holds it. */
export async function markSending(db: Kysely<Database>, id: number, workerId: string, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('outbox_targets')
    .set({ status: 'sending', claimed_at: now })
    .where('id', '=', id)
    .where('claimed_by', '=', workerId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export interface FinishInput {
  id: number;
  workerId: string;
  destinationKey: string;
  transition: Transition;
  /** This attempt re-sent a target whose earlier attempt may have arrived, and nothing could confirm it. */
  possibleDuplicate: boolean;
  now: Date;
}

/** Records how the attempt ended; a 429 also pauses the destination's lane for every worker. */
export async function finishTarget(db: Kysely<Database>, f: FinishInput): Promise<void> {
  const t = f.transition;
  const common = {
    attempts: sql<number>`attempts + 1`,
    possible_duplicates: sql<number>`possible_duplicates + ${f.possibleDuplicate ? 1 : 0}`,
    throttles: sql<number>`throttles + ${t.status !== 'sent' && t.throttled ? 1 : 0}`,
    claimed_by: null,
  };
  const set =
    t.status === 'sent'
      ? { ...common, claimed_at: null, status: 'sent', sent_at: f.now, platform_message_id: t.platformMessageId, last_error: null }
      : t.status === 'failed'
        ? { ...common, claimed_at: null, status: 'failed', last_error: t.lastError.slice(0, 300) }
        : t.uncertain
          ? // Left in 'sending' with the attempt's start time: the next attempt looks for this one's post first.
            { ...common, status: 'sending', next_attempt_at: t.nextAttemptAt, last_error: t.lastError.slice(0, 300) }
          : { ...common, claimed_at: null, status: 'pending', next_attempt_at: t.nextAttemptAt, last_error: t.lastError.slice(0, 300) };
  await db.updateTable('outbox_targets').set(set).where('id', '=', f.id).where('claimed_by', '=', f.workerId).execute();
  if (t.status === 'retry' && t.throttled) {
    await db
      .insertInto('outbox_pacing')
      .values({ pace_key: f.destinationKey, next_at: t.nextAttemptAt })
      .onConflict((oc) => oc.column('pace_key').doUpdateSet({ next_at: sql<Date>`greatest(outbox_pacing.next_at, excluded.next_at)` }))
      .execute();
  }
}

/** Gives back targets this worker reserved but never started (it is stopping): others take them at once. */
export async function releaseTargets(db: Kysely<Database>, ids: number[], workerId: string): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('outbox_targets').set({ claimed_by: null, claimed_at: null }).where('id', 'in', ids).where('claimed_by', '=', workerId).execute();
}
