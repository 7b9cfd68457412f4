import type { Kysely } from 'kysely';

/**
 * The notice a dashboard page shows once after a change ("2 pledges marked collected"), kept with
 * the session it belongs to rather than in the address: a crafted link cannot make HR's own page say
 * something the bot never said.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('hr_sessions').addColumn('notice', 'jsonb').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('hr_sessions').dropColumn('notice').execute();
}
