import type { Kysely } from 'kysely';
import { teamsConversationStore } from '../../db/repositories/teams-conversations.js';
import type { Database } from '../../db/schema.js';
import type { Destination } from '../../src/messaging/ports.js';

/**
 * Where to send a person a direct message on Teams: their personal (1:1) chat with the bot, the
 * most recently used active one. Null when they never opened one (or blocked the bot): Teams does
 * not let a bot start a chat with someone who has not installed it.
 */
export async function teamsDirectDestination(db: Kysely<Database>, personId: string): Promise<Destination | null> {
  const chat = await teamsConversationStore(db).personalForPerson(personId);
  return chat ? { platform: 'teams', conversationId: chat.conversationId } : null;
}
