import { type Kysely } from 'kysely';

/**
 * Names of the places the bot speaks in, so people read "Équipe › Canal" rather than an id: a Teams
 * conversation's name and its team's (as Teams tells them in conversationUpdate and message
 * activities), and a Slack campaign channel's name (as the slash command that added it carried it).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('teams_conversations').addColumn('conversation_name', 'text').execute();
  await db.schema.alterTable('teams_conversations').addColumn('team_name', 'text').execute();
  await db.schema.alterTable('campaign_channels').addColumn('name', 'text').execute();
  // Team names are looked up by team for every channel of it.
  await db.schema.createIndex('teams_conversations_team_idx').on('teams_conversations').column('team_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('teams_conversations_team_idx').ifExists().execute();
  await db.schema.alterTable('campaign_channels').dropColumn('name').execute();
  await db.schema.alterTable('teams_conversations').dropColumn('team_name').execute();
  await db.schema.alterTable('teams_conversations').dropColumn('conversation_name').execute();
}
