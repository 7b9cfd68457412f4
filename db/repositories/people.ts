import type { Kysely } from 'kysely';
import type { Identity, PeopleStore, Person } from '../../src/ports.js';
import type { Locale } from '../../src/shared/money.js';
import { TtlCache } from '../../src/shared/ttl-cache.js';
import type { Database } from '../schema.js';

const asLocale = (v: string | null): Locale | null => (v === 'fr' || v === 'en' ? v : null);

export function peopleStore(db: Kysely<Database>): PeopleStore {
  // Who stands behind an identity never changes; names and languages are refreshed when they differ.
  const known = new TtlCache<Person>(10 * 60_000, 50_000);
  return {
    async resolve(identity: Identity): Promise<Person> {
      const name = identity.displayName?.slice(0, 200) ?? null;
      const locale = identity.locale ?? null;
      const key = `${identity.platform}\n${identity.tenantId}\n${identity.userId}`;
      const cached = known.get(key);
      if (cached && (name === null || name === cached.displayName) && (locale === null || locale === cached.locale)) return cached;
      const person = await resolveInDb(db, identity, name, locale);
      known.set(key, person);
      return person;
    },

    async identities(personId: string): Promise<Identity[]> {
      const rows = await db.selectFrom('identities').selectAll().where('person_id', '=', personId).execute();
      return rows.map((r) => ({
        platform: r.platform === 'teams' ? 'teams' : 'slack',
        tenantId: r.tenant_id,
        userId: r.user_id,
        displayName: r.display_name ?? undefined,
        locale: asLocale(r.locale) ?? undefined,
      }));
    },
  };
}

async function resolveInDb(db: Kysely<Database>, identity: Identity, name: string | null, locale: Locale | null): Promise<Person> {
  const found = await db
    .selectFrom('identities')
    .select(['person_id', 'display_name', 'locale'])
    .where('platform', '=', identity.platform)
    .where('tenant_id', '=', identity.tenantId)
    .where('user_id', '=', identity.userId)
    .executeTakeFirst();
  if (found) {
    // Write only when something changed: most commands come from people we already know.
    const changed = (name !== null && name !== found.display_name) || (locale !== null && locale !== found.locale);
    if (changed) {
      await db
        .updateTable('identities')
        .set({ display_name: name ?? found.display_name, locale: locale ?? found.locale, updated_at: new Date() })
        .where('platform', '=', identity.platform)
        .where('tenant_id', '=', identity.tenantId)
        .where('user_id', '=', identity.userId)
        .execute();
    }
    return { id: found.person_id, displayName: name ?? found.display_name, locale: asLocale(locale ?? found.locale) };
  }
  return db.transaction().execute(async (trx) => {
    const person = await trx
      .insertInto('people')
      .values({ display_name: name, locale })
      .returning('id')
      .executeTakeFirstOrThrow();
    const inserted = await trx
      .insertInto('identities')
      .values({
        platform: identity.platform,
        tenant_id: identity.tenantId,
        user_id: identity.userId,
        person_id: person.id,
        display_name: name,
        locale,
        updated_at: new Date(),
      })
      .onConflict((oc) => oc.columns(['platform', 'tenant_id', 'user_id']).doNothing())
      .returning('person_id')
      .executeTakeFirst();
    if (inserted) return { id: person.id, displayName: name, locale };
    // Someone else created this identity at the same moment: use theirs (our new person row goes unused).
    const existing = await trx
      .selectFrom('identities')
      .select(['person_id', 'display_name', 'locale'])
      .where('platform', '=', identity.platform)
      .where('tenant_id', '=', identity.tenantId)
      .where('user_id', '=', identity.userId)
      .executeTakeFirstOrThrow();
    await trx.deleteFrom('people').where('id', '=', person.id).execute();
    return { id: existing.person_id, displayName: existing.display_name, locale: asLocale(existing.locale) };
  });
}
