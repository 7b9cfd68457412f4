/**
 * What the Slack adapter learns outside the path of an answer: the bot's own ids and the workspace it
 * is installed in (auth.test, in the background), and people's profiles once their answer is out.
 */
import type { App, SlashCommand } from '@slack/bolt';
import type { FetchFunction, WebClient, WebClientOptions } from '@slack/web-api';
import { z } from 'zod';
import type { Home } from '../home.js';
import type { Logger } from '../logger.js';
import type { SlackPeople, SlackUserRef } from './people.js';

/** A Web API call gives up after this long, so that no answer or shutdown waits on a slow Slack. */
const CALL_TIMEOUT_MS = 5000;
/** At boot, how long the start waits for auth.test before going on without it. */
const BOOT_WAIT_MS = 2000;
const RELEARN_MS = 30_000;

/**
 * A few quick retries at most, and a 429 rejected rather than slept on: the WebClient's default (ten
 * retries over half an hour) would keep a stopping process alive long after anyone cares.
 */
export function slackClientOptions(apiUrl: string, retries = 2, fetch?: FetchFunction): WebClientOptions {
  return {
    slackApiUrl: apiUrl,
    ...(fetch ? { fetch } : {}),
    timeout: CALL_TIMEOUT_MS,
    rejectRateLimitedCalls: true,
    retryConfig: { retries, factor: 2, minTimeout: 250, maxTimeout: 1000, randomize: true },
  };
}

const authTest = z.object({
  user_id: z.string().optional(),
  bot_id: z.string().optional(),
  team_id: z.string().optional(),
  enterprise_id: z.string().optional(),
});

export interface Installation {
  /** The bot's ids when known (Bolt skips the bot's own messages with them). */
  bot(): { botId?: string; botUserId?: string };
  /** Asks auth.test, waiting for it a short while; keeps asking in the background until it answers. */
  start(): Promise<void>;
  stop(): void;
}

export function watchInstallation(client: () => WebClient, token: string, home: Home, logger: Logger): Installation {
  let known: { botId?: string; botUserId?: string } = {};
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const ask = async (): Promise<void> => {
    try {
      const res = authTest.parse(await client().auth.test({ token }));
      known = { ...(res.bot_id ? { botId: res.bot_id } : {}), ...(res.user_id ? { botUserId: res.user_id } : {}) };
      home.learnSlack([res.team_id, res.enterprise_id]);
    } catch (error) {
      logger.warn({ component: 'slack', err: error instanceof Error ? error.message : String(error) }, 'auth.test failed; Slack HR waits for it');
      if (!stopped) timer = setTimeout(() => void ask(), RELEARN_MS).unref();
    }
  };
  return {
    bot: () => known,
    async start() {
      const first = ask();
      await Promise.race([first, new Promise((resolve) => setTimeout(resolve, BOOT_WAIT_MS).unref())]);
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

const str = z.string().min(1);
/** Who acted, in each kind of Slack body: slash command, interactivity, event. */
const actor = z.union([
  z.object({ user_id: str, team_id: str, enterprise_id: str.optional() }).transform((b) => ({ userId: b.user_id, teamId: b.team_id, orgId: b.enterprise_id })),
  z
    .object({ user: z.object({ id: str, team_id: str.optional() }), team: z.object({ id: str }).nullish(), enterprise: z.object({ id: str }).nullish() })
    .transform((b) => ({ userId: b.user.id, teamId: b.user.team_id ?? b.team?.id ?? '', orgId: b.enterprise?.id })),
  z
    .object({ team_id: str, enterprise_id: str.optional(), event: z.object({ user: str, user_team: str.optional(), bot_id: z.string().optional() }) })
    .refine((b) => b.event.bot_id === undefined)
    .transform((b) => ({ userId: b.event.user, teamId: b.event.user_team ?? b.team_id, orgId: b.enterprise_id })),
]);

function commandActor(command: SlashCommand): SlackUserRef {
  return { userId: command.user_id, teamId: command.team_id, orgId: command.enterprise_id };
}

export interface InFlight {
  /** Resolves when every listener under way has finished, or after `ms`, whichever comes first. */
  settle(ms: number): Promise<void>;
}

/**
 * Every listener runs inside this: the person behind the request gets their profile refreshed once the
 * listener is done (the answer is out by then), and a stop waits for listeners still at work.
 * The refresh is queued on the next turn of the event loop, so that the answer's bytes leave first and
 * a request already waiting is read before it.
 */
export function registerAfterAnswer(app: App, people: SlackPeople): InFlight {
  const running = new Set<Promise<void>>();
  app.use(async (args) => {
    const run = args.next();
    running.add(run);
    try {
      await run;
    } finally {
      running.delete(run);
    }
    // A slash command's ids were checked by the shape in payloads.ts already (the gate, or Socket
    // Mode's check): they are read as they are, not parsed a second time.
    const who = 'command' in args ? commandActor(args.command) : actor.safeParse(args.body).data;
    if (who && who.teamId !== '') setImmediate(() => people.refreshLater(who));
  });
  return {
    async settle(ms) {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
      await Promise.race([Promise.allSettled([...running]), late]);
      clearTimeout(timer);
    },
  };
}
