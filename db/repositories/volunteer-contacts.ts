import type { Kysely } from 'kysely';
import type { Destination } from '../../src/messaging/ports.js';
import type { Platform } from '../../src/ports.js';
import type { Contact } from '../../src/volunteers/ports.js';
import { parseLocale, parsePlatform } from '../row-enums.js';
import type { Database } from '../schema.js';
import { directDestination } from './direct-chats.js';

/**
 * Where a person can be written to privately. Slack: their user id (chat.postMessage opens the DM).
 * Teams: their personal chat with the bot, which only exists once they installed or wrote to it.
 * The platform they signed up from comes first; another identity of theirs is the fallback.
 */
export async function contactOf(db: Kysely<Database>, personId: string, prefer: Platform): Promise<Contact | null> {
  const rows = await db
    .selectFrom('identities as i')
    .innerJoin('people as p', 'p.id', 'i.person_id')
    .select(['i.platform', 'i.tenant_id', 'i.user_id', 'i.locale', 'p.locale as person_locale'])
    .where('i.person_id', '=', personId)
    .orderBy('i.updated_at', 'desc')
    .execute();
  rows.sort((a, b) => Number(b.platform === prefer) - Number(a.platform === prefer));
  for (const r of rows) {
    const destination = await directDestination(db, { platform: parsePlatform(r.platform), userId: r.user_id, tenantId: r.tenant_id });
    if (destination) return { destination, locale: parseLocale.nullable(r.locale) ?? parseLocale.nullable(r.person_locale) };
  }
  return null;
}

/** Private destinations of every confirmed volunteer of a campaign (one per person). */
export async function confirmedContacts(db: Kysely<Database>, campaignId: string): Promise<Destination[]> {
  const people = await db
    .selectFrom('signups as s')
    .innerJoin('trips as t', 't.id', 's.trip_id')
    .select(['s.person_id', 's.source'])
    .distinctOn('s.person_id')
    .where('t.campaign_id', '=', campaignId)
    .where('s.status', '=', 'confirmed')
    .orderBy('s.person_id')
    .execute();
  const found: Destination[] = [];
  for (const p of people) {
    const contact = await contactOf(db, p.person_id, parsePlatform(p.source));
    if (contact) found.push(contact.destination);
  }
  return found;
}
