/**
 * The workers' side of the outbox after a claim (db/repositories/outbox-claim.ts): mark a held target
 * as sending, record how each attempt ended, give back what was never started. Every statement is
 * guarded by the claimant's id, so a worker whose lease ran out (and whose targets another worker
 * took over) cannot overwrite the newer outcome.
 */
import { sql, type Kysely } from 'kysely';
import type { FinishInput, OutboxQueue } from '../../adapters/outbox/ports.js';
import type { Database } from '../schema.js';

import { claimDue, sweepAbandoned } from './outbox-claim.js';

export { claimDue, type ClaimedTarget, type ClaimOptions } from './outbox-claim.js';
export type { FinishInput } from '../../adapters/outbox/ports.js';

/** The targets' slots came: they are about to be sent. Returns the ids this worker still held. */
export async function markSending(db: Kysely<Database>, ids: number[], workerId: string, now: Date): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .updateTable('outbox_targets')
    .set({ status: 'sending', claimed_at: now })
    .where('id', 'in', ids)
    .where('claimed_by', '=', workerId)
    .returning('id')
    .execute();
  return new Set(rows.map((r) => Number(r.id)));
}

/**
 * Records how the attempt ended and, in the same statement, moves the destination's next send to
 * `laneNextAt` (never back: a 429 pauses the lane for every worker) and, for a retry, makes the lane
 * due again when the target is.
 */
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
  const again = t.status === 'retry' ? t.nextAttemptAt : null;
  await db
    .with('done', (qb) => qb.updateTable('outbox_targets').set(set).where('id', '=', f.id).where('claimed_by', '=', f.workerId).returning('id'))
    .updateTable('outbox_lanes')
    .set({
      next_at: sql<Date>`greatest(next_at, ${f.laneNextAt}::timestamptz)`,
      due_at: again ? sql<Date>`least(due_at, ${again}::timestamptz)` : sql<Date>`due_at`,
    })
    .where('lane_key', '=', f.destinationKey)
    .where(sql<boolean>`exists (select 1 from done)`)
    .execute();
}

/** Gives back targets this worker reserved but never started (it is stopping): others take them at once. */
export async function releaseTargets(db: Kysely<Database>, ids: number[], workerId: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .with('freed', (qb) =>
      qb
        .updateTable('outbox_targets')
        .set({ claimed_by: null, claimed_at: null })
        .where('id', 'in', ids)
        .where('claimed_by', '=', workerId)
        .returning(['destination_key', 'next_attempt_at']),
    )
    .updateTable('outbox_lanes')
    .from('freed')
    .set({ due_at: sql<Date>`least(outbox_lanes.due_at, freed.next_attempt_at)` })
    .whereRef('outbox_lanes.lane_key', '=', 'freed.destination_key')
    .execute();
}

/** The queue the outbox worker works through (adapters/outbox/ports.ts). */
export function outboxQueue(db: Kysely<Database>): OutboxQueue {
  return {
    sweepAbandoned: (now, leaseMs) => sweepAbandoned(db, now, leaseMs),
    claimDue: (o) => claimDue(db, o),
    markSending: (ids, workerId, now) => markSending(db, ids, workerId, now),
    finish: (f) => finishTarget(db, f),
    release: (ids, workerId) => releaseTargets(db, ids, workerId),
  };
}
