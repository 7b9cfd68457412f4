import { App, HTTPReceiver, LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { CoreDeps } from '../../src/deps.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { Request, Response } from 'express';
import type { SlackContext } from './context.js';
import { slackGate } from './gate.js';
import { registerAnnounceViews } from './listeners/announce.js';
import { registerCommands } from './listeners/commands.js';
import { registerDirectMessages, registerEventDedupe } from './listeners/events.js';
import { registerSlackPhotos } from './photos/register.js';
import { registerViews } from './listeners/views.js';
import { registerVolunteerViews } from './volunteers/views.js';
import { registerGiveView } from './needs/give-modal.js';
import { registerNeedView } from './needs/need-modal.js';
import { SlackPeople } from './people.js';

export interface SlackAdapter {
  app: App;
  /** HTTP mode: mount on POST /slack/events. Undefined in Socket Mode. */
  receiver: HTTPReceiver | undefined;
  context: SlackContext;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface SlackOptions {
  config: NonNullable<Config['slack']>;
  deps: CoreDeps;
  db: Kysely<Database>;
  logger: Logger;
  /** Tests turn the Web API client's retries off; production keeps Bolt's defaults. */
  retries?: number;
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

/**
 * The Bolt app: HTTP at /slack/events with signature checks, or Socket Mode when an app token is
 * set. Authorization is ours so that a failed `auth.test` at boot does not silence every listener.
 */
export function createSlackAdapter(options: SlackOptions): SlackAdapter {
  const { config, deps, db, logger } = options;
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
  const clientOptions = {
    slackApiUrl: config.apiUrl,
    ...(options.retries !== undefined ? { retryConfig: { retries: options.retries } } : {}),
  };
  let bot: Promise<{ botId?: string; botUserId?: string }> | undefined;
  const app: App = new App({
    ...(receiver ? { receiver } : { socketMode: true, appToken: config.appToken, signingSecret: config.signingSecret }),
    logger: boltLogger(logger),
    clientOptions,
    // Bolt's in-memory conversation store is unused here and costs time on every request.
    convoStore: false,
    authorize: async () => {
      bot ??= app.client.auth
        .test({ token: config.botToken })
        .then((r) => ({ botId: r.bot_id, botUserId: r.user_id }))
        .catch(() => {
          bot = undefined; // try again on the next event
          return {};
        });
      return { botToken: config.botToken, ...(await bot) };
    },
  });
  // Outside a listener (look-ups, proactive messages) the bot speaks through its own token-bearing client.
  const client = new WebClient(config.botToken, { ...clientOptions, logger: boltLogger(logger) });
  const context: SlackContext = { deps, people: new SlackPeople(client), client, logger };
  registerEventDedupe(app, db);
  registerCommands(app, context);
  registerViews(app, context);
  registerVolunteerViews(app, context);
  registerGiveView(app, context);
  registerNeedView(app, context);
  registerAnnounceViews(app, context);
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
      if (socketMode) await app.start();
    },
    stop: async () => {
      if (socketMode) await app.stop();
    },
  };
}

/** POST /slack/events: our gate (signature, future timestamps, junk) then Bolt's receiver. */
export function slackEndpoint(signingSecret: string, receiver: HTTPReceiver): (req: Request, res: Response) => void {
  const gate = slackGate(signingSecret);
  return (req, res) => {
    gate(req, res, (r, s) => receiver.requestListener(r, s)).catch(() => {
      if (!res.headersSent) res.status(400).end();
    });
  };
}
