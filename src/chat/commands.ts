import type { ChatDeps } from './deps.js';
import type { Actor } from './actor.js';
import { caravanCommand } from './caravan-command.js';
import { giveCommand } from './needs/give-command.js';
import { pledgeCommand, type CommandContext } from './pledge-command.js';
import type { Reply } from './reply.js';
import { volunteerCommand } from './volunteer-command.js';

export type CommandHandler = (deps: ChatDeps, actor: Actor, text: string, ctx: CommandContext) => Promise<Reply>;

/**
 * The chat commands, by their canonical (English) name. Slack registers each as `/name`; Teams and
 * Slack direct messages accept the name or any of its aliases as the first word.
 */
export const chatCommands: Record<string, { handler: CommandHandler; aliases: string[] }> = {
  pledge: { handler: pledgeCommand, aliases: ['promesse', 'promettre', 'don'] },
  caravan: { handler: caravanCommand, aliases: ['caravane'] },
  volunteer: { handler: volunteerCommand, aliases: ['benevole', 'bénévole'] },
  give: { handler: giveCommand, aliases: ['donner', 'donne'] },
};

/** Finds the command a first word names (`pledge`, `/promesse`, `Caravane`), if any. */
export function findCommand(word: string): { name: string; handler: CommandHandler } | undefined {
  const w = word.toLowerCase().replace(/^\//, '');
  for (const [name, entry] of Object.entries(chatCommands)) {
    if (name === w || entry.aliases.includes(w)) return { name, handler: entry.handler };
  }
  return undefined;
}
