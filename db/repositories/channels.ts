import { sql, type Kysely } from 'kysely';
import type { ChannelStore } from '../../src/channels/channels.js';
import { destinationKey } from '../../src/messaging/ports.js';
import { parseDestination } from '../../src/outbox/payload.js';
import { parseChannelKind } from '../row-enums.js';
import type { Database } from '../schema.js';

/** Campaign channels, keyed by `platform:id`. Works on the database or inside a transaction. */
export function channelStore(db: Kysely<Database>): ChannelStore {
  return {
    async add(channel) {
      const row = await db
        .insertInto('campaign_channels')
        .values({
          destination_key: destinationKey(channel.destination),
          platform: channel.destination.platform,
          destination: JSON.stringify(channel.destination),
          kind: channel.kind,
          added_by: channel.addedBy,
          name: channel.name ?? null,
        })
        .onConflict((oc) => oc.column('destination_key').doNothing())
        .returning('destination_key')
        .executeTakeFirst();
      return { added: row !== undefined };
    },

    async remove(destination) {
      const rows = await db.deleteFrom('campaign_channels').where('destination_key', '=', destinationKey(destination)).returning('destination_key').execute();
      return { removed: rows.length > 0 };
    },

    async list() {
      // Teams names live with the conversation reference, renamed whenever Teams says so; the team's
      // name may have come with another of its channels (the bot's install names the team once).
      const rows = await db
        .selectFrom('campaign_channels as cc')
        .leftJoin('teams_conversations as tc', (join) => join.on(sql`cc.destination_key`, '=', sql`'teams:' || tc.conversation_id`))
        .select(['cc.destination', 'cc.kind', 'cc.added_by', 'cc.added_at', 'cc.name', 'tc.conversation_name'])
        .select((eb) =>
          eb
            .selectFrom('teams_conversations as team')
            .select('team.team_name')
            .whereRef('team.team_id', '=', 'tc.team_id')
            .where('team.team_name', 'is not', null)
            .orderBy('team.updated_at', 'desc')
            .limit(1)
            .as('team_name'),
        )
        .orderBy('cc.added_at')
        .orderBy('cc.destination_key')
        .execute();
      return rows.flatMap((r) => {
        const destination = parseDestination(r.destination);
        // A row this version cannot read is left alone rather than posted to blindly.
        if (!destination) return [];
        const names = { channel: r.name ?? r.conversation_name ?? null, team: r.team_name ?? null };
        return [{ destination, kind: parseChannelKind(r.kind), addedBy: r.added_by, addedAt: r.added_at, names }];
      });
    },
  };
}
