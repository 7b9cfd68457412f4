/**
 * Slack as the composition root sees it. Bolt and the Web API client are loaded only when Slack is
 * configured: a Teams-only or API-only deployment never holds them (with Socket Mode's undici and
 * the OAuth helpers, a few hundred modules) in memory.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FetchFunction } from '@slack/web-api';
import type { PlatformSender } from '../../src/messaging/ports.js';
import type { SlackAdapter, SlackOptions } from './app.js';
import type { SlackSenderOptions } from './sender.js';

export interface SlackWiring {
  adapter: SlackAdapter;
  /** The outbox's sender for Slack. */
  sender: PlatformSender;
  /** `POST /slack/events` over HTTP; undefined in Socket Mode. */
  endpoint: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
}

export type SlackStartOptions = Omit<SlackOptions, 'client' | 'config' | 'fetch'> & {
  config: SlackOptions['config'] | undefined;
  /** Every Web API call goes through it (aborted when the process stops). */
  fetch: FetchFunction;
  /** What the outbox's sender draws with: stored files, charts, photo messages. */
  sending: Pick<SlackSenderOptions, 'files' | 'charts' | 'photos'>;
};

/** Slack off (no token or signing secret): undefined, and nothing of Slack's SDK is loaded. */
export async function startSlack(o: SlackStartOptions): Promise<SlackWiring | undefined> {
  const { config, sending, ...rest } = o;
  if (!config) return undefined;
  const [{ createSlackAdapter, slackClient, slackEndpoint }, { createSlackSender }] = await Promise.all([import('./app.js'), import('./sender.js')]);
  const options = { ...rest, config };
  const adapter = createSlackAdapter({ ...options, client: slackClient(options) });
  const sender = createSlackSender({ token: config.botToken, apiUrl: config.apiUrl, ...sending, logger: o.logger, fetch: o.fetch });
  const endpoint = adapter.receiver ? slackEndpoint(config.signingSecret, adapter.receiver) : undefined;
  return { adapter, sender, endpoint };
}
