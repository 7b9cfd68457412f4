/**
 * A Teams message is a command: the first word (after the bot's @mention, a leading `/` allowed)
 * names it from the same command table Slack uses; the rest is its text.
 */
import type { TurnContext } from 'botbuilder';
import { callerFor } from '../../src/chat/actor.js';
import { findCommand } from '../../src/chat/commands.js';
import { helpReply } from '../../src/chat/caravan-command.js';
import type { CommandContext } from '../../src/chat/verbs.js';
import { message, type Reply } from '../../src/chat/reply.js';
import { t } from '../../src/shared/i18n/index.js';
import { commandText, teamsIdentity, type TeamsTurn } from './activity.js';
import type { TeamsContext } from './context.js';
import { renderMessage } from './render.js';
import { renderReply } from './reply.js';

const KIND = { personal: 'direct', groupChat: 'group', channel: 'channel' } as const;

/** Where the command was typed, for features that act on "this channel" or "this chat". */
export function whereOf(turn: TeamsTurn): CommandContext['where'] {
  return { destination: { platform: 'teams', conversationId: turn.rootConversationId }, kind: KIND[turn.conversationType] };
}

/** Same activity, same effect: Teams redelivers an activity with the same id when it saw no answer. */
export function messageKey(turn: TeamsTurn): string | null {
  return turn.activityId ? `teams:${turn.conversationId}:${turn.activityId}` : null;
}

/** Answers one message in the conversation it came from. Unknown words get the help. */
export async function answerMessage(tc: TeamsContext, ctx: TurnContext, turn: TeamsTurn): Promise<void> {
  const identity = teamsIdentity(turn, !tc.authenticated);
  if (!identity) {
    // Without a tenant and an AAD object id nobody can be credited: say so and record nothing.
    const c = t(turn.locale ?? tc.deps.defaultLocale);
    await ctx.sendActivity(renderMessage(message('info', [c.teams.unidentified])));
    return;
  }
  const caller = callerFor(tc.deps, identity);
  const [word = '', ...rest] = commandText(turn).split(' ');
  const found = findCommand(word);
  const context: CommandContext = { idempotencyKey: messageKey(turn), prefix: '', where: whereOf(turn) };
  const reply: Reply = found ? await found.handler(tc.deps, caller, rest.join(' '), context) : await helpReply(await caller.actor(), '');
  await ctx.sendActivity(renderReply(await caller.actor(), reply, turn));
}
