import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { ItemPledge, Need } from '../../src/needs/need.js';
import type { NeedUnit } from '../../src/needs/ports.js';
import type { Clock } from '../../src/shared/clock.js';
import { minor } from '../../src/shared/money.js';
import { parseItemPledgeStatus, parsePlatform } from '../row-enums.js';
import type { Database } from '../schema.js';
import type { ItemPledgesTable } from '../schema-needs.js';
import { outboxStore } from './outbox.js';
import { contactOf } from './volunteer-contacts.js';

/** A corrupt status or source is a bug to see, not a state to invent: the parsers throw. */
export function toItemPledge(r: Selectable<ItemPledgesTable>): ItemPledge {
  return {
    id: r.id,
    needId: r.need_id,
    personId: r.person_id,
    quantity: r.quantity,
    received: r.received,
    status: parseItemPledgeStatus(r.status),
    source: parsePlatform(r.source),
    idempotencyKey: r.idempotency_key,
    createdAt: r.created_at,
  };
}

/** Needs with their site's name, for one query shape everywhere. */
export function needsQuery(db: Kysely<Database>) {
  return db
    .selectFrom('needs as n')
    .innerJoin('sites as s', 's.id', 'n.site_id')
    .select([
      'n.id',
      'n.site_id',
      'n.item_key',
      'n.item_label',
      'n.size',
      'n.quantity',
      'n.unit_price_minor',
      'n.pledged',
      'n.received',
      's.name as site_name',
      's.campaign_id',
    ]);
}

type NeedRow = Awaited<ReturnType<ReturnType<typeof needsQuery>['executeTakeFirstOrThrow']>>;

export const toNeed = (r: NeedRow): Need => ({
  id: r.id,
  siteId: r.site_id,
  siteName: r.site_name,
  itemKey: r.item_key,
  itemLabel: r.item_label,
  size: r.size === '' ? null : r.size,
  quantity: r.quantity,
  unitPriceMinor: r.unit_price_minor === null ? null : minor(r.unit_price_minor),
  pledged: r.pledged,
  received: r.received,
});

/** Locks the need's row for the rest of the transaction; null when there is none. */
export async function lockNeed(trx: Transaction<Database>, id: number): Promise<{ need: Need; campaignId: string } | null> {
  const locked = await trx.selectFrom('needs').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  if (!locked) return null;
  const row = await needsQuery(trx).where('n.id', '=', id).executeTakeFirstOrThrow();
  return { need: toNeed(row), campaignId: row.campaign_id };
}

async function moveNeed(trx: Transaction<Database>, id: number, pledged: number, received: number) {
  // The CHECK constraints refuse an overpledged need whatever code writes here.
  await trx
    .updateTable('needs')
    .set({ pledged: sql<number>`pledged + ${pledged}`, received: sql<number>`received + ${received}` })
    .where('id', '=', id)
    .execute();
}

/** The NeedUnit over a transaction that already holds the need's lock (see lockNeed). */
export function needUnit(trx: Transaction<Database>, locked: { need: Need; campaignId: string }, clock: Clock): NeedUnit {
  let need = locked.need;
  const refresh = async () => {
    need = toNeed(await needsQuery(trx).where('n.id', '=', need.id).executeTakeFirstOrThrow());
  };
  const byId = (id: number) => trx.selectFrom('item_pledges').selectAll().where('id', '=', id).where('need_id', '=', need.id);
  return {
    get need() {
      return need;
    },
    async pledge(input) {
      const row = await trx
        .insertInto('item_pledges')
        .values({
          need_id: need.id,
          person_id: input.personId,
          quantity: input.quantity,
          status: 'pledged',
          source: input.source,
          idempotency_key: input.idempotencyKey,
        })
        .onConflict((oc) => oc.column('idempotency_key').doNothing())
        .returningAll()
        .executeTakeFirst();
      if (!row) {
        const earlier = await trx.selectFrom('item_pledges').selectAll().where('idempotency_key', '=', input.idempotencyKey).executeTakeFirstOrThrow();
        return { pledge: toItemPledge(earlier), duplicate: true };
      }
      await moveNeed(trx, need.id, row.quantity, 0);
      await refresh();
      return { pledge: toItemPledge(row), duplicate: false };
    },
    async getPledge(id) {
      const row = Number.isSafeInteger(id) && id > 0 ? await byId(id).executeTakeFirst() : undefined;
      return row ? toItemPledge(row) : null;
    },
    async byKey(key) {
      const row = await trx.selectFrom('item_pledges').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
      return row ? toItemPledge(row) : null;
    },
    async cancel(id) {
      const row = await trx
        .updateTable('item_pledges')
        .set({ status: 'cancelled', updated_at: clock.now() })
        .where('id', '=', id)
        .where('need_id', '=', need.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await moveNeed(trx, need.id, -row.quantity, 0);
      await refresh();
      return toItemPledge(row);
    },
    async receive(id, quantity) {
      const row = await trx
        .updateTable('item_pledges')
        .set({ received: sql<number>`received + ${quantity}`, updated_at: clock.now() })
        .where('id', '=', id)
        .where('need_id', '=', need.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await moveNeed(trx, need.id, 0, quantity);
      await refresh();
      return toItemPledge(row);
    },
    async campaignNeeds() {
      const rows = await needsQuery(trx)
        .where('s.campaign_id', '=', locked.campaignId)
        .orderBy('s.id')
        .orderBy('n.item_key')
        .orderBy('n.size')
        .orderBy('n.id')
        .execute();
      return rows.map(toNeed);
    },
    async claim(key) {
      const row = await trx
        .insertInto('milestone_claims')
        .values({ campaign_id: locked.campaignId, milestone_key: key, reached_at: clock.now() })
        .onConflict((oc) => oc.columns(['campaign_id', 'milestone_key']).doNothing())
        .returning('milestone_key')
        .executeTakeFirst();
      return row !== undefined;
    },
    contact: (personId, prefer) => contactOf(trx, personId, prefer),
    async enqueue(request) {
      await outboxStore(trx, clock).enqueue(request);
    },
  };
}
