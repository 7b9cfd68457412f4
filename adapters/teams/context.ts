import type { TeamsConversationStore } from './ports.js';
import type { ChatDeps } from '../../src/chat/deps.js';
import type { Logger } from '../logger.js';

/** What every part of the Teams adapter needs. */
export interface TeamsContext {
  deps: ChatDeps;
  conversations: TeamsConversationStore;
  logger: Logger;
  /** True when MICROSOFT_APP_ID is set: JWTs are checked and serviceUrls must be trusted. */
  authenticated: boolean;
  /** Whether the bot may send its token to this serviceUrl (always true when unauthenticated). */
  mayUse(serviceUrl: string): boolean;
}
