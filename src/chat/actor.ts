import type { AdminDeps } from '../admins/ports.js';
import { isAdmin } from '../admins/admins.service.js';
import type { Identity, LocaleDeps, PeopleStore } from '../ports.js';
import { t } from '../shared/i18n/index.js';
import type { Actor } from './reply.js';

export type { Actor } from './reply.js';

/** Only this module holds the key: an `HrActor` exists only where `requireHr` made one. */
const checked: unique symbol = Symbol('hr');

/** An actor whose HR standing was checked: HR-only use cases take one, so none can run unchecked. */
export interface HrActor extends Actor {
  readonly [checked]: true;
}

/** The actor as HR, or null when they are not HR of this organisation. */
export async function requireHr(actor: Actor): Promise<HrActor | null> {
  return (await actor.isAdmin()) ? { ...actor, [checked]: true } : null;
}

/** Whoever runs `caravane` on the server: they hold the database itself, so they act as HR with no chat identity. */
export interface ConsoleOperator {
  readonly console: true;
}

/** Who may run an HR-only use case: a person checked by `requireHr`, or the server's console. */
export type HrOperator = HrActor | ConsoleOperator;

/** Who did it, as stored beside what they made or changed: `cli` for the console, else `platform:userId`. */
export function operatorLabel(by: HrOperator): string {
  return 'console' in by ? 'cli' : `${by.identity.platform}:${by.identity.userId}`;
}

/** What finding the actor behind an identity needs. */
export interface ActorDeps extends AdminDeps, LocaleDeps {
  people: PeopleStore;
}

export async function actorFor(deps: ActorDeps, identity: Identity): Promise<Actor> {
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
