import type { Kysely, Selectable } from 'kysely';
import type { Campaign, CampaignTotals } from '../../src/campaigns/campaign.js';
import type { CampaignStore } from '../../src/ports.js';
import { minor } from '../../src/shared/money.js';
import type { CampaignsTable, CampaignTotalsTable, Database } from '../schema.js';

export const toCampaign = (r: Selectable<CampaignsTable>): Campaign => ({
  id: r.id,
  name: r.name,
  currency: r.currency,
  goalMinor: minor(r.goal_minor),
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  createdAt: r.created_at,
});

export const toTotals = (r: Pick<Selectable<CampaignTotalsTable>, 'pledged_minor' | 'collected_minor' | 'donors' | 'pledges'>): CampaignTotals => ({
  pledgedMinor: minor(r.pledged_minor),
  collectedMinor: minor(r.collected_minor),
  donors: r.donors,
  pledges: r.pledges,
});

export function campaignStore(db: Kysely<Database>): CampaignStore {
  return {
    async create(input) {
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('campaigns')
          .values({
            name: input.name,
            currency: input.currency,
            goal_minor: input.goalMinor,
            starts_on: input.startsOn,
            ends_on: input.endsOn,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await trx.insertInto('campaign_totals').values({ campaign_id: row.id }).execute();
        return toCampaign(row);
      });
    },
    async list() {
      const rows = await db.selectFrom('campaigns').selectAll().orderBy('starts_on', 'desc').orderBy('created_at', 'desc').execute();
      return rows.map(toCampaign);
    },
    async get(id) {
      const row = await db.selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toCampaign(row) : null;
    },
    async current(today) {
      const running = await db
        .selectFrom('campaigns')
        .selectAll()
        .where('starts_on', '<=', today)
        .where('ends_on', '>=', today)
        .orderBy('starts_on', 'desc')
        .orderBy('created_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (running) return toCampaign(running);
      const ended = await db
        .selectFrom('campaigns')
        .selectAll()
        .where('ends_on', '<', today)
        .orderBy('ends_on', 'desc')
        .orderBy('created_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      return ended ? toCampaign(ended) : null;
    },
    async upcoming(today) {
      const row = await db
        .selectFrom('campaigns')
        .selectAll()
        .where('starts_on', '>', today)
        .orderBy('starts_on', 'asc')
        .limit(1)
        .executeTakeFirst();
      return row ? toCampaign(row) : null;
    },
    async totals(campaignId) {
      const row = await db
        .selectFrom('campaign_totals')
        .select(['pledged_minor', 'collected_minor', 'donors', 'pledges'])
        .where('campaign_id', '=', campaignId)
        .executeTakeFirstOrThrow();
      return toTotals(row);
    },
  };
}
