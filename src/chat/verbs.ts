/**
 * The `/caravan` verbs, as each feature declares them from its own folder (`src/chat/<feature>/verbs.ts`):
 * the words that name a verb (English first, then the French ones), who may use it, the feature's
 * help lines and the handler. `caravan-command.ts` lists the features; this module only knows their shape.
 */
import type { Destination } from '../messaging/ports.js';
import type { Catalogue } from '../shared/i18n/index.js';
import { requireHr, type Actor, type HrActor } from './actor.js';
import type { ChatDeps } from './deps.js';
import type { FormDefinition } from './forms.js';
import { message, type Reply } from './reply.js';

export interface CommandContext {
  /** Same key, same effect: a redelivered command never pledges twice. */
  idempotencyKey: string | null;
  /** `/` on Slack, nothing on Teams: how commands are written back to the person. */
  prefix: string;
  /** The conversation the command was typed in (a channel, a group chat or a direct message), when known. */
  where?: { destination: Destination; kind: 'channel' | 'group' | 'direct'; name?: string | undefined } | undefined;
}

/** What a verb receives: the words typed (the verb's own word first), the text after the verb as typed, and the context. */
export interface VerbInput {
  words: string[];
  /** Everything after the verb, line breaks kept (an announcement's text). */
  rest: string;
  ctx: CommandContext;
}

/**
 * One verb. `hr`: refused with the catalogue's `notAdmin` before the handler runs, which receives an
 * `HrActor`, so an HR use case cannot be reached unchecked. `everyone`: the handler decides (some
 * verbs answer everyone and do more for HR).
 */
export type CaravanVerb =
  | { names: readonly [string, ...string[]]; who: 'everyone'; run(deps: ChatDeps, actor: Actor, input: VerbInput): Promise<Reply> }
  | { names: readonly [string, ...string[]]; who: 'hr'; run(deps: ChatDeps, hr: HrActor, input: VerbInput): Promise<Reply> };

/** Help lines of one feature, in the reader's language; `p` is how commands are written (`/` or nothing). */
export type HelpLines = (c: Catalogue, p: string) => string[];

/** A feature's part of `/caravan`: its verbs, its help lines for everyone and for HR, and the forms its verbs open. */
export interface CaravanFeature {
  verbs: readonly CaravanVerb[];
  help?: { everyone?: HelpLines; hr?: HelpLines };
  /** Forms submitted back through the platforms' shared path (Slack `caravane_form:<id>`, Teams `{ caravane: 'form' }`). */
  forms?: readonly FormDefinition[];
}

/** The verb a word names (`Collecte` → collect), if any. */
export function findVerb(features: readonly CaravanFeature[], word: string): CaravanVerb | undefined {
  const w = word.toLowerCase();
  for (const feature of features) for (const verb of feature.verbs) if (verb.names.includes(w)) return verb;
  return undefined;
}

/** Runs a verb for an actor, refusing HR's verbs to anyone else. */
export async function runVerb(deps: ChatDeps, verb: CaravanVerb, actor: Actor, input: VerbInput): Promise<Reply> {
  if (verb.who === 'everyone') return verb.run(deps, actor, input);
  const hr = await requireHr(actor);
  return hr ? verb.run(deps, hr, input) : message('error', [actor.c.common.notAdmin]);
}

/** The form registered under `id`, if a feature has one. */
export function findForm(features: readonly CaravanFeature[], id: string): FormDefinition | undefined {
  for (const feature of features) for (const form of feature.forms ?? []) if (form.id === id) return form;
  return undefined;
}
