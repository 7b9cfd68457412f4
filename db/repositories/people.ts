import { CompiledQuery, type Kysely } from 'kysely';
import { prepared } from '../prepared.js';
import type { Identity, PeopleStore, Person } from '../../src/ports.js';
import type { Locale } from '../../src/shared/money.js';
import { TtlCache } from '../../src/shared/ttl-cache.js';
import { parseLocale, parsePlatform } from '../row-enums.js';
import type { Database } from '../schema.js';

/** The key of an identity in the caches. */
const identityKey = (identity: Identity) => `${identity.platform}\n${identity.tenantId}\n${identity.userId}`;

/** The name (as stored: 200 characters at most) and language an identity gives, null when it gives none. */
export const givenNameAndLocale = (identity: Identity): { name: string | null; locale: Locale | null } => ({
  name: identity.displayName?.slice(0, 200) ?? null,
  locale: identity.locale ?? null,
});

/**
 * Who stands behind the identities this instance met lately, shared by the stores that find or
 * create people (the people themselves, and the first pledge's statement). Who stands behind an
 * identity never changes; a name or language given that differs from the one kept is a miss.
 */
export class KnownPeople {
  private readonly cache = new TtlCache<Person>(10 * 60_000, 50_000);

  get(identity: Identity): Person | undefined {
    const cached = this.cache.get(identityKey(identity));
    if (!cached) return undefined;
    const { name, locale } = givenNameAndLocale(identity);
    return (name === null || name === cached.displayName) && (locale === null || locale === cached.locale) ? cached : undefined;
  }

  set(identity: Identity, person: Person): void {
    this.cache.set(identityKey(identity), person);
  }
}

export function peopleStore(db: Kysely<Database>, known = new KnownPeople()): PeopleStore {
  return {
    async resolve(identity: Identity): Promise<Person> {
      const cached = known.get(identity);
      if (cached) return cached;
      const { name, locale } = givenNameAndLocale(identity);
      const person = await resolveInDb(db, identity, name, locale);
      known.set(identity, person);
      return person;
    },

    known: (identity) => known.get(identity),

    async identities(personId: string): Promise<Identity[]> {
      const rows = await db.selectFrom('identities').selectAll().where('person_id', '=', personId).execute();
      return rows.map((r) => ({
        platform: parsePlatform(r.platform),
        tenantId: r.tenant_id,
        userId: r.user_id,
        displayName: r.display_name ?? undefined,
        locale: parseLocale.nullable(r.locale) ?? undefined,
      }));
    },
  };
}

interface ResolvedRow {
  how: 'found' | 'created' | 'orphan';
  person_id: string;
  display_name: string | null;
  locale: string | null;
}

/**
 * The CTEs that find the person behind an identity (`found`), or create them (`np`) with their identity
 * (`ni`, empty when another statement created the same identity at that moment). Parameters: $1
 * platform, $2 tenant, $3 user id, $4 name, $5 language. Used alone here and by a first pledge's
 * own statement (pledge-statements.ts).
 */
export const FIND_OR_CREATE_PERSON = `
    with found as (
      select person_id, display_name, locale from identities
      where platform = $1::text and tenant_id = $2::text and user_id = $3::text
    ), np as (
      insert into people (display_name, locale) select $4::text, $5::text where not exists (select 1 from found)
      returning id
    ), ni as (
      insert into identities (platform, tenant_id, user_id, person_id, display_name, locale, updated_at)
      select $1::text, $2::text, $3::text, np.id, $4::text, $5::text, now() from np
      on conflict (platform, tenant_id, user_id) do nothing
      returning person_id, display_name, locale
    )`;

const RESOLVE_PERSON = prepared(`${FIND_OR_CREATE_PERSON}
    select 'found' as how, person_id, display_name, locale from found
    union all select 'created', person_id, display_name, locale from ni
    union all select 'orphan', np.id, null, null from np where not exists (select 1 from ni)`);

/**
 * Finds or creates the person behind an identity in one statement (one round trip on a first
 * command). Only when another command created the same identity at the same moment does it take a
 * second look, to use theirs and drop the person row it made for nothing.
 */
async function resolveInDb(db: Kysely<Database>, identity: Identity, name: string | null, locale: Locale | null): Promise<Person> {
  const { platform, tenantId, userId } = identity;
  const { rows } = await db.executeQuery<ResolvedRow>(CompiledQuery.raw(RESOLVE_PERSON, [platform, tenantId, userId, name, locale]));
  const found = rows.find((r) => r.how === 'found');
  if (found) {
    // Write only when something changed: most commands come from people we already know.
    const changed = (name !== null && name !== found.display_name) || (locale !== null && locale !== found.locale);
    if (changed) {
      await db
        .updateTable('identities')
        .set({ display_name: name ?? found.display_name, locale: locale ?? found.locale, updated_at: new Date() })
        .where('platform', '=', platform)
        .where('tenant_id', '=', tenantId)
        .where('user_id', '=', userId)
        .execute();
    }
    return { id: found.person_id, displayName: name ?? found.display_name, locale: locale ?? parseLocale.nullable(found.locale) };
  }
  const created = rows.find((r) => r.how === 'created');
  if (created) return { id: created.person_id, displayName: name, locale };
  // Someone else created this identity at the same moment: use theirs (our new person row goes).
  const existing = await db
    .selectFrom('identities')
    .select(['person_id', 'display_name', 'locale'])
    .where('platform', '=', platform)
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  const orphan = rows.find((r) => r.how === 'orphan');
  if (orphan) await db.deleteFrom('people').where('id', '=', orphan.person_id).execute();
  return { id: existing.person_id, displayName: existing.display_name, locale: parseLocale.nullable(existing.locale) };
}
