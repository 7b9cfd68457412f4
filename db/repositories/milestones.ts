import { CompiledQuery, type Kysely } from 'kysely';
import { prepared } from '../prepared.js';
import type { MilestoneStore } from '../../src/milestones/milestones.js';
import { minor } from '../../src/shared/money.js';
import type { Database } from '../schema.js';

/** Asked after every pledge that raises the totals: a fixed text, prepared once per connection. */
const AMOUNTS = prepared('select amount_minor from campaign_milestones where campaign_id = $1 order by amount_minor');

export function milestoneStore(db: Kysely<Database>): MilestoneStore {
  return {
    async addAmount(campaignId, amount, addedBy) {
      const row = await db
        .insertInto('campaign_milestones')
        .values({ campaign_id: campaignId, amount_minor: amount, added_by: addedBy })
        .onConflict((oc) => oc.columns(['campaign_id', 'amount_minor']).doNothing())
        .returning('amount_minor')
        .executeTakeFirst();
      return { added: row !== undefined };
    },

    async amounts(campaignId) {
      const { rows } = await db.executeQuery<{ amount_minor: number }>(CompiledQuery.raw(AMOUNTS, [campaignId]));
      return rows.map((r) => minor(r.amount_minor));
    },

    async claim(campaignId, keys, at) {
      if (keys.length === 0) return [];
      // The unique row is the claim: whoever inserts it announces; a concurrent insert waits and gets nothing.
      const rows = await db
        .insertInto('milestone_claims')
        .values(keys.map((key) => ({ campaign_id: campaignId, milestone_key: key, reached_at: at })))
        .onConflict((oc) => oc.columns(['campaign_id', 'milestone_key']).doNothing())
        .returning('milestone_key')
        .execute();
      return rows.map((r) => r.milestone_key);
    },

    async claimed(campaignId) {
      const rows = await db.selectFrom('milestone_claims').select('milestone_key').where('campaign_id', '=', campaignId).execute();
      return rows.map((r) => r.milestone_key);
    },

    async goal(campaignId) {
      // FOR SHARE: a concurrent `changeGoal` (an UPDATE of this row) waits for this transaction, and
      // one already under way makes this read wait for it and return the goal it wrote.
      const row = await db.selectFrom('campaigns').select('goal_minor').where('id', '=', campaignId).forShare().executeTakeFirst();
      return row ? minor(row.goal_minor) : null;
    },
  };
}
