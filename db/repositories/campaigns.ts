import type { Kysely } from 'kysely';
import type { Campaign } from '../../src/campaigns/campaign.js';
import { readTotals, toCampaign, TOTAL_SHARDS } from './campaign-rows.js';
import { changeGoalIn, lastGoalChange } from './goal-changes.js';
import type { CampaignStore } from '../../src/ports.js';
import { TtlCache } from '../../src/shared/ttl-cache.js';
import type { Database } from '../schema.js';

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
  // Commands arriving together when the cached answer expires share one query instead of each asking.
  const asking = new Map<string, Promise<Campaign | null>>();
  // After a write: a question asked before it commits may hold the old answer, so neither it nor a
  // kept answer is used again.
  const forget = () => {
    currentByDay.clear();
    asking.clear();
  };
  const ask = (today: string): Promise<Campaign | null> => {
    const answer = findCurrent(db, today)
      .then((found) => {
        if (asking.get(today) === answer && found) currentByDay.set(today, found);
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
        if ((currentByDay.age(today) ?? 0) >= CURRENT_REFRESH_MS && !asking.has(today)) ask(today).catch(() => undefined);
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
