import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** Holds on Slack Web API calls, shared by every instance (see the slack_api_holds migration). */
export interface SlackHolds {
  /** True while `key` is held (a 429's Retry-After still running). */
  held(key: string, now: Date): Promise<boolean>;
  /**
   * Takes `key` until `until` unless it is still held: true for exactly one caller across instances,
   * so a person is looked up at most once per hold.
   */
  claim(key: string, now: Date, until: Date): Promise<boolean>;
  /** Sets the hold to `until`, whatever it was (a failure shortens it, a 429 lengthens it). */
  hold(key: string, until: Date): Promise<void>;
}

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
