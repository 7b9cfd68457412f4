/**
 * Pledges through the whole HTTP path, beside the libraries' own ceiling in the same run: on Slack a
 * minimal Bolt 5 app that only acks and one that does a single INSERT, on Teams a minimal CloudAdapter
 * bot (answering only, and with one INSERT), each in its own process, all facing the same load
 * generator and the same Postgres. Then `/caravan` with 10,000 and 1,000,000 pledges.
 * BENCH_ROUNDS=n repeats the pledge tables (the machine may be busy: look at the range).
 * BENCH_ONLY="caravane slack" runs only the rows whose table title and server name hold every word
 * given, and skips `/caravan` (with BENCH_CPU_PROF, a profile of that path alone).
 */
import { migrateToLatest, openDatabase } from '../db/connect.js';
import { createStores } from '../db/stores.js';
import { startFakeConnector, type FakeConnector } from '../test/support/fake-connector.js';
import { startFakeSlack } from '../test/support/fake-slack.js';
import { slackSignature, slashCommandBody } from '../test/support/slack-sign.js';
import { person, personalMessage } from '../test/support/teams-activities.js';
import { minor } from '../src/shared/money.js';
import { load, type BenchRequest, type LoadResult } from './load.js';
import { databaseCpu, localDay, scratchDatabase, startChildBot, startChildScript, table, type ChildBot } from './support.js';

const SECRET = 'bench-signing-secret';
const PEOPLE = 5_000;
const MANY = 6_000;
/**
 * Before any figure, each server answers this many requests at 100 clients from people of their own
 * (never the measured ones), so the figures are those of code V8 has finished optimising: measured after
 * 600 requests only, a program the size of Caravane was still being compiled (its CPU per pledge fell
 * from 0.49 to 0.35 ms with a longer warm-up, newcomers alike) while the references already were not.
 */
const WARM = 3_000;
let sequence = 0;

/** `warm`: the warm-up's own people (never those measured). */
function slackPledge(command: string, text: string, warm = false): (i: number) => BenchRequest {
  return () => {
    const body = slashCommandBody(command, text, { user: `${warm ? 'UW' : 'UB'}${sequence++ % PEOPLE}` });
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
  };
}

function teamsPledge(connector: FakeConnector, warm = false): (i: number) => BenchRequest {
  return () => ({
    path: '/api/messages',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(personalMessage(connector.url, person(warm ? `W${sequence++ % PEOPLE}` : sequence++ % PEOPLE), 'pledge 200')),
  });
}

const slackFailed = (status: number, text: string) => status !== 200 || /Désolé|Sorry/.test(text);

interface Contender {
  name: string;
  server: ChildBot;
}

/** 1 client then 100 clients against each server in turn, after a warm-up; one row per server. */
async function compare(
  title: string,
  contenders: Contender[],
  make: (warm?: boolean) => (i: number) => BenchRequest,
  failed?: (s: number, t: string) => boolean,
) {
  const results: Array<{ name: string; one: LoadResult; many: LoadResult; rss: number; cpu: number; dbCpu: number }> = [];
  const only = (process.env.BENCH_ONLY ?? '')
    .toLowerCase()
    .split(/[\s,]+/)
    .filter((w) => w !== '');
  for (const { name, server } of contenders.filter((c) => only.every((w) => `${title} ${c.name}`.toLowerCase().includes(w)))) {
    await load(server.url, make(true), 10, 300, failed); // warm-up: pools, caches
    await load(server.url, make(true), 100, WARM, failed); // and the JIT, at the concurrency measured
    const one = await load(server.url, make(), 1, 300, failed);
    let rss = server.rssMb();
    const sampler = setInterval(() => (rss = Math.max(rss, server.rssMb())), 100);
    const cpuBefore = server.cpuMs();
    const dbCpu0 = databaseCpu();
    const many = await load(server.url, make(), 100, MANY, failed);
    const cpu = (server.cpuMs() - cpuBefore) / MANY;
    const dbCpu = dbCpu0.since() / MANY;
    clearInterval(sampler);
    results.push({ name, one, many, rss, cpu, dbCpu });
  }
  if (results.length === 0) return;
  const ref = results.find((r) => r.name.includes('INSERT')) ?? results[0];
  const rows = results.map((r) => [
    r.name,
    r.one.p50.toFixed(1),
    ref ? (r.one.p50 / ref.one.p50).toFixed(2) : '',
    r.many.perSecond,
    ref ? (r.many.perSecond / ref.many.perSecond).toFixed(2) : '',
    r.many.p99.toFixed(0),
    r.cpu.toFixed(2),
    r.dbCpu.toFixed(2),
    r.rss.toFixed(0),
    r.one.errors + r.many.errors,
  ]);
  table(title, ['server', '1 client p50 ms', '× ref', '100 clients /s', '× ref', 'p99 ms', 'CPU ms/req', 'Postgres CPU ms/req', 'max RSS MB', 'errors'], rows);
}

export default async function run(): Promise<void> {
  const rounds = Number(process.env.BENCH_ROUNDS ?? '1');
  const database = await scratchDatabase('caravane_bench');
  const slack = await startFakeSlack('xoxb-bench');
  const connector = await startFakeConnector();
  const handle = await openDatabase({ url: database.url, dataDir: '' });
  await migrateToLatest(handle);
  const { sql } = await import('kysely');
  await sql`create table reference_pledges (id bigserial primary key, user_id text not null, amount_text text not null, created_at timestamptz not null default now())`.execute(
    handle.db,
  );
  const stores = createStores(handle.db);
  const campaign = await stores.campaigns.create({
    name: 'Bench',
    currency: 'MAD',
    goalMinor: minor(15_000_000_000),
    startsOn: localDay(-10),
    endsOn: localDay(20),
  });
  const slackEnv = { SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_API_URL: slack.apiUrl, DATABASE_URL: database.url };
  const servers: ChildBot[] = [];
  const started = async (p: Promise<ChildBot>) => {
    const s = await p;
    servers.push(s);
    return s;
  };
  try {
    const bot = await started(startChildBot({ ...slackEnv, PLEDGE_MAX: '1000000', TEAMS_EMULATOR: '1' }, 3917));
    const boltAck = await started(startChildScript('_ref-slack.ts', { ...slackEnv, REF_MODE: 'ack' }, 3921));
    const boltInsert = await started(startChildScript('_ref-slack.ts', { ...slackEnv, REF_MODE: 'insert' }, 3922));
    const teamsAck = await started(startChildScript('_ref-teams.ts', { REF_MODE: 'ack' }, 3923));
    const teamsInsert = await started(startChildScript('_ref-teams.ts', { REF_MODE: 'insert', DATABASE_URL: database.url }, 3924));
    for (let round = 1; round <= rounds; round++) {
      const suffix = rounds > 1 ? ` (round ${round}/${rounds})` : '';
      await compare(
        `Slack: signed /pledge over HTTP, ${PEOPLE.toLocaleString('en')} people, real Postgres${suffix}`,
        [
          { name: 'Bolt 5, ack only', server: boltAck },
          { name: 'Bolt 5 + one INSERT (pg, pool 10)', server: boltInsert },
          { name: 'Caravane', server: bot },
        ],
        (warm) => slackPledge('/pledge', '125,50', warm),
        slackFailed,
      );
      await compare(
        `Teams: "pledge 200" activity, reply through a loopback Bot Connector${suffix}`,
        [
          { name: 'CloudAdapter, reply only', server: teamsAck },
          { name: 'CloudAdapter + one INSERT (pg, pool 10)', server: teamsInsert },
          { name: 'Caravane', server: bot },
        ],
        (warm) => teamsPledge(connector, warm),
      );
    }
    const apologies = connector.sent().filter((c) => /Désolé|Sorry/.test(JSON.stringify(c.body ?? ''))).length;
    if (apologies > 0) console.log(`\n${apologies} Teams answers were apologies`);
    connector.calls.length = 0;

    if (process.env.BENCH_ONLY) return;
    const status: Array<Array<string | number>> = [];
    for (const target of [10_000, 1_000_000]) {
      await fillPledges(handle.db, campaign.id, target);
      const r = await load(bot.url, slackPledge('/caravan', ''), 1, 300, slackFailed);
      const naive = await timeNaiveSum(handle.db, campaign.id);
      status.push([target.toLocaleString('en'), r.p50.toFixed(2), r.p99.toFixed(2), naive.toFixed(1)]);
    }
    table('/caravan as the pledges table grows', ['pledges', 'p50 ms', 'p99 ms', 'sum() scan ms (not used)'], status);
  } finally {
    for (const s of servers) await s.stop();
    await handle.close();
    await slack.close();
    await connector.close();
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
            where campaign_id = ${campaignId} and shard = 0`.execute(db);
  await sql`analyze pledges`.execute(db);
}

async function timeNaiveSum(db: Db, campaignId: string): Promise<number> {
  const { sql } = await import('kysely');
  const started = performance.now();
  await sql`select sum(amount_minor), count(distinct person_id) from pledges where campaign_id = ${campaignId} and status <> 'cancelled'`.execute(db);
  return performance.now() - started;
}
