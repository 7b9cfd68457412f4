/**
 * The Teams adapter: botbuilder's CloudAdapter at `POST /api/messages` on the shared HTTP server, a
 * TeamsActivityHandler over the same core as Slack, stored conversation references, and a sender
 * for proactive messages.
 */
import type { Express } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { message } from '../../src/chat/reply.js';
import type { ChatDeps } from '../../src/chat/deps.js';
import type { StoredFiles } from '../../src/messaging/files.js';
import type { ChartImages } from '../../src/messaging/charts.js';
import { resolveLocale, t } from '../../src/shared/i18n/index.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { readTurn } from './activity.js';
import { CaravaneCloudAdapter, teamsAuthentication, type TeamsCredentialsFactory } from './auth.js';
import { CaravaneTeamsBot } from './bot.js';
import type { TeamsContext } from './context.js';
import { teamsRoutes } from './http.js';
import { rememberConversation } from './references.js';
import { renderMessage } from './render.js';
import type { PhotoMessages } from '../photos/messages.js';
import type { TeamsConversationStore } from './ports.js';
import { TeamsSender } from './sender.js';
import { serviceUrlTrust } from './service-urls.js';

export interface TeamsAdapter {
  /** `authenticated` when MICROSOFT_APP_ID is set; `emulator` (TEAMS_EMULATOR=1) is for local use only; `off` otherwise. */
  mode: Config['teams']['mode'];
  /** Adds `POST /api/messages` to the HTTP app (nothing when Teams is off: the route answers 404). */
  mount(app: Express): void;
  /** Takes `POST /api/messages` straight from Node's server when its body is plain JSON; false leaves it to `mount`'s route. */
  direct(req: IncomingMessage, res: ServerResponse): boolean;
  /** Proactive messages (the outbox's PlatformSender for Teams). */
  sender: TeamsSender;
  conversations: TeamsConversationStore;
  adapter: CaravaneCloudAdapter;
}

/** What talking to the Bot Connector needs, before any turn is handled: built first, shared by the adapter and the photo notices. */
export interface TeamsConnection {
  adapter: CaravaneCloudAdapter;
  conversations: TeamsConversationStore;
  /** True when MICROSOFT_APP_ID is set: JWTs are checked and serviceUrls must be trusted. */
  authenticated: boolean;
  /** Whether the bot may send its token to this serviceUrl (always true when unauthenticated). */
  mayUse(serviceUrl: string): boolean;
}

/** `credentials` replaces botbuilder's MSAL credentials (tests: no call to Microsoft's login). */
/** `conversations`: db/repositories/teams-conversations.ts `teamsConversationStore`. */
export function teamsConnection(config: Config['teams'], conversations: TeamsConversationStore, credentials?: TeamsCredentialsFactory): TeamsConnection {
  const authenticated = config.mode === 'authenticated';
  const trusted = serviceUrlTrust(config.allowedServiceUrls);
  return {
    adapter: new CaravaneCloudAdapter(teamsAuthentication(config, credentials)),
    conversations,
    authenticated,
    mayUse: (url) => !authenticated || trusted(url),
  };
}

export interface TeamsOptions {
  config: Config['teams'];
  connection: TeamsConnection;
  deps: ChatDeps;
  logger: Logger;
  /** Stored files (album photos) the sender may show. */
  files?: StoredFiles | undefined;
  /** The chart digest and milestone posts carry. */
  charts?: ChartImages | undefined;
  /** HR's photo reviews and the notices about photos the sender draws. */
  photos?: PhotoMessages | undefined;
}

const withStatus = z.looseObject({ statusCode: z.number() });

/** Logs with the activity id, forgets a conversation that answered 403, and apologises briefly. */
function onTurnError(tc: TeamsContext) {
  return async (ctx: TurnContext, error: Error): Promise<void> => {
    const activity = ctx.activity;
    const status = withStatus.safeParse(error);
    tc.logger.error(
      {
        component: 'teams',
        activityId: activity.id,
        activityType: activity.type,
        status: status.success ? status.data.statusCode : undefined,
        err: error.message,
      },
      'teams turn failed',
    );
    try {
      if (status.success && status.data.statusCode === 403) await tc.conversations.setActive(readTurn(activity).rootConversationId, false);
      const c = t(resolveLocale(activity.locale, tc.deps.defaultLocale));
      if (activity.type === 'message') await ctx.sendActivity(renderMessage(message('error', [c.common.sorry])));
      if (activity.type === 'invoke') {
        const body = { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: c.common.sorry };
        await ctx.sendActivity({ type: 'invokeResponse', value: { status: 200, body } });
      }
    } catch (second) {
      tc.logger.warn({ component: 'teams', activityId: activity.id, err: String(second) }, 'teams apology not delivered');
    }
  };
}

export function createTeamsAdapter(options: TeamsOptions): TeamsAdapter {
  const { config, deps, logger } = options;
  const { adapter, conversations, authenticated, mayUse } = options.connection;
  const tc: TeamsContext = { deps, conversations, logger, authenticated, mayUse };
  adapter.onTurnError = onTurnError(tc);
  const bot = new CaravaneTeamsBot(tc);
  const logic = async (ctx: TurnContext) => {
    // Written beside the turn, not before it: the answer does not wait for it. A failed write is
    // only logged (the next activity writes it again); the turn hears its own failures.
    const remembered = rememberConversation(tc, ctx.activity, readTurn(ctx.activity)).catch((error: unknown) =>
      logger.warn({ component: 'teams', activityId: ctx.activity.id, err: String(error) }, 'teams conversation reference not stored'),
    );
    try {
      await bot.run(ctx);
    } finally {
      await remembered;
    }
  };
  if (config.mode === 'emulator') {
    logger.warn(
      { component: 'teams' },
      'TEAMS_EMULATOR=1: Teams runs WITHOUT authentication, anyone who can reach POST /api/messages is believed. For local use with the Bot Framework Emulator only.',
    );
  }
  const routes = teamsRoutes(adapter, tc, logic);
  return {
    mode: config.mode,
    mount: config.mode === 'off' ? () => undefined : routes.mount,
    direct: config.mode === 'off' ? () => false : routes.direct,
    sender: new TeamsSender({
      adapter,
      conversations,
      appId: config.appId ?? '',
      mayUse: tc.mayUse,
      logger,
      files: options.files,
      charts: options.charts,
      photos: options.photos,
      defaultLocale: options.deps.defaultLocale,
    }),
    conversations,
    adapter,
  };
}
