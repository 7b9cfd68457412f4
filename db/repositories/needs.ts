import type { Kysely, Selectable } from 'kysely';
import { fold } from '../../src/needs/items.js';
import type { Site } from '../../src/needs/need.js';
import type { NeedStore, NewNeed } from '../../src/needs/ports.js';
import type { Clock } from '../../src/shared/clock.js';
import type { Database } from '../schema.js';
import type { SitesTable } from '../schema-needs.js';
import { lockNeed, needsQuery, needUnit, toItemPledge, toNeed } from './need-unit.js';

const toSite = (r: Selectable<SitesTable>): Site => ({
  id: r.id,
  campaignId: r.campaign_id,
  name: r.name,
  place: r.place,
  beneficiaries: r.beneficiaries,
  contact: r.contact,
});

const isId = (n: number) => Number.isSafeInteger(n) && n > 0 && n < 2 ** 31;

/** Adds the need or sets its quantity; `belowPledged` (and nothing written) when more is already pledged. */
async function upsert(db: Kysely<Database>, input: NewNeed): Promise<{ belowPledged: number } | { id: number; created: boolean }> {
  const existing = await db
    .selectFrom('needs')
    .select(['id', 'pledged'])
    .where('site_id', '=', input.siteId)
    .where('item_key', '=', input.itemKey)
    .where('size', '=', input.size ?? '')
    .forUpdate()
    .executeTakeFirst();
  if (existing && existing.pledged > input.quantity) return { belowPledged: existing.pledged };
  if (existing) {
    await db
      .updateTable('needs')
      .set({ quantity: input.quantity, unit_price_minor: input.unitPriceMinor, item_label: input.itemLabel })
      .where('id', '=', existing.id)
      .execute();
    return { id: existing.id, created: false };
  }
  const row = await db
    .insertInto('needs')
    .values({
      site_id: input.siteId,
      item_key: input.itemKey,
      item_label: input.itemLabel,
      size: input.size ?? '',
      quantity: input.quantity,
      unit_price_minor: input.unitPriceMinor,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, created: true };
}

export function needStore(db: Kysely<Database>, clock: Clock): NeedStore {
  return {
    async addSite(campaignId, site, createdBy) {
      const row = await db
        .insertInto('sites')
        .values({
          campaign_id: campaignId,
          name: site.name,
          name_key: fold(site.name),
          place: site.place,
          beneficiaries: site.beneficiaries,
          contact: site.contact,
          created_by: createdBy,
        })
        .onConflict((oc) => oc.columns(['campaign_id', 'name_key']).doNothing())
        .returningAll()
        .executeTakeFirst();
      if (row) return { site: toSite(row), created: true };
      const earlier = await db
        .selectFrom('sites')
        .selectAll()
        .where('campaign_id', '=', campaignId)
        .where('name_key', '=', fold(site.name))
        .executeTakeFirstOrThrow();
      return { site: toSite(earlier), created: false };
    },

    async sites(campaignId) {
      return (await db.selectFrom('sites').selectAll().where('campaign_id', '=', campaignId).orderBy('id').execute()).map(toSite);
    },

    async upsertNeed(input) {
      return db.transaction().execute(async (trx) => {
        const stored = await upsert(trx, input);
        if ('belowPledged' in stored) return stored;
        return { need: toNeed(await needsQuery(trx).where('n.id', '=', stored.id).executeTakeFirstOrThrow()), created: stored.created };
      });
    },

    async importNeeds(campaignId, rows) {
      const sites = new Set((await db.selectFrom('sites').select('id').where('campaign_id', '=', campaignId).execute()).map((r) => r.id));
      const refused = { code: 'refused' } as const;
      try {
        return await db.transaction().execute(async (trx) => {
          let created = 0;
          let updated = 0;
          for (const row of rows) {
            if (!sites.has(row.siteId)) throw { ...refused, error: { line: row.line, code: 'import.site_unknown' as const, value: String(row.siteId) } };
            const stored = await upsert(trx, row);
            if ('belowPledged' in stored)
              throw { ...refused, error: { line: row.line, code: 'import.below_pledged' as const, value: String(stored.belowPledged) } };
            if (stored.created) created++;
            else updated++;
          }
          return { created, updated };
        });
      } catch (thrown) {
        // Thrown only to roll the whole file back; anything else is a real failure.
        if (typeof thrown === 'object' && thrown !== null && 'code' in thrown && thrown.code === 'refused' && 'error' in thrown) {
          return thrown.error as { line: number; code: 'import.site_unknown' | 'import.below_pledged'; value: string };
        }
        throw thrown;
      }
    },

    async needs(campaignId) {
      const rows = await needsQuery(db)
        .where('s.campaign_id', '=', campaignId)
        .orderBy('s.id')
        .orderBy('n.item_key')
        .orderBy('n.size')
        .orderBy('n.id')
        .execute();
      return rows.map(toNeed);
    },

    async withNeed(needId, work) {
      if (!isId(needId)) return null;
      return db.transaction().execute(async (trx) => {
        const locked = await lockNeed(trx, needId);
        return locked ? work(needUnit(trx, locked, clock)) : null;
      });
    },

    async needOf(pledgeId) {
      if (!Number.isSafeInteger(pledgeId) || pledgeId <= 0) return null;
      const row = await db.selectFrom('item_pledges').select('need_id').where('id', '=', pledgeId).executeTakeFirst();
      return row?.need_id ?? null;
    },

    async mine(campaignId, personId) {
      const pledges = await db
        .selectFrom('item_pledges as p')
        .innerJoin('needs as n', 'n.id', 'p.need_id')
        .innerJoin('sites as s', 's.id', 'n.site_id')
        .selectAll('p')
        .where('s.campaign_id', '=', campaignId)
        .where('p.person_id', '=', personId)
        .orderBy('p.id')
        .execute();
      const needs =
        pledges.length === 0
          ? []
          : (
              await needsQuery(db)
                .where(
                  'n.id',
                  'in',
                  pledges.map((p) => p.need_id),
                )
                .execute()
            ).map(toNeed);
      return pledges.flatMap((p) => {
        const need = needs.find((n) => n.id === p.need_id);
        return need ? [{ pledge: toItemPledge(p), need }] : [];
      });
    },

    async loadingList(siteId) {
      if (!isId(siteId)) return [];
      const rows = await db
        .selectFrom('needs')
        .select(['item_key', 'item_label', 'size', 'received'])
        .where('site_id', '=', siteId)
        .where('received', '>', 0)
        .orderBy('item_key')
        .orderBy('size')
        .execute();
      return rows.map((r) => ({ itemKey: r.item_key, itemLabel: r.item_label, size: r.size === '' ? null : r.size, received: r.received }));
    },
  };
}
