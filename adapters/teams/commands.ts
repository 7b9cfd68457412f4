/**
 * A Teams message is a command: the first word (after the bot's @mention, a leading `/` allowed)
 * names it from the same command table Slack uses; the rest is its text.
 */
import type { Activity, TurnContext } from 'botbuilder';
import { z } from 'zod';
import { actorFor, type Actor } from '../../src/chat/actor.js';
import { findCommand } from '../../src/chat/commands.js';
import { helpReply } from '../../src/chat/help.js';
import type { CommandContext } from '../../src/chat/pledge-command.js';
import { message, type Reply } from '../../src/chat/reply.js';
import { t } from '../../src/shared/i18n/index.js';
import { commandText, teamsIdentity, type TeamsTurn } from './activity.js';
import type { TeamsContext } from './context.js';
import { cardActivity, freshCard, pledgeCard, renderMessage } from './render.js';
import { EMPTY_SIGNUP, freshState, tripCard, volunteerCard } from './volunteer-cards.js';
import { freshGiveState, giveCard } from './needs/give-card.js';
import { needCard } from './needs/need-card.js';
import { freshAnnounceCard } from './announce-card.js';

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
  const actor = await actorFor(tc.deps, identity);
  const [word = '', ...rest] = commandText(turn).split(' ');
  const found = findCommand(word);
  const context: CommandContext = { idempotencyKey: messageKey(turn), prefix: '', where: whereOf(turn) };
  const reply: Reply = found ? await found.handler(tc.deps, actor, rest.join(' '), context) : await helpReply(actor, '');
  await ctx.sendActivity(shown(actor, reply, turn));
}

/** A file reply (HR exports) carries a message with a link for platforms that cannot hand over files. */
const fileWithLink = z.object({
  kind: z.literal('file'),
  link: z.object({ kind: z.literal('message'), tone: z.enum(['ok', 'info', 'error']), headline: z.string().optional(), lines: z.array(z.string()) }),
});

/** How a command's reply shows in Teams. A kind with no Teams layout yet says so instead of failing. */
function shown(actor: Actor, reply: Reply, turn: TeamsTurn): Partial<Activity> {
  if (reply.kind === 'message') return renderMessage(reply);
  if (reply.kind === 'form' && reply.form === 'pledge') return cardActivity(pledgeCard(actor.c, reply, freshCard()));
  if (reply.kind === 'form' && reply.form === 'volunteer') {
    // A card in a channel is seen by everyone once answered: phones and emergency contacts stay in 1:1 chats.
    if (turn.conversationType !== 'personal') return renderMessage(message('info', [actor.c.volunteers.form.privateOnly]));
    return cardActivity(volunteerCard(actor.c, reply, freshState(EMPTY_SIGNUP)));
  }
  if (reply.kind === 'form' && reply.form === 'trip') return cardActivity(tripCard(actor.c, reply, freshState(reply.values)));
  if (reply.kind === 'form' && reply.form === 'give') return cardActivity(giveCard(actor.c, reply, freshGiveState()));
  if (reply.kind === 'form' && reply.form === 'need') return cardActivity(needCard(actor.c, reply));
  if (reply.kind === 'form' && reply.form === 'announce') return cardActivity(freshAnnounceCard(actor.c, reply.intro));
  const file = fileWithLink.safeParse(reply);
  if (file.success) return renderMessage(file.data.link);
  return renderMessage(message('info', [actor.c.teams.notAvailable]));
}
