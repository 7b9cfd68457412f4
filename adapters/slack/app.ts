import { App, HTTPReceiver, LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import type { ChatDeps } from '../../src/chat/deps.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SlackContext } from './context.js';
import { slackGate } from './gate.js';
import { shapedLikeSlack } from './payloads.js';
import { registerAnnounceViews } from './listeners/announce.js';
import { registerCommands } from './listeners/commands.js';
import { registerDirectMessages, registerEventDedupe } from './listeners/events.js';
import { registerSlackPhotos } from './photos/register.js';
import { registerViews } from './listeners/views.js';
import { registerFormViews } from './forms/registry.js';
import { registerVolunteerViews } from './volunteers/views.js';
import { SlackPeople } from './people.js';
import type { SlackEventLog, SlackHolds } from './ports.js';
import type { Home } from '../home.js';
import type { FetchFunction } from '@slack/web-api';
import { registerAfterAnswer, slackClientOptions, watchInstallation } from './installation.js';

export interface SlackAdapter {
  app: App;
  /** HTTP mode: mount on POST /slack/events. Undefined in Socket Mode. */
  receiver: HTTPReceiver | undefined;
  context: SlackContext;
  start(): Promise<void>;
  /** Socket Mode: stops taking envelopes. Then waits (at most `graceMs`) for listeners still at work; `context.people.stop()` after. */
  stop(graceMs?: number): Promise<void>;
}

export interface SlackOptions {
  config: NonNullable<Config['slack']>;
  deps: ChatDeps;
  /** The bot's own token-bearing client (`slackClient`), for look-ups and proactive messages. */
  client: WebClient;
  /** db/repositories/slack-holds.ts `slackHolds` and db/repositories/slack-events.ts `slackEventLog`. */
  holds: SlackHolds;
  events: SlackEventLog;
  logger: Logger;
  /** The organisation whose people may be HR; learns the workspace from `auth.test`. */
  home: Home;
  /** Tests turn the Web API client's retries off; production keeps a few short ones. */
  retries?: number;
  /** Every Web API call goes through it (aborted when the process stops). */
  fetch?: FetchFunction;
}

function boltLogger(logger: Logger): BoltLogger {
  const log = logger.child({ component: 'slack' });
  return {
    debug: (...m: unknown[]) => log.debug(m.map(String).join(' ')),
    info: (...m: unknown[]) => log.info(m.map(String).join(' ')),
    warn: (...m: unknown[]) => log.warn(m.map(String).join(' ')),
    error: (...m: unknown[]) => log.error(m.map(String).join(' ')),
    setLevel: () => undefined,
    getLevel: () => LogLevel.INFO,
    setName: () => undefined,
  };
}

/** Outside a listener (look-ups, proactive messages) the bot speaks through its own token-bearing client. */
export function slackClient(options: Pick<SlackOptions, 'config' | 'logger' | 'retries' | 'fetch'>): WebClient {
  return new WebClient(options.config.botToken, {
    ...slackClientOptions(options.config.apiUrl, options.retries, options.fetch),
    logger: boltLogger(options.logger),
  });
}

/**
 * The Bolt app: HTTP at /slack/events with signature checks, or Socket Mode when an app token is
 * set. Authorization is ours so that a failed `auth.test` at boot does not silence every listener.
 */
export function createSlackAdapter(options: SlackOptions): SlackAdapter {
  const { config, deps, logger } = options;
  const socketMode = config.appToken !== undefined;
  const receiver = socketMode
    ? undefined
    : new HTTPReceiver({
        signingSecret: config.signingSecret,
        endpoints: ['/slack/events'],
        processBeforeResponse: false,
        // The gate in front (slackEndpoint) has already checked the signature on these very bytes.
        signatureVerification: false,
      });
  const clientOptions = slackClientOptions(config.apiUrl, options.retries, options.fetch);
  const installation = watchInstallation(() => app.client, config.botToken, options.home, logger);
  const app: App = new App({
    ...(receiver ? { receiver } : { socketMode: true, appToken: config.appToken, signingSecret: config.signingSecret }),
    logger: boltLogger(logger),
    clientOptions,
    // Bolt's in-memory conversation store is unused here and costs time on every request.
    convoStore: false,
    // Never a call to Slack before the answer: the bot's own ids come from auth.test run in the background.
    authorize: async () => ({ botToken: config.botToken, ...installation.bot() }),
  });
  const { client } = options;
  // Profiles are a nicety: one try, no waiting on a 429 (the hold in Postgres does the waiting).
  const lookups = new WebClient(config.botToken, { ...slackClientOptions(config.apiUrl, 0, options.fetch), logger: boltLogger(logger) });
  const people = new SlackPeople(lookups, options.holds, deps.people, logger);
  const context: SlackContext = { deps, people, client, logger };
  // Over HTTP the gate has parsed every body already; Socket Mode envelopes get the same shapes here.
  if (socketMode) {
    app.use(async ({ body, next }) => {
      if (shapedLikeSlack(body)) await next();
      else logger.warn({ component: 'slack' }, 'socket mode envelope refused: not shaped like a Slack payload');
    });
  }
  const inFlight = registerAfterAnswer(app, people);
  registerEventDedupe(app, options.events);
  registerCommands(app, context);
  registerViews(app, context);
  registerVolunteerViews(app, context);
  registerAnnounceViews(app, context);
  registerFormViews(app, context);
  registerDirectMessages(app, context);
  registerSlackPhotos(app, context, { token: config.botToken, apiUrl: config.apiUrl });
  app.error(async (error) => {
    logger.error({ component: 'slack', code: (error as { code?: string }).code }, `slack error: ${error.message}`);
  });
  return {
    app,
    receiver,
    context,
    start: async () => {
      await installation.start();
      if (socketMode) await app.start();
    },
    stop: async (graceMs = 3000) => {
      installation.stop();
      if (socketMode) await app.stop();
      await inFlight.settle(graceMs);
    },
  };
}

/** POST /slack/events: our gate (signature, future timestamps, junk) then Bolt's receiver. */
export function slackEndpoint(signingSecret: string, receiver: HTTPReceiver): (req: IncomingMessage, res: ServerResponse) => void {
  const gate = slackGate(signingSecret);
  return (req, res) => {
    gate(req, res, (r, s) => receiver.requestListener(r, s)).catch(() => {
      if (!res.headersSent) {
        res.statusCode = 400;
        res.end();
      }
    });
  };
}
