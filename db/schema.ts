/**
 * The one description of the tables, for Kysely. Row types stay inside db/: repositories map them to
 * core types. `bigint` columns are parsed to safe integers once, in the client (see connect.ts).
 */
import type { ColumnType, Generated, GeneratedAlways } from 'kysely';
import type { GoalTables } from './schema-goals.js';
import type { NeedsTables } from './schema-needs.js';

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
  shard: number;
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

/** Until when a Slack Web API method (`users.info`) or a look-up of one person (`users.info:T…:U…`) waits. */
export interface SlackApiHoldsTable {
  key: string;
  until: Date;
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
  conversation_name: string | null;
  team_name: string | null;
  active: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface AppSecretsTable {
  name: string;
  value: string;
  created_at: Generated<Date>;
}

/** jsonb: written as JSON text, read back parsed; every read is checked with zod before use. */
type Json = ColumnType<unknown, string, string>;

export interface CampaignChannelsTable {
  destination_key: string;
  platform: string;
  destination: Json;
  kind: string;
  added_by: string;
  added_at: Generated<Date>;
  name: string | null;
}

export interface OutboxMessagesTable {
  id: Generated<string>;
  kind: string;
  campaign_id: string | null;
  dedupe_key: string;
  payload: Json;
  summary: string | null;
  created_by: string | null;
  created_at: Timestamp;
  not_before: Timestamp;
  target_count: number;
}

export interface OutboxTargetsTable {
  id: Generated<number>;
  message_id: string;
  destination_key: string;
  platform: string;
  destination: Json;
  status: Generated<string>;
  attempts: Generated<number>;
  throttles: Generated<number>;
  possible_duplicates: Generated<number>;
  next_attempt_at: Timestamp;
  last_error: string | null;
  claimed_by: string | null;
  claimed_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  sent_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  platform_message_id: string | null;
}

export interface OutboxLanesTable {
  lane_key: string;
  platform: string | null;
  next_at: Timestamp;
  due_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
}

export interface DigestRunsTable {
  campaign_id: string;
  day: Day;
  kind: string;
  totals: Json;
  created_at: Generated<Date>;
}

export interface PhotoBatchesTable {
  id: GeneratedAlways<number>;
  campaign_id: string;
  uploader_person_id: string;
  uploader_platform: string;
  uploader_tenant_id: string;
  uploader_user_id: string;
  locale: string;
  source_key: string;
  caption: string | null;
  place: string | null;
  status: string;
  created_at: Timestamp;
  consented_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  reviewed_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  reviewed_by: string | null;
  reject_reason: string | null;
}

export interface PhotosTable {
  id: GeneratedAlways<number>;
  batch_id: number;
  position: number;
  web_key: string;
  thumb_key: string;
  width: number;
  height: number;
  web_bytes: number;
  thumb_bytes: number;
  withdrawn_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  withdrawn_by: string | null;
  posted_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  album_key: string | null;
}

export interface PhotoPostsTable {
  id: GeneratedAlways<number>;
  photo_id: number;
  platform: string;
  kind: string;
  destination: Json;
  platform_ref: string;
  created_at: Generated<Date>;
  retracted_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
}

export interface TripsTable {
  id: Generated<number>;
  campaign_id: string;
  name: string;
  starts_on: Day;
  ends_on: Day;
  seats: number;
  reserved_seats: Generated<number>;
  confirmed: Generated<number>;
  open_confirmed: Generated<number>;
  waitlisted: Generated<number>;
  meeting_point: string | null;
  meeting_time: string | null;
  deadline: ColumnType<string | null, string | null, string | null>;
  purged_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  created_by: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface TripRolesTable {
  trip_id: number;
  key: string;
  name: string;
  seats: number;
  confirmed: Generated<number>;
  position: number;
}

export interface SignupsTable {
  id: Generated<number>;
  trip_id: number;
  person_id: string;
  role_key: string | null;
  status: string;
  waitlist_seq: number | null;
  source: string;
  idempotency_key: string | null;
  phone: string | null;
  emergency_name: string | null;
  emergency_phone: string | null;
  notes: string | null;
  rules_accepted_at: Timestamp;
  changes: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface VolunteerRemindersTable {
  signup_id: number;
  days_before: number;
  claimed_at: Generated<Date>;
}

export interface HrSigninTokensTable {
  token_hash: string;
  platform: string;
  tenant_id: string;
  user_id: string;
  person_id: string;
  locale: string;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface HrSessionsTable {
  session_hash: string;
  platform: string;
  tenant_id: string;
  user_id: string;
  person_id: string;
  locale: string;
  csrf_token: string;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  /** The page notice waiting to be shown once: `{ page, text, details, at }`. */
  notice: ColumnType<unknown, string | null | undefined, string | null>;
}

export interface Database extends NeedsTables, GoalTables {
  people: PeopleTable;
  identities: IdentitiesTable;
  admins: AdminsTable;
  campaigns: CampaignsTable;
  campaign_totals: CampaignTotalsTable;
  campaign_donors: CampaignDonorsTable;
  pledges: PledgesTable;
  slack_events: SlackEventsTable;
  slack_api_holds: SlackApiHoldsTable;
  campaign_channels: CampaignChannelsTable;
  outbox_messages: OutboxMessagesTable;
  outbox_targets: OutboxTargetsTable;
  outbox_lanes: OutboxLanesTable;
  digest_runs: DigestRunsTable;
  app_secrets: AppSecretsTable;
  teams_conversations: TeamsConversationsTable;
  trips: TripsTable;
  trip_roles: TripRolesTable;
  signups: SignupsTable;
  volunteer_reminders: VolunteerRemindersTable;
  photo_batches: PhotoBatchesTable;
  photos: PhotosTable;
  photo_posts: PhotoPostsTable;
  hr_signin_tokens: HrSigninTokensTable;
  hr_sessions: HrSessionsTable;
}
