import { sql, type Kysely, type Transaction } from 'kysely';
import type { Campaign, CampaignTotals, GoalChange, GoalChangeRecord, GoalSettle } from '../../src/campaigns/campaign.js';
import { minor } from '../../src/shared/money.js';
import type { Database } from '../schema.js';
import { readTotals, toCampaign } from './campaign-rows.js';
import { milestoneStore } from './milestones.js';

/**
 * The goal change in `trx`: the campaign row locked and updated, the change recorded when the goal
 * differs, then `settle` over the same transaction's totals and milestones. A pledge's milestone check
 * reads the goal FOR SHARE (milestones.ts), so it waits for this and then sees the new goal. The lock
 * is FOR NO KEY UPDATE, as the update itself takes: a pledge's foreign key to the campaign (FOR KEY
 * SHARE) goes on meanwhile, where FOR UPDATE would hold every pledge of the campaign until the commit.
 */
export async function changeGoalIn(
  trx: Transaction<Database>,
  id: string,
  change: GoalChange,
  settle: GoalSettle,
): Promise<{ before: Campaign; campaign: Campaign; totals: CampaignTotals } | null> {
  const found = await trx.selectFrom('campaigns').selectAll().where('id', '=', id).forNoKeyUpdate().executeTakeFirst();
  if (!found) return null;
  const before = toCampaign(found);
  const row = await trx
    .updateTable('campaigns')
    .set({ goal_minor: change.goalMinor, ends_on: change.endsOn })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  if (before.goalMinor !== change.goalMinor)
    await trx
      .insertInto('campaign_goal_changes')
      .values({ campaign_id: id, old_goal_minor: before.goalMinor, new_goal_minor: change.goalMinor, changed_by: change.by, changed_at: change.at })
      .execute();
  const campaign = toCampaign(row);
  const totals = await readTotals(trx, id);
  await settle(campaign, totals, milestoneStore(trx));
  return { before, campaign, totals };
}

export async function lastGoalChange(db: Kysely<Database>, campaignId: string): Promise<GoalChangeRecord | null> {
  const row = await db
    .selectFrom('campaign_goal_changes as g')
    .select(['g.old_goal_minor', 'g.new_goal_minor', 'g.changed_by', 'g.changed_at'])
    // Who changed it, by the name the bot has for them (`platform:userId`; several workspaces may share
    // a user id, so any of their names will do).
    .select((eb) =>
      eb
        .selectFrom('identities as i')
        .select('i.display_name')
        .whereRef(sql<string>`i.platform || ':' || i.user_id`, '=', 'g.changed_by')
        .where('i.display_name', 'is not', null)
        .limit(1)
        .as('by_name'),
    )
    .where('g.campaign_id', '=', campaignId)
    .orderBy('g.changed_at', 'desc')
    .orderBy('g.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row
    ? { fromMinor: minor(row.old_goal_minor), toMinor: minor(row.new_goal_minor), by: row.changed_by, byName: row.by_name ?? null, at: row.changed_at }
    : null;
}
