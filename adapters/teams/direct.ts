import type { Destination } from '../../src/messaging/ports.js';
import type { TeamsConversationStore } from './ports.js';

/**
 * Where to send a person a direct message on Teams: their personal (1:1) chat with the bot, the
 * most recently used active one. Null when they never opened one (or blocked the bot): Teams does
 * not let a bot start a chat with someone who has not installed it.
 */
export async function teamsDirectDestination(conversations: Pick<TeamsConversationStore, 'personalForPerson'>, personId: string): Promise<Destination | null> {
  const chat = await conversations.personalForPerson(personId);
  return chat ? { platform: 'teams', conversationId: chat.conversationId } : null;
}
