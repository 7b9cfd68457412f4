import type { Kysely } from 'kysely';
import type { AdminStore } from '../../src/ports.js';
import { parsePlatform } from '../row-enums.js';
import type { Database } from '../schema.js';

export function adminStore(db: Kysely<Database>): AdminStore {
  return {
    async isAdmin(platform, userId) {
      const row = await db.selectFrom('admins').select('user_id').where('platform', '=', platform).where('user_id', '=', userId).executeTakeFirst();
      return row !== undefined;
    },
    async add(platform, userId, addedBy) {
      const row = await db
        .insertInto('admins')
        .values({ platform, user_id: userId, added_by: addedBy })
        .onConflict((oc) => oc.columns(['platform', 'user_id']).doNothing())
        .returning('user_id')
        .executeTakeFirst();
      return { added: row !== undefined };
    },
    async list() {
      const rows = await db.selectFrom('admins').select(['platform', 'user_id']).orderBy('added_at').execute();
      return rows.map((r) => ({ platform: parsePlatform(r.platform), userId: r.user_id }));
    },
  };
}
