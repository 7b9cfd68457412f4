import { sql, type Kysely } from 'kysely';
import { destinationKey, type Destination } from '../../src/messaging/ports.js';
import { OUTBOX_KINDS, type DeliveryStatus, type OutboxStore, type OutboxSummary } from '../../src/outbox/outbox.js';
import { parseDestination } from '../../src/outbox/payload.js';
import type { Clock } from '../../src/shared/clock.js';
import { parseOutboxKind } from '../row-enums.js';
import type { Database } from '../schema.js';

const CHUNK = 1000;

/**
 * The outbox over Postgres/PGlite. Pass a `Transaction<Database>` to enqueue together with the
 * decision that makes the message (a claim, a promotion): it commits or rolls back with it.
 */
export function outboxStore(db: Kysely<Database>, clock: Clock): OutboxStore {
  return {
    async enqueue(request) {
      const unique = new Map<string, Destination>();
      for (const d of request.destinations) unique.set(destinationKey(d), d);
      if (unique.size === 0) return { messageId: null, created: false, targets: 0 };
      const now = clock.now();
      const notBefore = request.notBefore ?? now;
      const inserted = await db
        .insertInto('outbox_messages')
        .values({
          kind: request.kind,
          campaign_id: request.campaignId,
          dedupe_key: request.dedupeKey,
          payload: JSON.stringify(request.message),
          summary: request.summary ?? null,
          created_by: request.createdBy ?? null,
          created_at: now,
          not_before: notBefore,
          target_count: unique.size,
        })
        .onConflict((oc) => oc.column('dedupe_key').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) {
        const existing = await db
          .selectFrom('outbox_messages')
          .select(['id', 'target_count'])
          .where('dedupe_key', '=', request.dedupeKey)
          .executeTakeFirstOrThrow();
        return { messageId: existing.id, created: false, targets: existing.target_count };
      }
      const rows = [...unique].map(([key, d]) => ({
        message_id: inserted.id,
        destination_key: key,
        platform: d.platform,
        destination: JSON.stringify(d),
        next_attempt_at: notBefore,
      }));
      for (let i = 0; i < rows.length; i += CHUNK) {
        await db
          .insertInto('outbox_targets')
          .values(rows.slice(i, i + CHUNK))
          .execute();
      }
      await dueLanes(
        db,
        [...unique].sort(([a], [b]) => a.localeCompare(b)),
        notBefore,
        now,
      );
      // Wakes the workers (db/listen.ts) when this commits, instead of their polling for it.
      await sql`select pg_notify('caravane_outbox_' || current_schema(), '')`.execute(db);
      return { messageId: inserted.id, created: true, targets: unique.size };
    },

    async recent(limit, kinds = OUTBOX_KINDS) {
      if (kinds.length === 0) return [];
      const messages = await db
        .selectFrom('outbox_messages as m')
        .leftJoin('outbox_targets as t', 't.message_id', 'm.id')
        .select(['m.id', 'm.kind', 'm.summary', 'm.created_at', 'm.not_before'])
        .select([
          sql<number>`count(t.id) filter (where t.status = 'pending')::int`.as('pending'),
          sql<number>`count(t.id) filter (where t.status = 'sending')::int`.as('sending'),
          sql<number>`count(t.id) filter (where t.status = 'sent')::int`.as('sent'),
          sql<number>`count(t.id) filter (where t.status = 'failed')::int`.as('failed'),
          sql<number>`coalesce(sum(t.possible_duplicates), 0)::int`.as('duplicates'),
        ])
        .where('m.kind', 'in', [...kinds])
        .groupBy(['m.id', 'm.kind', 'm.summary', 'm.created_at', 'm.not_before'])
        .orderBy('m.created_at', 'desc')
        .orderBy('m.id', 'desc')
        .limit(Math.max(1, Math.min(limit, 50)))
        .execute();
      const failures = await failuresOf(
        db,
        messages.map((m) => m.id),
      );
      return messages.map((m): OutboxSummary => ({
        messageId: m.id,
        kind: parseOutboxKind(m.kind),
        summary: m.summary,
        createdAt: m.created_at,
        notBefore: m.not_before,
        counts: { pending: m.pending, sending: m.sending, sent: m.sent, failed: m.failed } satisfies Record<DeliveryStatus, number>,
        possibleDuplicates: m.duplicates,
        failures: failures.get(m.id) ?? [],
      }));
    },
  };
}

/** Each destination's lane knows it has work from `due` on (in key order, so enqueuers never deadlock). */
async function dueLanes(db: Kysely<Database>, lanes: Array<[string, Destination]>, due: Date, now: Date): Promise<void> {
  for (let i = 0; i < lanes.length; i += CHUNK) {
    await db
      .insertInto('outbox_lanes')
      .values(lanes.slice(i, i + CHUNK).map(([key, d]) => ({ lane_key: key, platform: d.platform, next_at: now, due_at: due })))
      .onConflict((oc) =>
        oc.column('lane_key').doUpdateSet({ due_at: sql<Date>`least(outbox_lanes.due_at, excluded.due_at)`, platform: sql<string>`excluded.platform` }),
      )
      .execute();
  }
}

type Failure = OutboxSummary['failures'][number];

/** Failed targets grouped by reason, most frequent first, with a few of their destinations. */
async function failuresOf(db: Kysely<Database>, messageIds: string[]): Promise<Map<string, Failure[]>> {
  const result = new Map<string, Failure[]>();
  if (messageIds.length === 0) return result;
  const rows = await db
    .selectFrom('outbox_targets')
    .select(['message_id', 'last_error', 'destination'])
    .where('message_id', 'in', messageIds)
    .where('status', '=', 'failed')
    .orderBy('id')
    .limit(2000)
    .execute();
  for (const r of rows) {
    const list = result.get(r.message_id) ?? [];
    const reason = r.last_error ?? 'unknown';
    let entry = list.find((f) => f.reason === reason);
    if (!entry) {
      entry = { reason, count: 0, destinations: [] };
      list.push(entry);
    }
    entry.count += 1;
    const d = parseDestination(r.destination);
    if (d && entry.destinations.length < 5) entry.destinations.push(d);
    result.set(r.message_id, list);
  }
  for (const list of result.values()) list.sort((a, b) => b.count - a.count);
  return result;
}
