/**
 * Conversation references, kept from every incoming activity so later features can speak first:
 * digests and announcements in channels, direct messages in personal chats.
 */
import { z } from 'zod';
import type { TeamsConversationRef } from './ports.js';
import type { TeamsTurn } from './activity.js';
import type { TeamsContext } from './context.js';

const membersRemoved = z
  .array(z.looseObject({ id: z.string().optional().catch(undefined) }))
  .optional()
  .catch(undefined);
const lifecycle = z.looseObject({
  membersRemoved,
  action: z.string().optional().catch(undefined),
});

/** False when this activity says the bot left: removed from the team/chat, or the app uninstalled. */
function stillThere(activity: unknown, turn: TeamsTurn): boolean {
  const parsed = lifecycle.safeParse(activity);
  if (!parsed.success) return true;
  if (turn.type === 'installationUpdate') return !(parsed.data.action ?? '').toLowerCase().startsWith('remove');
  if (turn.type === 'conversationUpdate') return !(parsed.data.membersRemoved ?? []).some((m) => m.id !== undefined && m.id === turn.botId);
  return true;
}

/**
 * The conversation's own name: `channelData.channel.name` when that channel is this conversation
 * (a channel created or renamed elsewhere in the team names another one), else `conversation.name`.
 * A personal chat has no name of its own worth keeping.
 */
function ownName(turn: TeamsTurn): string | null {
  if (turn.conversationType === 'personal') return null;
  if (turn.channelName && turn.teamsChannelId === turn.rootConversationId) return turn.channelName;
  return turn.conversationName ?? null;
}

export function referenceOf(activity: unknown, turn: TeamsTurn): TeamsConversationRef | null {
  if (!turn.botId) return null;
  const personal = turn.conversationType === 'personal';
  return {
    conversationId: turn.rootConversationId,
    type: turn.conversationType,
    tenantId: turn.tenantId ?? null,
    serviceUrl: turn.serviceUrl,
    bfChannelId: turn.bfChannelId,
    botId: turn.botId,
    botName: turn.botName ?? null,
    teamsChannelId: turn.conversationType === 'channel' ? (turn.teamsChannelId ?? turn.rootConversationId) : null,
    teamId: turn.teamId ?? null,
    userAadObjectId: personal ? (turn.aadObjectId ?? null) : null,
    userId: personal ? (turn.userId ?? null) : null,
    conversationName: ownName(turn),
    teamName: turn.teamName ?? null,
    active: stillThere(activity, turn),
  };
}

/** Upserts the reference; never one whose serviceUrl the bot may not use (the HTTP layer refuses those first). */
export async function rememberConversation(tc: TeamsContext, activity: unknown, turn: TeamsTurn): Promise<void> {
  if (!tc.mayUse(turn.serviceUrl)) return;
  const ref = referenceOf(activity, turn);
  if (ref) await tc.conversations.upsert(ref);
  // Rare (bot added, channel created or renamed, team renamed): names for the team's other rows too.
  const other = turn.channelName && turn.teamsChannelId && turn.teamsChannelId !== turn.rootConversationId;
  if (other || (turn.teamName && turn.teamId)) {
    await tc.conversations.rememberNames({
      channel: other && turn.teamsChannelId && turn.channelName ? { id: turn.teamsChannelId, name: turn.channelName } : undefined,
      team: turn.teamName && turn.teamId ? { id: turn.teamId, name: turn.teamName } : undefined,
    });
  }
}
