import { sql, type Kysely } from 'kysely';
import type { SlackHolds } from '../../adapters/slack/ports.js';
import type { Database } from '../schema.js';

export type { SlackHolds } from '../../adapters/slack/ports.js';

export function slackHolds(db: Kysely<Database>): SlackHolds {
  return {
    async held(key, now) {
      const row = await db.selectFrom('slack_api_holds').select('until').where('key', '=', key).executeTakeFirst();
      return row !== undefined && row.until.getTime() > now.getTime();
    },
    async claim(key, now, until) {
      const row = await db
        .insertInto('slack_api_holds')
        .values({ key, until })
        .onConflict((oc) => oc.column('key').doUpdateSet({ until }).where('slack_api_holds.until', '<=', now))
        .returning('key')
        .executeTakeFirst();
      return row !== undefined;
    },
    async hold(key, until) {
      await db
        .insertInto('slack_api_holds')
        .values({ key, until })
        .onConflict((oc) => oc.column('key').doUpdateSet({ until: sql<Date>`excluded.until` }))
        .execute();
    },
  };
}
