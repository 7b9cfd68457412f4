import type { Kysely } from 'kysely';

/**
 * When the bot may next call a Slack Web API method (a 429's Retry-After) or look a person up again,
 * shared by every instance so that none of them hammers Slack while another was told to wait.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('slack_api_holds')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('until', 'timestamptz', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('slack_api_holds').ifExists().execute();
}
