/** Look-ups the platform parts of the photos feature need, outside the core's PhotoStore. */
import type { Kysely } from 'kysely';
import type { TeamsPhotoLookups } from '../../adapters/teams/ports.js';
import type { Database } from '../schema.js';

/**
 * The personal chat the bot has with a Teams user, by AAD object id alone (HR people are listed
 * without their tenant): the most recently used active one.
 */
export async function teamsPersonalChat(db: Kysely<Database>, aadObjectId: string, tenantId?: string): Promise<string | null> {
  let query = db
    .selectFrom('teams_conversations')
    .select('conversation_id')
    .where('conversation_type', '=', 'personal')
    .where('user_aad_object_id', '=', aadObjectId)
    .where('active', '=', true);
  if (tenantId) query = query.where('tenant_id', '=', tenantId);
  const row = await query.orderBy('updated_at', 'desc').limit(1).executeTakeFirst();
  return row?.conversation_id ?? null;
}

/** The album post (outbox payload) that carried a photo, to redraw it without the photo. */
export async function albumPayloadOf(db: Kysely<Database>, photoId: number): Promise<unknown> {
  const row = await db
    .selectFrom('photos as p')
    .innerJoin('outbox_messages as m', 'm.dedupe_key', 'p.album_key')
    .select('m.payload')
    .where('p.id', '=', photoId)
    .executeTakeFirst();
  return row?.payload ?? null;
}

/** The look-ups the Teams photo messages use (adapters/teams/ports.ts). */
export function teamsPhotoLookups(db: Kysely<Database>): TeamsPhotoLookups {
  return {
    personalChat: (aadObjectId, tenantId) => teamsPersonalChat(db, aadObjectId, tenantId),
    albumPayloadOf: (photoId) => albumPayloadOf(db, photoId),
  };
}
