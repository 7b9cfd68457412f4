/**
 * SIGTERM ends `caravane start` within 10 s in every state, Slack's Web API down, rate-limiting or
 * slow included (Docker and Kubernetes kill after 10 s): requests in flight get their answer, the
 * outbox gives back what it had claimed, and a second signal ends the process at once.
 */
import { createServer, type AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connect.js';
import { cliHarness, type CliHarness } from '../support/cli.js';
import { freePort, startChildBot } from '../support/child-bot.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { postToSlackEndpoint, SIGNING_SECRET, slashCommandBody } from '../support/slack-sign.js';

const EXIT_WITHIN_MS = 10_000;
type State = 'healthy' | 'unreachable' | 'rate-limited' | 'slow';

let cli: CliHarness;
let slack: FakeSlack;
let state: State = 'healthy';

beforeAll(async () => {
  cli = await cliHarness('caravane-stop');
  slack = await startFakeSlack();
  for (const method of ['auth.test', 'users.info', 'views.open', 'chat.postMessage', 'conversations.open']) {
    slack.script(method, () => (state === 'slow' ? { delayMs: 5000 } : state === 'rate-limited' ? { status: 429, retryAfter: 30 } : undefined));
  }
  const campaign = await cli.caravane('campaign', 'create', '--name', 'Caravane', '--goal', '150000', '--from', '2026-01-01', '--to', '2036-12-31');
  expect(campaign.code).toBe(0);
}, 60_000);
afterAll(async () => {
  await slack?.close();
  await cli?.cleanup();
});

async function botEnv(): Promise<Record<string, string>> {
  const apiUrl = state === 'unreachable' ? `http://127.0.0.1:${await freePort()}/api/` : slack.apiUrl;
  return {
    ...cli.env,
    LOG_LEVEL: 'info',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: slack.token,
    SLACK_API_URL: apiUrl,
    SLACK_TEAM_ID: 'T111',
    ADMINS: 'slack:UHR',
  };
}

async function claimedTargets(): Promise<number> {
  const db = await openDatabase({ url: cli.env.DATABASE_URL, dataDir: cli.env.DATA_DIR ?? '' });
  try {
    const rows = await sql<{ n: number }>`select count(*)::int as n from outbox_targets where claimed_by is not null`.execute(db.db);
    return rows.rows[0]?.n ?? 0;
  } finally {
    await db.close();
  }
}

describe.each<State>(['healthy', 'unreachable', 'rate-limited', 'slow'])('SIGTERM with Slack’s Web API %s', (s) => {
  it('answers what came in, gives back the outbox’s claims and exits 0 within 10 s', async () => {
    state = s;
    const bot = await startChildBot(await botEnv());
    const pledge = await postToSlackEndpoint(bot.url, { body: slashCommandBody('/pledge', '700', { user: `USTOP${s.length}` }) });
    expect(((await pledge.json()) as { text: string }).text).toContain('700');
    // Work that talks to Slack after the answer: a form, and an announcement in the outbox.
    await postToSlackEndpoint(bot.url, { body: slashCommandBody('/pledge', '', { user: 'UFORM', responseUrl: `${slack.url}/response/stop` }) });
    await postToSlackEndpoint(bot.url, { body: slashCommandBody('/caravan', 'channel', { user: 'UHR', channel: `CSTOP${s.length}` }) });
    await postToSlackEndpoint(bot.url, { body: slashCommandBody('/caravan', 'announce Départ demain', { user: 'UHR' }) });
    await new Promise((r) => setTimeout(r, 300));
    const signalled = Date.now();
    bot.child.kill('SIGTERM');
    const exit = await bot.exited(signalled);
    expect(exit.code, bot.output().slice(-800)).toBe(0);
    expect(exit.ms).toBeLessThan(EXIT_WITHIN_MS);
    expect(await claimedTargets()).toBe(0);
  }, 60_000);
});

describe('a start that cannot listen', () => {
  it('says why in one line and exits 1 at once when its port is taken', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    Object.assign(cli.env, { HOST: '127.0.0.1', PORT: String(port) });
    try {
      const started = Date.now();
      const res = await cli.caravane('start');
      // Before, the process printed its line and then stayed up, unstarted, until it was killed.
      expect(Date.now() - started).toBeLessThan(EXIT_WITHIN_MS);
      expect(res.code).toBe(1);
      const lines = res.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('EADDRINUSE');
    } finally {
      delete cli.env.HOST;
      delete cli.env.PORT;
      await new Promise<void>((resolve) => taken.close(() => resolve()));
    }
  }, 60_000);
});

describe('a second signal', () => {
  it('ends the process at once, even while work is still waiting on a slow Slack', async () => {
    state = 'slow';
    const bot = await startChildBot(await botEnv());
    await postToSlackEndpoint(bot.url, { body: slashCommandBody('/pledge', '', { user: 'UFORM2', responseUrl: `${slack.url}/response/again` }) });
    bot.child.kill('SIGTERM');
    // Only once the first signal was taken (two signals close together may reach the process as one).
    await expect.poll(() => bot.output().includes('shutting down'), { timeout: 10_000 }).toBe(true);
    const signalled = Date.now();
    bot.child.kill('SIGTERM');
    const exit = await bot.exited(signalled);
    expect(exit.code).toBe(130);
    // Sooner than the 3 s grace a first signal gives the work in flight: it did not wait for it.
    expect(exit.ms).toBeLessThan(2500);
  }, 60_000);
});
