import { isAdmin } from '../admins/admins.service.js';
import type { CoreDeps } from '../deps.js';
import type { Identity, Person } from '../ports.js';
import { t, type Catalogue } from '../shared/i18n/index.js';
import type { Locale } from '../shared/money.js';

/** Who sent a command, as the core sees them: a person, the identity they used, their language. */
export interface Actor {
  person: Person;
  identity: Identity;
  locale: Locale;
  c: Catalogue;
  /** Asked once per command, only when a command needs it. */
  isAdmin(): Promise<boolean>;
}

export async function actorFor(deps: CoreDeps, identity: Identity): Promise<Actor> {
  const person = await deps.people.resolve(identity);
  const locale = identity.locale ?? person.locale ?? deps.defaultLocale;
  let admin: Promise<boolean> | undefined;
  return {
    person,
    identity,
    locale,
    c: t(locale),
    isAdmin: () => (admin ??= isAdmin(deps, identity)),
  };
}
