/**
 * Claiming outbox work, in one short transaction per poll. Each destination is a lane (a row of
 * outbox_lanes) that knows when its next send may leave and when its oldest target nobody holds is
 * due. A claimer takes due lanes with `FOR UPDATE SKIP LOCKED` (a lane another instance is claiming
 * is simply passed over), then the lanes' oldest due targets, also `SKIP LOCKED`. Shared budgets (a
 * Teams tenant) are then locked in key order, and each kept target gets a slot: the latest of now and
 * its keys' next times. Costs grow with what is claimed, not with the size of the backlog.
 *
 * A lane's due time may be early (its targets were sent or put off: the claimer sets it right under
 * the lock) but never late: enqueue, a retry, a release and the sweep of abandoned claims all lower it.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { ClaimedTarget, ClaimOptions } from '../../adapters/outbox/ports.js';
import type { Destination } from '../../src/messaging/ports.js';
import { paceKeys, reserveSlots } from '../../src/outbox/pacing.js';
import { parseDestination, parseOutboxPayload } from '../../src/outbox/payload.js';
import { parseOutboxKind } from '../row-enums.js';
import type { Database } from '../schema.js';

export type { ClaimedTarget, ClaimOptions } from '../../adapters/outbox/ports.js';

interface TargetRow {
  id: number | string;
  message_id: string;
  destination_key: string;
  destination: unknown;
  status: string;
  attempts: number;
  throttles: number;
  claimed_at: Date | string | null;
}

/** Claims what can be sent within the horizon, across every platform given, oldest lanes first. */
export async function claimDue(db: Kysely<Database>, o: ClaimOptions): Promise<ClaimedTarget[]> {
  if (o.limit <= 0 || o.platforms.length === 0) return [];
  return db.transaction().execute(async (trx) => {
    const lanes = await lockDueLanes(trx, o);
    if (lanes.size === 0) return [];
    const rows = await headsOf(trx, [...lanes.keys()], o);
    const parsed = rows.map((row) => ({ row, destination: parseDestination(row.destination) }));
    const keysById = new Map(parsed.map((p) => [String(p.row.id), p.destination ? paceKeys(p.destination, o.limits) : []]));
    const shared = [...new Set([...keysById.values()].flatMap((keys) => keys.slice(1).map((k) => k.key)))];
    const next = new Map([...lanes, ...(await lockShared(trx, shared, o.now))]);
    const touched = new Map(next);
    const kept = reserveSlots(
      parsed.map((p) => ({ id: String(p.row.id), keys: keysById.get(String(p.row.id)) ?? [] })),
      touched,
      o.now.getTime(),
      o.horizonMs,
      o.limit,
    );
    await saveNextTimes(trx, touched, next);
    if (kept.length > 0)
      await markClaimed(
        trx,
        o,
        kept.map((k) => ({ id: k.id, sending: k.slotMs <= o.now.getTime() })),
      );
    await recomputeDue(trx, [...lanes.keys()], o);
    if (kept.length === 0) return [];
    const messages = await payloads(
      trx,
      parsed.map((p) => p.row.message_id),
    );
    const byId = new Map(parsed.map((p) => [String(p.row.id), p]));
    return kept.flatMap((k) => {
      const p = byId.get(k.id);
      return p ? [toClaimed(p.row, p.destination, messages.get(p.row.message_id), new Date(k.slotMs))] : [];
    });
  });
}

function toClaimed(r: TargetRow, destination: Destination | null, m: { kind: string; payload: unknown } | undefined, slotAt: Date): ClaimedTarget {
  // A kind this version does not know makes the target unreadable, as an unreadable payload does: the
  // worker fails that one target. Throwing here would fail every claim, and stall the whole outbox.
  const kind = m && parseOutboxKind.is(m.kind) ? m.kind : null;
  return {
    id: Number(r.id),
    messageId: r.message_id,
    kind,
    destinationKey: r.destination_key,
    destination,
    message: kind !== null && m ? parseOutboxPayload(m.payload) : null,
    attempts: r.attempts,
    throttles: r.throttles,
    uncertain: r.status === 'sending',
    previousClaimAt: r.claimed_at === null ? null : new Date(r.claimed_at),
    slotAt,
  };
}

/** Due lanes whose next send fits in the horizon (a 429 pauses a lane past it), oldest first. */
async function lockDueLanes(trx: Transaction<Database>, o: ClaimOptions): Promise<Map<string, number>> {
  const horizonEnd = new Date(o.now.getTime() + o.horizonMs);
  const rows = await sql<{ lane_key: string; next_at: Date | string }>`
    select lane_key, next_at from outbox_lanes
    where due_at <= ${o.now} and platform in (${sql.join([...o.platforms])}) and next_at <= ${horizonEnd}
    order by due_at
    limit ${o.limit}
    for update skip locked
  `.execute(trx);
  return new Map(rows.rows.map((r) => [r.lane_key, new Date(r.next_at).getTime()]));
}

/** After claiming: each locked lane is next due when its oldest target nobody holds is. */
async function recomputeDue(trx: Transaction<Database>, lanes: string[], o: ClaimOptions): Promise<void> {
  const cutoff = new Date(o.now.getTime() - o.leaseMs);
  await sql`
    update outbox_lanes l set due_at = (
      select min(t.next_attempt_at) from outbox_targets t
      where t.destination_key = l.lane_key and t.status in ('pending', 'sending') and (t.claimed_by is null or t.claimed_at < ${cutoff})
    )
    where l.lane_key in (${sql.join(lanes)})
  `.execute(trx);
}

/** Budgets several lanes share (a Teams tenant): waited for, in key order, so claimers never deadlock. */
async function lockShared(trx: Transaction<Database>, keys: string[], now: Date): Promise<Map<string, number>> {
  if (keys.length === 0) return new Map();
  const sorted = [...keys].sort();
  await trx
    .insertInto('outbox_lanes')
    .values(sorted.map((k) => ({ lane_key: k, next_at: now })))
    .onConflict((oc) => oc.column('lane_key').doNothing())
    .execute();
  const rows = await trx.selectFrom('outbox_lanes').select(['lane_key', 'next_at']).where('lane_key', 'in', sorted).orderBy('lane_key').forUpdate().execute();
  return new Map(rows.map((r) => [r.lane_key, new Date(r.next_at).getTime()]));
}

/** The oldest due targets nobody holds in each lane we hold: as many as its pace lets leave within the horizon. */
async function headsOf(trx: Transaction<Database>, lanes: string[], o: ClaimOptions): Promise<TargetRow[]> {
  const cutoff = new Date(o.now.getTime() - o.leaseMs);
  const depth = (key: string) => {
    const interval =
      paceKeys(key.startsWith('slack:') ? { platform: 'slack', channelId: 'x' } : { platform: 'teams', conversationId: 'x' }, o.limits)[0]?.intervalMs ?? 1000;
    return Math.max(1, Math.min(8, Math.ceil(o.horizonMs / interval)));
  };
  const result = await sql<TargetRow>`
    select c.id, c.message_id, c.destination_key, c.destination, c.status, c.attempts, c.throttles, c.claimed_at
    from (values ${sql.join(lanes.map((k) => sql`(${k}::text, ${depth(k)}::int)`))}) as l(key, depth)
    cross join lateral (
      select t.* from outbox_targets t
      where t.destination_key = l.key and t.status in ('pending', 'sending') and t.next_attempt_at <= ${o.now}
        and (t.claimed_by is null or t.claimed_at < ${cutoff})
      order by t.next_attempt_at, t.id
      limit l.depth
      for update of t skip locked
    ) c
    order by c.next_attempt_at, c.id
  `.execute(trx);
  return result.rows;
}

/** New next send times for every key a reservation moved. */
async function saveNextTimes(trx: Transaction<Database>, after: Map<string, number>, before: Map<string, number>): Promise<void> {
  const changed = [...after].filter(([k, v]) => before.get(k) !== v);
  if (changed.length === 0) return;
  const values = sql.join(changed.map(([k, v]) => sql`(${k}::text, ${new Date(v)}::timestamptz)`));
  await sql`update outbox_lanes as l set next_at = v.next_at from (values ${values}) as v(key, next_at) where l.lane_key = v.key`.execute(trx);
}

/**
 * Claims abandoned by a worker that died are due again once their lease ran out: their lanes learn it
 * here. Run now and then (every few seconds is plenty); it reads only targets that are held.
 */
export async function sweepAbandoned(db: Kysely<Database>, now: Date, leaseMs: number): Promise<void> {
  const cutoff = new Date(now.getTime() - leaseMs);
  await sql`
    update outbox_lanes l set due_at = least(l.due_at, x.due)
    from (
      select destination_key, min(next_attempt_at) as due from outbox_targets
      where status in ('pending', 'sending') and claimed_by is not null and claimed_at < ${cutoff}
      group by destination_key
    ) x
    where l.lane_key = x.destination_key and (l.due_at is null or l.due_at > x.due)
  `.execute(db);
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

async function payloads(trx: Transaction<Database>, ids: string[]): Promise<Map<string, { kind: string; payload: unknown }>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await trx.selectFrom('outbox_messages').select(['id', 'kind', 'payload']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, { kind: r.kind, payload: r.payload }]));
}
