import type { Kysely } from 'kysely';
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
        })
        .onConflict((oc) => oc.column('destination_key').doNothing())
        .returning('destination_key')
        .executeTakeFirst();
      return { added: row !== undefined };
    },

    async remove(destination) {
      const rows = await db
        .deleteFrom('campaign_channels')
        .where('destination_key', '=', destinationKey(destination))
        .returning('destination_key')
        .execute();
      return { removed: rows.length > 0 };
    },

    async list() {
      const rows = await db.selectFrom('campaign_channels').selectAll().orderBy('added_at').orderBy('destination_key').execute();
      return rows.flatMap((r) => {
        const destination = parseDestination(r.destination);
        // A row this version cannot read is left alone rather than posted to blindly.
        if (!destination) return [];
        return [{ destination, kind: parseChannelKind(r.kind), addedBy: r.added_by, addedAt: r.added_at }];
      });
    },
  };
}
