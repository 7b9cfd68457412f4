/**
 * In-memory people, HR entries and the home organisation, keeping the contracts of src/ports.ts:
 * one person per identity (a second resolve finds the same one), names and languages refreshed
 * when given, HR added once.
 */
import type { AdminStore, HomeOrganisation, Identity, PeopleStore, Person, Platform } from '../../../src/ports.js';

export interface FakePeople extends PeopleStore {
  /** Every person resolved so far, by id. */
  readonly all: ReadonlyMap<string, Person>;
}

const identityKey = (i: Pick<Identity, 'platform' | 'tenantId' | 'userId'>) => `${i.platform}\n${i.tenantId}\n${i.userId}`;

export function fakePeople(): FakePeople {
  const people = new Map<string, Person>();
  const byIdentity = new Map<string, { personId: string; identity: Identity }>();
  let next = 1;
  return {
    all: people,
    async resolve(identity) {
      const key = identityKey(identity);
      const known = byIdentity.get(key);
      const name = identity.displayName?.slice(0, 200) ?? null;
      const locale = identity.locale ?? null;
      if (!known) {
        const person: Person = { id: `person-${next++}`, displayName: name, locale };
        people.set(person.id, person);
        byIdentity.set(key, { personId: person.id, identity: { ...identity } });
        return { ...person };
      }
      const person = people.get(known.personId);
      if (!person) throw new Error(`identity ${key} points at no person`);
      const refreshed: Person = { ...person, displayName: name ?? person.displayName, locale: locale ?? person.locale };
      people.set(person.id, refreshed);
      known.identity = { ...known.identity, ...(name !== null ? { displayName: name } : {}), ...(locale !== null ? { locale } : {}) };
      return { ...refreshed };
    },
    known(identity) {
      const found = byIdentity.get(identityKey(identity));
      const person = found ? people.get(found.personId) : undefined;
      if (!person) return undefined;
      const name = identity.displayName?.slice(0, 200) ?? null;
      const locale = identity.locale ?? null;
      return (name === null || name === person.displayName) && (locale === null || locale === person.locale) ? { ...person } : undefined;
    },
    async identities(personId) {
      return [...byIdentity.values()].filter((e) => e.personId === personId).map((e) => ({ ...e.identity }));
    },
  };
}

export function fakeAdmins(): AdminStore {
  const entries = new Map<string, { platform: Platform; userId: string; addedBy: string }>();
  return {
    async isAdmin(platform, userId) {
      return entries.has(`${platform}:${userId}`);
    },
    async add(platform, userId, addedBy) {
      const key = `${platform}:${userId}`;
      if (entries.has(key)) return { added: false };
      entries.set(key, { platform, userId, addedBy });
      return { added: true };
    },
    async list() {
      return [...entries.values()].map(({ platform, userId }) => ({ platform, userId }));
    },
  };
}

/** The organisation whose people may be HR: these Slack workspaces and Teams tenants. */
export function fakeHome(tenants: readonly string[]): HomeOrganisation {
  const home = new Set(tenants);
  return { includes: (identity) => home.has(identity.tenantId) || (identity.orgId !== undefined && home.has(identity.orgId)) };
}
