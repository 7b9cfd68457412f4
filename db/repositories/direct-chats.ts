/**
 * The one way to find a person's direct conversation with the bot (DirectChats): Slack opens a
 * direct message from the user id itself; Teams needs the 1:1 chat the person has with the bot.
 */
import type { Kysely } from 'kysely';
import type { Destination, DirectChats, PlatformUser } from '../../src/messaging/ports.js';
import type { Database } from '../schema.js';
import { teamsConversationStore } from './teams-conversations.js';

export async function directDestination(db: Kysely<Database>, user: PlatformUser): Promise<Destination | null> {
  if (user.platform === 'slack') return { platform: 'slack', channelId: user.userId };
  const chat = await teamsConversationStore(db).personal(user.userId, user.tenantId);
  if (!chat) return null;
  const tenantId = user.tenantId ?? chat.tenantId ?? undefined;
  return tenantId === undefined
    ? { platform: 'teams', conversationId: chat.conversationId }
    : { platform: 'teams', conversationId: chat.conversationId, tenantId };
}

export function directChats(db: Kysely<Database>): DirectChats {
  return { of: (user) => directDestination(db, user) };
}
