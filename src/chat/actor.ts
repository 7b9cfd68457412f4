import { isAdmin } from '../admins/admins.service.js';
import type { CoreDeps } from '../deps.js';
import type { Identity } from '../ports.js';
import { t } from '../shared/i18n/index.js';
import type { Actor } from './reply.js';

export type { Actor } from './reply.js';

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
