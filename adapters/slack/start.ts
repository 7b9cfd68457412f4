/**
 * Slack as the composition root sees it. Bolt and the Web API client are loaded only when Slack is
 * configured: a Teams-only or API-only deployment never holds them in memory.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CoreDeps } from '../../src/deps.js';
import type { ChartImages } from '../../src/messaging/charts.js';
import type { StoredFiles } from '../../src/messaging/files.js';
import type { PlatformSender } from '../../src/messaging/ports.js';
import type { Config } from '../config.js';
import type { Home } from '../home.js';
import type { Logger } from '../logger.js';
import type { PlatformPhotoNotifier } from '../photos/wiring.js';
import type { SlackAdapter } from './app.js';
import type { SlackEventLog, SlackHolds } from './ports.js';
import type { FetchFunction } from '@slack/web-api';

export interface SlackWiring {
  adapter: SlackAdapter;
  /** POST /slack/events over HTTP; undefined in Socket Mode. */
  endpoint: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  /** The outbox's sender for Slack. */
  sender: PlatformSender;
  photos: PlatformPhotoNotifier;
}

export interface SlackStartOptions {
  config: NonNullable<Config['slack']>;
  deps: CoreDeps;
  /** db/repositories/slack-holds.ts `slackHolds` and db/repositories/slack-events.ts `slackEventLog`. */
  holds: SlackHolds;
  events: SlackEventLog;
  logger: Logger;
  home: Home;
  retries?: number | undefined;
  fetch: FetchFunction;
  files: StoredFiles;
  charts: ChartImages;
}

export async function startSlack(o: SlackStartOptions): Promise<SlackWiring> {
  const [{ createSlackAdapter, slackEndpoint }, { createSlackSender }, { SlackPhotoNotifier }] = await Promise.all([
    import('./app.js'),
    import('./sender.js'),
    import('./photos/notifier.js'),
  ]);
  const adapter = createSlackAdapter({
    fetch: o.fetch,
    config: o.config,
    deps: o.deps,
    holds: o.holds,
    events: o.events,
    logger: o.logger,
    home: o.home,
    ...(o.retries !== undefined ? { retries: o.retries } : {}),
  });
  return {
    adapter,
    endpoint: adapter.receiver ? slackEndpoint(o.config.signingSecret, adapter.receiver) : undefined,
    sender: createSlackSender({ token: o.config.botToken, apiUrl: o.config.apiUrl, files: o.files, charts: o.charts, fetch: o.fetch }),
    photos: new SlackPhotoNotifier(adapter.context.client, o.deps, o.logger),
  };
}
