/**
 * Signed `/pledge` commands through the whole HTTP path (gate, Bolt, core, Postgres, answer) on real
 * Postgres, at 1, 10 and 100 concurrent clients; then `/caravan` with 10,000 and 1,000,000 pledges.
 */
import { Agent, request } from 'node:http';
import { migrateToLatest, openDatabase } from '../db/connect.js';
import { createStores } from '../db/stores.js';
import { startFakeSlack } from '../test/support/fake-slack.js';
import { slackSignature, slashCommandBody } from '../test/support/slack-sign.js';
import { localDay, percentile, scratchDatabase, startChildBot, table, type ChildBot } from './support.js';
import { minor } from '../src/shared/money.js';

const SECRET = 'bench-signing-secret';

function post(agent: Agent, url: string, body: string): Promise<{ status: number; ms: number; text: string }> {
  const ts = Math.floor(Date.now() / 1000);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/slack/events`,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-slack-request-timestamp': String(ts),
          'x-slack-signature': slackSignature(SECRET, ts, body),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, text: Buffer.concat(chunks).toString() }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function load(bot: ChildBot, command: string, text: string, clients: number, total: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  let rss = bot.rssMb();
  const sampler = setInterval(() => (rss = Math.max(rss, bot.rssMb())), 100);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, worker) => {
      while (next < total) {
        const i = next++;
        const res = await post(agent, bot.url, slashCommandBody(command, text, { user: `UB${(i * 7 + worker) % 500}` }));
        if (res.status !== 200 || res.text.includes('Désolé')) errors++;
        latencies.push(res.ms);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { perSecond: Math.round(total / seconds), p50: percentile(latencies, 50), p99: percentile(latencies, 99), rss, errors };
}

export default async function run(): Promise<void> {
  const database = await scratchDatabase('caravane_bench');
  const slack = await startFakeSlack('xoxb-bench');
  const handle = await openDatabase({ url: database.url, dataDir: '' });
  await migrateToLatest(handle);
  const stores = createStores(handle.db);
  const campaign = await stores.campaigns.create({ name: 'Bench', currency: 'MAD', goalMinor: minor(15_000_000_000), startsOn: localDay(-10), endsOn: localDay(20) });
  const bot = await startChildBot(
    { DATABASE_URL: database.url, SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_API_URL: slack.apiUrl, PLEDGE_MAX: '1000000' },
    3917,
  );
  try {
    await load(bot, '/pledge', '50', 10, 200); // warm-up: JIT, pools, users.info cache
    const rows: Array<Array<string | number>> = [];
    for (const [clients, total] of [[1, 300], [10, 2000], [100, 5000]] as const) {
      const r = await load(bot, '/pledge', '125,50', clients, total);
      rows.push([clients, total, r.perSecond, r.p50.toFixed(1), r.p99.toFixed(1), r.rss.toFixed(0), r.errors]);
    }
    table('/pledge through HTTP on Postgres', ['clients', 'requests', 'pledges/s', 'p50 ms', 'p99 ms', 'max RSS MB', 'errors'], rows);

    const status: Array<Array<string | number>> = [];
    for (const target of [10_000, 1_000_000]) {
      await fillPledges(handle.db, campaign.id, target);
      const r = await load(bot, '/caravan', '', 1, 300);
      const naive = await timeNaiveSum(handle.db, campaign.id);
      status.push([target.toLocaleString('en'), r.p50.toFixed(2), r.p99.toFixed(2), naive.toFixed(1)]);
    }
    table('/caravan as the pledges table grows', ['pledges', 'p50 ms', 'p99 ms', 'sum() scan ms (not used)'], status);
  } finally {
    await bot.stop();
    await handle.close();
    await slack.close();
    await database.drop();
  }
}

type Db = Awaited<ReturnType<typeof openDatabase>>['db'];

/** Tops the pledges table up to `target` rows with plain SQL, keeping the running totals true. */
async function fillPledges(db: Db, campaignId: string, target: number): Promise<void> {
  const { sql } = await import('kysely');
  const count = Number((await sql<{ n: string }>`select count(*) as n from pledges`.execute(db)).rows[0]?.n ?? 0);
  const missing = target - count;
  if (missing <= 0) return;
  const person = (await sql<{ id: string }>`insert into people (display_name) values ('bench') returning id`.execute(db)).rows[0]?.id;
  await sql`insert into pledges (campaign_id, person_id, amount_minor, source, status)
            select ${campaignId}, ${person}, 10000, 'slack', 'pledged' from generate_series(1, ${missing})`.execute(db);
  await sql`update campaign_totals set pledged_minor = pledged_minor + ${missing * 10000}, pledges = pledges + ${missing}
            where campaign_id = ${campaignId}`.execute(db);
  await sql`analyze pledges`.execute(db);
}

async function timeNaiveSum(db: Db, campaignId: string): Promise<number> {
  const { sql } = await import('kysely');
  const started = performance.now();
  await sql`select sum(amount_minor), count(distinct person_id) from pledges where campaign_id = ${campaignId} and status <> 'cancelled'`.execute(db);
  return performance.now() - started;
}
