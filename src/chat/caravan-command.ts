/**
 * `/caravan …`: every feature's verbs, in the order their help is shown. A feature declares its verbs
 * in its own folder (`src/chat/<feature>/verbs.ts`) and joins `/caravan` with one line here.
 */
import type { Actor } from './actor.js';
import { broadcastVerbs } from './broadcasts/verbs.js';
import { campaignVerbs } from './campaigns/verbs.js';
import { dashboardVerbs } from './dashboard/verbs.js';
import type { ChatDeps } from './deps.js';
import { helpFor } from './help.js';
import { needsVerbs } from './needs/verbs.js';
import { photoVerbs } from './photos/verbs.js';
import { pledgeVerbs } from './pledges/verbs.js';
import { message, type Reply } from './reply.js';
import type { FormDefinition } from './forms.js';
import { findForm, findVerb, runVerb, type CaravanFeature, type CommandContext } from './verbs.js';
import { volunteerVerbs } from './volunteers/verbs.js';

export const CARAVAN_FEATURES: readonly CaravanFeature[] = [pledgeVerbs, campaignVerbs, volunteerVerbs, needsVerbs, broadcastVerbs, photoVerbs, dashboardVerbs];

/** What the caller may do: everyone's commands, and HR's when the caller is HR. */
export function helpReply(actor: Actor, prefix: string): Promise<Reply> {
  return helpFor(CARAVAN_FEATURES, actor, prefix);
}

/** `/caravan …`: progress for everyone (`/caravan` alone), help, and each feature's verbs. */
export async function caravanCommand(deps: ChatDeps, actor: Actor, text: string, ctx: CommandContext): Promise<Reply> {
  const words = text
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
  const first = (words[0] ?? '').toLowerCase();
  if (first === 'help' || first === 'aide') return helpReply(actor, ctx.prefix);
  const verb = findVerb(CARAVAN_FEATURES, first === '' ? 'status' : first);
  if (!verb) return message('error', [actor.c.common.badCommand(text.trim().slice(0, 60), ctx.prefix)]);
  // Announcements keep their text as typed (line breaks included): everything after the verb.
  const rest = text
    .trim()
    .slice((words[0] ?? '').length)
    .trim();
  return runVerb(deps, verb, actor, { words, rest, ctx });
}

/** The form a feature registered under `id` (a platform's submission names it), if any. */
export function caravanForm(id: string): FormDefinition | undefined {
  return findForm(CARAVAN_FEATURES, id);
}
