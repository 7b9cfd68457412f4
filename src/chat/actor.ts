import type { AdminDeps } from '../admins/ports.js';
import { isAdmin } from '../admins/admins.service.js';
import type { Identity, LocaleDeps, PeopleStore, Person } from '../ports.js';
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

/** The label of changes made from the console. */
export const CONSOLE_LABEL = 'cli';

/** Who did it, as stored beside what they made or changed: `cli` for the console, else `platform:userId`. */
export function operatorLabel(by: HrOperator): string {
  return 'console' in by ? CONSOLE_LABEL : `${by.identity.platform}:${by.identity.userId}`;
}

/** What finding the actor behind an identity needs. */
export interface ActorDeps extends AdminDeps, LocaleDeps {
  people: PeopleStore;
}

export async function actorFor(deps: ActorDeps, identity: Identity): Promise<Actor> {
  return actorWith(deps, identity, await deps.people.resolve(identity));
}

/** The actor for a person already found. */
function actorWith(deps: Omit<ActorDeps, 'people'>, identity: Identity, person: Person): Actor {
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

/**
 * Who typed a command, before the database was asked who they are. Most commands start with
 * `actor()`; a use case that writes on the person's behalf in one statement may find or create the
 * person in that same statement instead (a first pledge), and hand them over with `met`.
 */
export interface Caller {
  readonly identity: Identity;
  /** The actor, the person found or created now unless that was done already (then no round trip). */
  actor(): Promise<Actor>;
  /** The actor when the person is at hand without a round trip (met, found already, or known to this instance). */
  known(): Actor | undefined;
  /** The actor for the person a use case's own statement found or created. */
  met(person: Person): Actor;
}

export function callerFor(deps: ActorDeps, identity: Identity): Caller {
  let found: Actor | undefined;
  let finding: Promise<Actor> | undefined;
  const known = (): Actor | undefined => {
    if (found) return found;
    const person = deps.people.known(identity);
    if (person) found = actorWith(deps, identity, person);
    return found;
  };
  return {
    identity,
    known,
    actor: () => {
      const now = known();
      if (now) return Promise.resolve(now);
      return (finding ??= actorFor(deps, identity).then((actor) => (found = actor)));
    },
    met: (person) => (found = actorWith(deps, identity, person)),
  };
}
