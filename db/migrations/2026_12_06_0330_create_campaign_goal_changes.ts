import { sql, type Kysely } from 'kysely';

/**
 * Every change of a campaign's goal: the goal before and after, who changed it (`platform:userId`, or
 * `cli` for the console) and when. Written in the same transaction as the change itself.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('campaign_goal_changes')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('campaign_id', 'uuid', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('old_goal_minor', 'bigint', (c) => c.notNull().check(sql`old_goal_minor > 0`))
    .addColumn('new_goal_minor', 'bigint', (c) => c.notNull().check(sql`new_goal_minor > 0`))
    .addColumn('changed_by', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('campaign_goal_changes_by_campaign').on('campaign_goal_changes').columns(['campaign_id', 'changed_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('campaign_goal_changes').ifExists().execute();
}
