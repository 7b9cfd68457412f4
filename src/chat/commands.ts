import type { ChatDeps } from './deps.js';
import type { Actor, Caller } from './actor.js';
import { caravanCommand } from './caravan-command.js';
import { giveCommand } from './needs/give-command.js';
import { pledgeCommand } from './pledge-command.js';
import type { CommandContext } from './verbs.js';
import type { Reply } from './reply.js';
import { volunteerCommand } from './volunteer-command.js';

/** A command, given who typed it: most start by finding the person (`caller.actor()`). */
export type CommandHandler = (deps: ChatDeps, caller: Caller, text: string, ctx: CommandContext) => Promise<Reply>;

/** A command that needs the person before anything else. */
const withActor =
  (handler: (deps: ChatDeps, actor: Actor, text: string, ctx: CommandContext) => Promise<Reply>): CommandHandler =>
  async (deps, caller, text, ctx) =>
    handler(deps, await caller.actor(), text, ctx);

/**
 * The chat commands, by their canonical (English) name. Slack registers each as `/name`; Teams and
 * Slack direct messages accept the name or any of its aliases as the first word.
 */
export const chatCommands: Record<string, { handler: CommandHandler; aliases: string[] }> = {
  pledge: { handler: pledgeCommand, aliases: ['promesse', 'promettre', 'don'] },
  caravan: { handler: withActor(caravanCommand), aliases: ['caravane'] },
  volunteer: { handler: withActor(volunteerCommand), aliases: ['benevole', 'bénévole'] },
  give: { handler: withActor(giveCommand), aliases: ['donner', 'donne'] },
};

/** Finds the command a first word names (`pledge`, `/promesse`, `Caravane`), if any. */
export function findCommand(word: string): { name: string; handler: CommandHandler } | undefined {
  const w = word.toLowerCase().replace(/^\//, '');
  for (const [name, entry] of Object.entries(chatCommands)) {
    if (name === w || entry.aliases.includes(w)) return { name, handler: entry.handler };
  }
  return undefined;
}
