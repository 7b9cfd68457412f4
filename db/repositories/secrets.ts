import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { SigningKeys } from '../../adapters/http/ports.js';
import type { Database } from '../schema.js';

/**
 * Returns the secret called `name`, creating a random one on first use. Every instance on the same
 * database gets the same value (the first insert wins), so links signed by one open on another.
 */
export async function appSecret(db: Kysely<Database>, name: string): Promise<string> {
  await db
    .insertInto('app_secrets')
    .values({ name, value: randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('app_secrets').select('value').where('name', '=', name).executeTakeFirstOrThrow();
  return row.value;
}

/** The link-signing keys the HTTP edges use (adapters/http/ports.ts). */
export function signingKeys(db: Kysely<Database>): SigningKeys {
  return (name) => appSecret(db, name);
}
