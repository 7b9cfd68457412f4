import type { WebClient } from '@slack/web-api';
import type { ChatDeps } from '../../src/chat/deps.js';
import type { Logger } from '../logger.js';
import type { SlackPeople } from './people.js';

/** What every Slack listener needs. */
export interface SlackContext {
  deps: ChatDeps;
  people: SlackPeople;
  client: WebClient;
  logger: Logger;
}
