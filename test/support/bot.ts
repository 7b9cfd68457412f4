import { Writable } from 'node:stream';
import { loadConfig } from '../../adapters/config.js';
import { createLogger } from '../../adapters/logger.js';
import { startBot, type Bot, type StartOptions } from '../../adapters/main.js';
import type { TeamsCredentialsFactory } from '../../adapters/teams/auth.js';
import { createCampaign } from '../../src/campaigns/campaigns.service.js';
import { ManualClock } from '../../src/shared/clock.js';
import { minor } from '../../src/shared/money.js';
import { testDatabase, type TestDatabase } from './db.js';
import { startFakeSlack, type FakeSlack } from './fake-slack.js';
import { SIGNING_SECRET } from './slack-sign.js';
import { TENANT } from './teams-activities.js';

export interface TestBot {
  bot: Bot;
  url: string;
  db: TestDatabase;
  slack: FakeSlack;
  clock: ManualClock;
  /** Every log line the bot wrote, raw. */
  logs: string[];
  close(): Promise<void>;
}

/** Noon in Casablanca on 2026-11-27, inside the default test campaign. */
export const TEST_NOW = new Date('2026-11-27T11:00:00Z');

/**
 * The real bot on loopback: real HTTP server, real Bolt, real database (TEST_DATABASE_URL or PGlite),
 * Slack's Web API replaced by a fake. `env` overrides the configuration.
 */
export async function startTestBot(
  options: {
    env?: Record<string, string>;
    database?: TestDatabase;
    slack?: FakeSlack;
    now?: Date;
    /** Teams outbound credentials, for authenticated-mode tests (see bot-framework-jwt.ts). */
    teamsCredentials?: TeamsCredentialsFactory;
    /** Outbox worker settings (poll interval, autostart). */
    outbox?: StartOptions['outbox'];
    /** Keep the Slack client's production retries instead of none. */
    productionRetries?: boolean;
  } = {},
): Promise<TestBot> {
  const db = options.database ?? (await testDatabase());
  const slack = options.slack ?? (await startFakeSlack());
  const clock = new ManualClock(options.now ?? TEST_NOW);
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs.push(chunk.toString('utf8'));
      done();
    },
  });
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: slack.token,
    SLACK_API_URL: slack.apiUrl,
    LOG_LEVEL: 'info',
    // Activities in these tests come from the test tenant; without a Microsoft app id that is the Emulator mode.
    ...(options.env?.MICROSOFT_APP_ID ? {} : { TEAMS_EMULATOR: '1' }),
    TEAMS_HR_TENANTS: TENANT,
    ...options.env,
  });
  const bot = await startBot(config, {
    clock,
    database: db,
    logger: createLogger('info', sink),
    ...(options.productionRetries ? {} : { slackRetries: 0 }),
    ...(options.outbox ? { outbox: options.outbox } : {}),
    ...(options.teamsCredentials ? { teamsCredentials: options.teamsCredentials } : {}),
  });
  return {
    bot,
    url: bot.url,
    db,
    slack,
    clock,
    logs,
    async close() {
      await bot.close();
      if (!options.slack) await slack.close();
      if (!options.database) await db.drop();
    },
  };
}

/** The test campaign: 15 Nov – 15 Dec 2026, goal 150,000 MAD. */
export async function seedCampaign(bot: Bot, overrides: Partial<{ name: string; goal: number; from: string; to: string; currency: string }> = {}) {
  const result = await createCampaign(bot.deps, {
    name: overrides.name ?? 'Caravane 2026',
    currency: overrides.currency ?? 'MAD',
    goalMinor: minor((overrides.goal ?? 150_000) * 100),
    startsOn: overrides.from ?? '2026-11-15',
    endsOn: overrides.to ?? '2026-12-15',
  });
  if (!result.ok) throw new Error(result.error.code);
  return result.value;
}

export async function currentCampaign(url: string) {
  const res = await fetch(`${url}/api/campaigns/current`);
  return { status: res.status, body: (await res.json()) as { campaign: Record<string, number | string>; volunteers: Record<string, number> } };
}
