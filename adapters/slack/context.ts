import type { WebClient } from '@slack/web-api';
import type { CoreDeps } from '../../src/deps.js';
import type { Logger } from '../logger.js';
import type { SlackPeople } from './people.js';

/** What every Slack listener needs. */
export interface SlackContext {
  deps: CoreDeps;
  people: SlackPeople;
  client: WebClient;
  logger: Logger;
}
