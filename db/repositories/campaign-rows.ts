/** A campaign's rows as the core sees them, and its running totals read from their shard rows. */
import { CompiledQuery, type Kysely, type Selectable } from 'kysely';
import type { Campaign, CampaignTotals } from '../../src/campaigns/campaign.js';
import { minor } from '../../src/shared/money.js';
import { prepared } from '../prepared.js';
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

/** How many rows a campaign's running totals are spread over (see the pledges migration). */
export const TOTAL_SHARDS = 16;

/** Read after every pledge that may cross a milestone: a fixed text, prepared once per connection. */
const READ_TOTALS = prepared(`
    select coalesce(sum(pledged_minor), 0)::bigint as pledged_minor, coalesce(sum(collected_minor), 0)::bigint as collected_minor,
      coalesce(sum(donors), 0)::int as donors, coalesce(sum(pledges), 0)::int as pledges
    from campaign_totals where campaign_id = $1`);

/** A campaign's totals: the sum of its shard rows, a constant amount of work whatever the pledge count. */
export async function readTotals(db: Kysely<Database>, campaignId: string): Promise<CampaignTotals> {
  const { rows } = await db.executeQuery<Pick<Selectable<CampaignTotalsTable>, 'pledged_minor' | 'collected_minor' | 'donors' | 'pledges'>>(
    CompiledQuery.raw(READ_TOTALS, [campaignId]),
  );
  const row = rows[0];
  if (!row) throw new Error('the totals query returned no row');
  return toTotals(row);
}
