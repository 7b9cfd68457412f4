/**
 * What an idle instance costs: database transactions per second (pg_stat_database's xact_commit,
 * fresh and right after a burst of pledges), how soon an enqueued message is sent (enqueue → the fake
 * Slack receiving chat.postMessage), and resident memory at rest on Postgres and on the embedded PGlite.
 * The embedded database cannot be watched from another process: its commits and its enqueue → send
 * are measured on a bot started in this one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../adapters/config.js';
import { createLogger } from '../adapters/logger.js';
import { startBot } from '../adapters/main.js';
import { migrateToLatest, openDatabase } from '../db/connect.js';
import type { Database } from '../db/schema.js';
import { outboxStore } from '../db/repositories/outbox.js';
import { createStores } from '../db/stores.js';
import { message } from '../src/chat/reply.js';
import { systemClock } from '../src/shared/clock.js';
import { minor } from '../src/shared/money.js';
import { startFakeSlack, type FakeSlack } from '../test/support/fake-slack.js';
import { slackSignature, slashCommandBody } from '../test/support/slack-sign.js';
import { load } from './load.js';
import { localDay, percentile, scratchDatabase, startChildBot, table } from './support.js';

const SECRET = 'bench-signing-secret';
const PEOPLE = 300;
const WINDOW_MS = Number(process.env.BENCH_IDLE_SECONDS ?? 30) * 1000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Commits per second over the window, `read` giving the commit count; the sampling queries themselves are taken off. */
async function commitRate(read: () => Promise<number>): Promise<number> {
  // Backends report their counts with a delay (up to 10 s when idle): let the previous phase land first.
  await sleep(11_000);
  const before = await read();
  await sleep(WINDOW_MS);
  await sleep(0);
  const after = await read();
  return Math.max(0, after - before - 1) / (WINDOW_MS / 1000);
}

/** Commits per second in `database`, read from another connection. */
async function commitsPerSecond(stats: pg.Client, database: string): Promise<number> {
  return commitRate(async () =>
    Number((await stats.query<{ n: string }>('select xact_commit as n from pg_stat_database where datname = $1', [database])).rows[0]?.n ?? 0),
  );
}

/** The same count on the embedded database, read through the bot's own connection. */
async function embeddedCommitsPerSecond(db: Kysely<Database>): Promise<number> {
  return commitRate(async () =>
    Number((await sql<{ n: string }>`select xact_commit as n from pg_stat_database where datname = current_database()`.execute(db)).rows[0]?.n ?? 0),
  );
}

/** The bot on PGlite in this process: transactions per second at rest, and enqueue → send. */
async function embeddedIdle(env: Record<string, string>, slack: FakeSlack): Promise<{ perSecond: number; latency: number[] }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'caravane-idle-inproc-'));
  const bot = await startBot(loadConfig({ ...env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir }), { logger: createLogger('warn') });
  try {
    const perSecond = await embeddedCommitsPerSecond(bot.database.db);
    const latency = await enqueueToSend(bot.database.db, slack, 20, 'CLITE');
    return { perSecond, latency };
  } finally {
    await bot.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function enqueueToSend(db: Kysely<Database>, slack: FakeSlack, n: number, prefix = 'CIDLE'): Promise<number[]> {
  const outbox = outboxStore(db, systemClock);
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const channel = `${prefix}${i}`;
    const started = performance.now();
    await outbox.enqueue({
      kind: 'announcement',
      campaignId: null,
      message: message('info', [`ping ${i}`]),
      destinations: [{ platform: 'slack', channelId: channel }],
      dedupeKey: `bench:idle:${prefix}:${i}`,
    });
    while (!slack.posted.some((p) => p.channel === channel)) {
      if (performance.now() - started > 20_000) break;
      await sleep(1);
    }
    times.push(performance.now() - started);
    await sleep(300);
  }
  return times.sort((a, b) => a - b);
}

export default async function run(): Promise<void> {
  const database = await scratchDatabase('caravane_idle');
  const slack = await startFakeSlack('xoxb-bench');
  const handle = await openDatabase({ url: database.url, dataDir: '' });
  await migrateToLatest(handle);
  await createStores(handle.db).campaigns.create({
    name: 'Idle',
    currency: 'MAD',
    goalMinor: minor(15_000_000_000),
    startsOn: localDay(-10),
    endsOn: localDay(20),
  });
  const name = new URL(database.url).pathname.slice(1);
  const stats = new pg.Client({ connectionString: database.url });
  await stats.connect();
  const slackEnv = { SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_API_URL: slack.apiUrl };
  const bot = await startChildBot({ ...slackEnv, DATABASE_URL: database.url }, 3941);
  const dataDir = mkdtempSync(join(tmpdir(), 'caravane-idle-'));
  try {
    const fresh = await commitsPerSecond(stats, name);
    const restPg = bot.rssMb();
    let n = 0;
    await load(
      bot.url,
      () => {
        const body = slashCommandBody('/pledge', '100', { user: `UI${n++ % PEOPLE}` });
        const ts = Math.floor(Date.now() / 1000);
        return {
          path: '/slack/events',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            'x-slack-request-timestamp': String(ts),
            'x-slack-signature': slackSignature(SECRET, ts, body),
          },
          body,
        };
      },
      10,
      1_000,
    );
    const afterBurst = await commitsPerSecond(stats, name);
    // The 300 people's profile look-ups follow the burst at Slack's pace (about 100 a minute): the
    // window above sees them; this one comes once they are done.
    const drained = Date.now();
    while (slack.callsTo('users.info').length < PEOPLE && Date.now() - drained < 300_000) await sleep(1000);
    const afterLookups = await commitsPerSecond(stats, name);
    const latency = await enqueueToSend(handle.db, slack, 20);
    table(
      'Idle instance on Postgres',
      ['phase', 'transactions/s'],
      [
        ['idle after start', fresh.toFixed(2)],
        ['right after 1,000 pledges (profile look-ups under way)', afterBurst.toFixed(2)],
        ['once the look-ups are done', afterLookups.toFixed(2)],
      ],
    );
    table(
      'Enqueue → chat.postMessage received (20 messages, 300 ms apart)',
      ['p50 ms', 'max ms'],
      [[percentile(latency, 50).toFixed(1), (latency.at(-1) ?? 0).toFixed(1)]],
    );
    await bot.stop();
    const embedded = await startChildBot({ ...slackEnv, DATA_DIR: dataDir }, 3942);
    await sleep(15_000);
    const restLite = embedded.rssMb();
    await embedded.stop();
    const lite = await embeddedIdle(slackEnv, slack);
    table(
      'Idle instance on the embedded PGlite (in this process)',
      ['transactions/s', 'enqueue → chat.postMessage p50 ms', 'max ms'],
      [[lite.perSecond.toFixed(2), percentile(lite.latency, 50).toFixed(1), (lite.latency.at(-1) ?? 0).toFixed(1)]],
    );
    table(
      'Resident memory at rest (RSS, 15 s or more after start)',
      ['database', 'MB'],
      [
        ['Postgres', restPg.toFixed(0)],
        ['embedded PGlite', restLite.toFixed(0)],
      ],
    );
  } finally {
    await bot.stop();
    await stats.end();
    await handle.close();
    await slack.close();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
