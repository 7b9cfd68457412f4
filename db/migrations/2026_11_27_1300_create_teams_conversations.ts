import { sql, type Kysely } from 'kysely';

/**
 * Teams conversation references: where the bot can speak later without being spoken to (digests,
 * announcements, direct messages). One row per personal chat, group chat or channel.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('teams_conversations')
    .addColumn('conversation_id', 'text', (c) => c.primaryKey())
    .addColumn('conversation_type', 'text', (c) => c.notNull().check(sql`conversation_type in ('personal', 'groupChat', 'channel')`))
    .addColumn('tenant_id', 'text')
    .addColumn('service_url', 'text', (c) => c.notNull())
    .addColumn('bf_channel_id', 'text', (c) => c.notNull())
    .addColumn('bot_id', 'text', (c) => c.notNull())
    .addColumn('bot_name', 'text')
    .addColumn('teams_channel_id', 'text')
    .addColumn('team_id', 'text')
    .addColumn('user_aad_object_id', 'text')
    .addColumn('user_id', 'text')
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // Direct messages look a person up by tenant + AAD object id.
  await db.schema
    .createIndex('teams_conversations_person_idx')
    .on('teams_conversations')
    .columns(['tenant_id', 'user_aad_object_id', 'updated_at'])
    .where(sql.ref('conversation_type'), '=', 'personal')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('teams_conversations').ifExists().execute();
}
