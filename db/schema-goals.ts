/**
 * The tables around a campaign's goal, part of the one Database interface: its milestones and their
 * claims (migration 2026_11_27_1400_create_outbox) and the history of its changes
 * (2026_12_06_0330_create_campaign_goal_changes).
 */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface CampaignMilestonesTable {
  campaign_id: string;
  amount_minor: number;
  added_by: string;
  added_at: Generated<Date>;
}

export interface MilestoneClaimsTable {
  campaign_id: string;
  milestone_key: string;
  reached_at: Timestamp;
}

export interface CampaignGoalChangesTable {
  id: Generated<number>;
  campaign_id: string;
  old_goal_minor: number;
  new_goal_minor: number;
  /** `platform:userId`, or `cli` for the console. */
  changed_by: string;
  changed_at: Timestamp;
}

export interface GoalTables {
  campaign_milestones: CampaignMilestonesTable;
  milestone_claims: MilestoneClaimsTable;
  campaign_goal_changes: CampaignGoalChangesTable;
}
