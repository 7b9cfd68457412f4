import { sql, type Kysely } from 'kysely';
import type { SlackEventLog } from '../../adapters/slack/ports.js';
import type { Database } from '../schema.js';

/** Slack event ids already handled (adapters/slack/ports.ts): the first instance to insert one wins. */
export function slackEventLog(db: Kysely<Database>): SlackEventLog {
  return {
    async firstSeen(eventId) {
      const inserted = await db
        .insertInto('slack_events')
        .values({ event_id: eventId.slice(0, 100) })
        .onConflict((oc) => oc.column('event_id').doNothing())
        .returning('event_id')
        .executeTakeFirst();
      return inserted !== undefined;
    },
    async prune() {
      await db
        .deleteFrom('slack_events')
        .where('seen_at', '<', sql<Date>`now() - interval '1 day'`)
        .execute();
    },
  };
}
