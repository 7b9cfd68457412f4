/**
 * The one description of the tables, for Kysely. Row types stay inside db/: repositories map them to
 * core types. `bigint` columns are parsed to safe integers once, in the client (see connect.ts).
 */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Day = ColumnType<string, string, string>;

export interface PeopleTable {
  id: Generated<string>;
  display_name: string | null;
  locale: string | null;
  created_at: Generated<Date>;
}

export interface IdentitiesTable {
  platform: string;
  tenant_id: string;
  user_id: string;
  person_id: string;
  display_name: string | null;
  locale: string | null;
  updated_at: Timestamp;
}

export interface AdminsTable {
  platform: string;
  user_id: string;
  added_by: string;
  added_at: Generated<Date>;
}

export interface CampaignsTable {
  id: Generated<string>;
  name: string;
  currency: string;
  goal_minor: number;
  starts_on: Day;
  ends_on: Day;
  created_at: Generated<Date>;
}

export interface CampaignTotalsTable {
  campaign_id: string;
  pledged_minor: Generated<number>;
  collected_minor: Generated<number>;
  donors: Generated<number>;
  pledges: Generated<number>;
}

export interface CampaignDonorsTable {
  campaign_id: string;
  person_id: string;
  active_pledges: number;
}

export interface PledgesTable {
  id: Generated<number>;
  campaign_id: string;
  person_id: string;
  amount_minor: number;
  anonymous: boolean;
  note: string | null;
  status: string;
  source: string;
  idempotency_key: string | null;
  created_at: Generated<Date>;
  cancelled_at: Date | null;
  collected_at: Date | null;
}

export interface SlackEventsTable {
  event_id: string;
  seen_at: Generated<Date>;
}

export interface TeamsConversationsTable {
  conversation_id: string;
  conversation_type: string;
  tenant_id: string | null;
  service_url: string;
  bf_channel_id: string;
  bot_id: string;
  bot_name: string | null;
  teams_channel_id: string | null;
  team_id: string | null;
  user_aad_object_id: string | null;
  user_id: string | null;
  active: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface AppSecretsTable {
  name: string;
  value: string;
  created_at: Generated<Date>;
}

export interface Database {
  people: PeopleTable;
  identities: IdentitiesTable;
  admins: AdminsTable;
  campaigns: CampaignsTable;
  campaign_totals: CampaignTotalsTable;
  campaign_donors: CampaignDonorsTable;
  pledges: PledgesTable;
  slack_events: SlackEventsTable;
  app_secrets: AppSecretsTable;
  teams_conversations: TeamsConversationsTable;
}
