import type { Migration } from 'kysely';
import * as createPledges from './2026_11_27_1200_create_pledges.js';
import * as createTeamsConversations from './2026_11_27_1300_create_teams_conversations.js';
import * as createOutbox from './2026_11_27_1400_create_outbox.js';
import * as createAppSecrets from './2026_11_27_1450_create_app_secrets.js';
import * as createTrips from './2026_11_27_1500_create_trips.js';
import * as createPhotos from './2026_11_27_1600_create_photos.js';
import * as createSlackApiHolds from './2026_12_01_2030_create_slack_api_holds.js';
import * as createNeeds from './2026_12_01_2100_create_needs.js';
import * as createHrSessions from './2026_12_01_2110_create_hr_sessions.js';
import * as addChannelNames from './2026_12_02_0100_add_channel_names.js';
import * as addHrSessionNotice from './2026_12_02_0110_add_hr_session_notice.js';
import * as createCampaignGoalChanges from './2026_12_06_0330_create_campaign_goal_changes.js';

/**
 * Every migration, by name, in order. Listed here rather than read from the folder so that the same
 * code runs from sources and from a built image. New migrations are appended, never edited.
 */
export const migrations: Record<string, Migration> = {
  '2026_11_27_1200_create_pledges': createPledges,
  '2026_11_27_1300_create_teams_conversations': createTeamsConversations,
  '2026_11_27_1400_create_outbox': createOutbox,
  '2026_11_27_1450_create_app_secrets': createAppSecrets,
  '2026_11_27_1500_create_trips': createTrips,
  '2026_11_27_1600_create_photos': createPhotos,
  '2026_12_01_2030_create_slack_api_holds': createSlackApiHolds,
  '2026_12_01_2100_create_needs': createNeeds,
  '2026_12_01_2110_create_hr_sessions': createHrSessions,
  '2026_12_02_0100_add_channel_names': addChannelNames,
  '2026_12_02_0110_add_hr_session_notice': addHrSessionNotice,
  '2026_12_06_0330_create_campaign_goal_changes': createCampaignGoalChanges,
};
