import { CompiledQuery, type Kysely, type Selectable } from 'kysely';
import type { Campaign, CampaignTotals } from '../../src/campaigns/campaign.js';
import { changeGoalIn, lastGoalChange } from './goal-changes.js';
import type { CampaignStore } from '../../src/ports.js';
import { minor } from '../../src/shared/money.js';
import { TtlCache } from '../../src/shared/ttl-cache.js';
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

/**
 * Every command asks for the current campaign, and campaigns are created a few times a year: the
 * answer is kept a few seconds per day. This instance's own new campaigns show at once; another
 * instance's within that delay.
 */
const CURRENT_TTL_MS = 5_000;
/**
 * A kept answer this old is asked for again in the background while it still answers. Under load the
 * question waits behind every statement queued for a connection: were the answer let expire first,
 * every command arriving meanwhile would wait with it (a stall of the whole instance every 5 s).
 */
const CURRENT_REFRESH_MS = 4_000;

export function campaignStore(db: Kysely<Database>, now: () => number = Date.now): CampaignStore {
  const currentByDay = new TtlCache<Campaign>(CURRENT_TTL_MS, 64, now);
  const refreshDue = new Map<string, number>();
  // Commands arriving together when the cached answer expires share one query instead of each asking.
  const asking = new Map<string, Promise<Campaign | null>>();
  // After a write: a question asked before it commits may hold the old answer, so neither it nor a
  // kept answer is used again.
  const forget = () => {
    currentByDay.clear();
    refreshDue.clear();
    asking.clear();
  };
  const ask = (today: string): Promise<Campaign | null> => {
    const answer = findCurrent(db, today)
      .then((found) => {
        if (asking.get(today) === answer && found) {
          currentByDay.set(today, found);
          refreshDue.set(today, now() + CURRENT_REFRESH_MS);
        }
        return found;
      })
      .finally(() => {
        if (asking.get(today) === answer) asking.delete(today);
      });
    asking.set(today, answer);
    return answer;
  };
  return {
    async create(input) {
      const created = await db.transaction().execute(async (trx) => {
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
        await trx
          .insertInto('campaign_totals')
          .values(Array.from({ length: TOTAL_SHARDS }, (_, shard) => ({ campaign_id: row.id, shard })))
          .execute();
        return toCampaign(row);
      });
      forget();
      return created;
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
      const cached = currentByDay.get(today);
      if (cached) {
        // A failed refresh is not this command's: the answer kept expires, and the next command asks.
        if (now() >= (refreshDue.get(today) ?? Infinity) && !asking.has(today)) ask(today).catch(() => undefined);
        return cached;
      }
      return asking.get(today) ?? ask(today);
    },
    async upcoming(today) {
      const row = await db.selectFrom('campaigns').selectAll().where('starts_on', '>', today).orderBy('starts_on', 'asc').limit(1).executeTakeFirst();
      return row ? toCampaign(row) : null;
    },
    async totals(campaignId) {
      return readTotals(db, campaignId);
    },
    async changeGoal(id, change, settle) {
      const changed = await db.transaction().execute((trx) => changeGoalIn(trx, id, change, settle));
      // The new end date may change which campaign runs today: this instance sees it at once.
      forget();
      return changed;
    },
    async lastGoalChange(id) {
      return lastGoalChange(db, id);
    },
  };
}

/** The campaign whose window holds `today`, else the one that ended most recently. */
async function findCurrent(db: Kysely<Database>, today: string): Promise<Campaign | null> {
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
}
