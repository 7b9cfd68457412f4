import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { CampaignTotals } from '../../src/campaigns/campaign.js';
import type { Pledge } from '../../src/pledges/pledge.js';
import type { NewPledge, PledgeChange, PledgeStore } from '../../src/ports.js';
import { minor } from '../../src/shared/money.js';
import { err, ok } from '../../src/shared/result.js';
import { parsePledgeStatus, parsePlatform } from '../row-enums.js';
import type { Database, PledgesTable } from '../schema.js';
import { readTotals } from './campaign-rows.js';
import { KnownPeople, peopleStore } from './people.js';
import { nextShard, recordAsInOneStatement, recordInOneStatement } from './pledge-statements.js';

export const toPledge = (r: Selectable<PledgesTable>): Pledge => ({
  id: r.id,
  campaignId: r.campaign_id,
  personId: r.person_id,
  amountMinor: minor(r.amount_minor),
  anonymous: r.anonymous,
  note: r.note,
  status: parsePledgeStatus(r.status),
  source: parsePlatform(r.source),
  createdAt: r.created_at,
});

interface Delta {
  pledged: number;
  collected: number;
  pledges: number;
  /** +1 / -1 active pledge for this donor. */
  donorPledges: number;
}

/**
 * Moves the running totals by `delta` and returns them before and after. The donor count follows the
 * per-donor count of active pledges, so nothing ever scans the pledges table.
 */
async function applyDelta(trx: Transaction<Database>, campaignId: string, personId: string, delta: Delta) {
  let donors = 0;
  if (delta.donorPledges !== 0) {
    const donor = await trx
      .insertInto('campaign_donors')
      .values({ campaign_id: campaignId, person_id: personId, active_pledges: Math.max(delta.donorPledges, 0) })
      .onConflict((oc) =>
        oc.columns(['campaign_id', 'person_id']).doUpdateSet({
          active_pledges: sql<number>`campaign_donors.active_pledges + ${delta.donorPledges}`,
        }),
      )
      .returning('active_pledges')
      .executeTakeFirstOrThrow();
    if (delta.donorPledges > 0 && donor.active_pledges === 1) donors = 1;
    if (delta.donorPledges < 0 && donor.active_pledges === 0) donors = -1;
  }
  // Any shard will do: the totals are sums. Spreading the writes keeps concurrent pledges apart.
  await trx
    .updateTable('campaign_totals')
    .set({
      pledged_minor: sql<number>`pledged_minor + ${delta.pledged}`,
      collected_minor: sql<number>`collected_minor + ${delta.collected}`,
      pledges: sql<number>`pledges + ${delta.pledges}`,
      donors: sql<number>`donors + ${donors}`,
    })
    .where('campaign_id', '=', campaignId)
    .where('shard', '=', nextShard())
    .execute();
  // Committed changes of others plus our own; `before` is the same minus our change.
  const afterTotals = await readTotals(trx, campaignId);
  const before: CampaignTotals = {
    pledgedMinor: minor(afterTotals.pledgedMinor - delta.pledged),
    collectedMinor: minor(afterTotals.collectedMinor - delta.collected),
    pledges: afterTotals.pledges - delta.pledges,
    donors: afterTotals.donors - donors,
  };
  return { before, after: afterTotals };
}

/** `known`: shared with the people store (db/stores.ts), so a person met by a first pledge is known to both. */
export function pledgeStore(db: Kysely<Database>, known = new KnownPeople()): PledgeStore {
  const people = peopleStore(db, known);
  const record = async (input: NewPledge) => {
    const recorded = await recordInOneStatement(db, input);
    if (recorded) return recorded;
    // The idempotency key was seen: answer with the pledge it made, and change nothing.
    const existing = await db.selectFrom('pledges').selectAll().where('idempotency_key', '=', input.idempotencyKey).executeTakeFirstOrThrow();
    const totals = await readTotals(db, existing.campaign_id);
    return { pledge: toPledge(existing), before: totals, after: totals, duplicate: true as const };
  };
  return {
    record,

    async recordAs(identity, input) {
      const recorded = await recordAsInOneStatement(db, identity, input);
      if (recorded) {
        known.set(identity, recorded.person);
        return recorded;
      }
      // A repeated key, or the same newcomer's other command creating them at this very moment.
      const person = await people.resolve(identity);
      return { ...(await record({ ...input, personId: person.id })), person };
    },

    async get(id) {
      const row = await db.selectFrom('pledges').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toPledge(row) : null;
    },

    async listByPerson(campaignId, personId) {
      const rows = await db
        .selectFrom('pledges')
        .selectAll()
        .where('campaign_id', '=', campaignId)
        .where('person_id', '=', personId)
        .orderBy('id', 'desc')
        .limit(50)
        .execute();
      return rows.map(toPledge);
    },

    async transition(id, decide) {
      if (!Number.isSafeInteger(id) || id <= 0 || id > 2 ** 62) return err({ code: 'pledge.not_found' });
      return db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('pledges').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
        if (!row) return err({ code: 'pledge.not_found' });
        const pledge = toPledge(row);
        const next = decide(pledge);
        if (!next.ok) return next;
        const now = new Date();
        const updated = await trx
          .updateTable('pledges')
          .set({
            status: next.value,
            ...(next.value === 'cancelled' ? { cancelled_at: now } : {}),
            ...(next.value === 'collected' ? { collected_at: now } : {}),
          })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow();
        const amount = pledge.amountMinor;
        const delta: Delta =
          next.value === 'cancelled'
            ? { pledged: -amount, collected: 0, pledges: -1, donorPledges: -1 }
            : { pledged: 0, collected: amount, pledges: 0, donorPledges: 0 };
        const { before, after } = await applyDelta(trx, pledge.campaignId, pledge.personId, delta);
        const change: PledgeChange = { pledge: toPledge(updated), before, after };
        return ok(change);
      });
    },

    async *exportRows(campaignId) {
      let lastId = 0;
      for (;;) {
        let q = db
          .selectFrom('pledges as p')
          .innerJoin('campaigns as c', 'c.id', 'p.campaign_id')
          .innerJoin('people as pe', 'pe.id', 'p.person_id')
          .selectAll('p')
          .select([
            'c.name as campaign_name',
            'c.currency as currency',
            'pe.display_name as person_name',
            sql<string>`(select string_agg(i.platform || ':' || i.user_id, ' ' order by i.platform) from identities i where i.person_id = p.person_id)`.as(
              'identity_list',
            ),
          ])
          .where('p.id', '>', lastId)
          .orderBy('p.id')
          .limit(1000);
        if (campaignId) q = q.where('p.campaign_id', '=', campaignId);
        const rows = await q.execute();
        for (const r of rows) {
          yield {
            pledge: toPledge(r),
            campaignName: r.campaign_name,
            currency: r.currency,
            displayName: r.person_name,
            identities: r.identity_list ?? '',
          };
        }
        if (rows.length < 1000) return;
        lastId = rows[rows.length - 1]?.id ?? lastId;
      }
    },
  };
}
