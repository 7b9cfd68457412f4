/**
 * The outbox against fakes that enforce the documented rate limits, scaled `SCALE` times faster:
 * Slack about 1 post/s per channel with short bursts allowed (a token bucket: 1 per second, 2 at
 * most in hand); Teams 7/s per conversation and 50/s per tenant (sliding windows, no burst). Over the
 * limit, 429 with Retry-After scaled too (Slack's header is whole seconds: 0). Two workers on their
 * own connection pools share the work. Reports the time to deliver 5,000 targets against the floor
 * the limits allow, then the same with 5 % of calls answered 429 or 503 (no loss, no duplicate).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { sql } from 'kysely';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../db/connect.js';
import { outboxStore } from '../db/repositories/outbox.js';
import { teamsConversationStore } from '../db/repositories/teams-conversations.js';
import type { Destination } from '../src/messaging/ports.js';
import { systemClock } from '../src/shared/clock.js';
import { startFakeConnector, type ConnectorCall } from '../test/support/fake-connector.js';
import { startFakeSlack, type SlackCall } from '../test/support/fake-slack.js';
import { scratchDatabase, table } from './support.js';

const SCALE = Number(process.env.BENCH_OUTBOX_SCALE ?? 10);
const SLACK_GAP = 1000 / SCALE;
const TEAMS_WINDOW = 1000 / SCALE;

interface Scenario {
  name: string;
  slack: { channels: number; perChannel: number };
  teams: { conversations: number; perConversation: number };
  chaos: number;
}

/** A seeded random source, so two runs inject the same errors. */
function seeded(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

/** Token bucket: `perMs` refills one token; at most `burst` in hand. True when a token was available. */
function take(buckets: Map<string, { tokens: number; at: number }>, key: string, now: number, perMs: number, burst: number): boolean {
  const b = buckets.get(key) ?? { tokens: burst, at: now };
  b.tokens = Math.min(burst, b.tokens + (now - b.at) / perMs);
  b.at = now;
  buckets.set(key, b);
  if (b.tokens < 1) return false;
  b.tokens -= 1;
  return true;
}

/** Sliding-window limiter: true when one more event at `now` stays within `max` per `windowMs`. */
function allow(log: Map<string, number[]>, key: string, now: number, max: number, windowMs: number): boolean {
  const times = (log.get(key) ?? []).filter((t) => now - t < windowMs);
  log.set(key, times);
  if (times.length >= max) return false;
  times.push(now);
  return true;
}

/** The smallest time the limits allow for the whole load, in ms. */
function floorMs(s: Scenario): number {
  const slack = s.slack.channels > 0 ? (s.slack.perChannel - 1) * SLACK_GAP : 0;
  const teamsTotal = s.teams.conversations * s.teams.perConversation;
  const tenant = teamsTotal > 0 ? (teamsTotal - 1) * (TEAMS_WINDOW / 50) : 0;
  const conversation = teamsTotal > 0 ? Math.ceil(s.teams.perConversation / 7 - 1) * TEAMS_WINDOW : 0;
  return Math.max(slack, tenant, conversation);
}

async function enqueueLoad(db: DatabaseHandle, s: Scenario, serviceUrl: string, notBefore: Date): Promise<number> {
  const refs = teamsConversationStore(db.db);
  const teams: Destination[] = [];
  for (let i = 0; i < s.teams.conversations; i++) {
    const conversationId = `19:bench${i}@thread.tacv2`;
    await refs.upsert({
      conversationId,
      type: 'channel',
      tenantId: 'TBENCH',
      serviceUrl,
      bfChannelId: 'msteams',
      botId: '28:bench',
      botName: 'Caravane',
      teamsChannelId: conversationId,
      teamId: null,
      userAadObjectId: null,
      userId: null,
      active: true,
    });
    teams.push({ platform: 'teams', conversationId, tenantId: 'TBENCH' });
  }
  const slack: Destination[] = Array.from({ length: s.slack.channels }, (_, i) => ({ platform: 'slack', channelId: `CB${i}` }));
  const store = outboxStore(db.db, systemClock);
  let targets = 0;
  for (let m = 0; m < Math.max(s.slack.perChannel, s.teams.perConversation); m++) {
    const destinations = [...(m < s.slack.perChannel ? slack : []), ...(m < s.teams.perConversation ? teams : [])];
    const message = { kind: 'message' as const, tone: 'info' as const, headline: 'Bench', lines: [`message ${m}`] };
    targets += (await store.enqueue({ kind: 'announcement', campaignId: null, message, destinations, dedupeKey: `bench:${s.name}:${m}`, notBefore })).targets;
  }
  return targets;
}

/** A worker process: one bot instance's outbox. */
function startWorker(i: number, url: string, token: string, apiUrl: string): { stop(): Promise<void> } {
  const child: ChildProcess = spawn(process.execPath, [join(process.cwd(), 'bin', 'run-ts.js'), join('bench', '_outbox-worker.ts')], {
    env: {
      PATH: process.env.PATH ?? '',
      BENCH_OUTBOX_SCALE: String(SCALE),
      BENCH_DATABASE: url,
      BENCH_WORKER: `bench-${i}`,
      BENCH_SLACK_TOKEN: token,
      BENCH_SLACK_API: apiUrl,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function runScenario(s: Scenario): Promise<Array<string | number>> {
  const scratch = await scratchDatabase('bench_outbox');
  const db = await openDatabase({ url: scratch.url, dataDir: '', poolSize: 4 });
  const slack = await startFakeSlack();
  const connector = await startFakeConnector();
  const random = seeded(42);
  const windows = new Map<string, number[]>();
  const buckets = new Map<string, { tokens: number; at: number }>();
  const counts = { limited: 0, injected: 0 };
  const slackAccepted = new Map<string, number>();
  const teamsAccepted = new Map<string, number>();
  const inject = () => s.chaos > 0 && random() < s.chaos;
  slack.script('chat.postMessage', (call: SlackCall) => {
    const channel = String(call.form.channel);
    if (inject()) {
      counts.injected++;
      return random() < 0.5 ? { status: 429, retryAfter: 0 } : { status: 503, body: { ok: false, error: 'service_unavailable' } };
    }
    if (!take(buckets, channel, performance.now(), SLACK_GAP, 2)) {
      counts.limited++;
      return { status: 429, retryAfter: 0 };
    }
    const delivery = JSON.stringify(call.form.metadata);
    slackAccepted.set(delivery, (slackAccepted.get(delivery) ?? 0) + 1);
    return undefined;
  });
  connector.respond((call: ConnectorCall) => {
    if (call.method !== 'POST') return undefined;
    if (inject()) {
      counts.injected++;
      return random() < 0.5 ? { status: 429, headers: { 'retry-after': String(1 / SCALE) }, body: {} } : { status: 503, body: {} };
    }
    const now = performance.now();
    const conversation = call.conversationId ?? '';
    if (!allow(windows, `teams:${conversation}`, now, 7, TEAMS_WINDOW) || !allow(windows, 'teams-tenant', now, 50, TEAMS_WINDOW)) {
      counts.limited++;
      return { status: 429, headers: { 'retry-after': String(1 / SCALE) }, body: {} };
    }
    const key = `${conversation}|${JSON.stringify(call.body?.text ?? call.body?.attachments)}`;
    teamsAccepted.set(key, (teamsAccepted.get(key) ?? 0) + 1);
    return undefined;
  });
  await migrateToLatest(db);
  const workers = [0, 1].map((i) => startWorker(i, scratch.url, slack.token, slack.apiUrl));
  let targets = 0;
  let elapsed = 0;
  try {
    // Enqueued for later, then the whole load is made due at one moment once both workers are up.
    targets = await enqueueLoad(db, s, connector.url, new Date(Date.now() + 3_600_000));
    const go = new Date(Date.now() + 3_000);
    await sql`update outbox_targets set next_attempt_at = ${go}`.execute(db.db);
    await sql`update outbox_lanes set due_at = ${go} where due_at is not null`.execute(db.db);
    const started = performance.now() + (go.getTime() - Date.now());
    for (;;) {
      const left = await sql<{ n: number }>`select count(*)::int as n from outbox_targets where status in ('pending', 'sending')`.execute(db.db);
      if ((left.rows[0]?.n ?? 0) === 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    elapsed = performance.now() - started;
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
  }
  const done = await sql<{ status: string; n: number }>`select status, count(*)::int as n from outbox_targets group by status`.execute(db.db);
  const sent = done.rows.find((r) => r.status === 'sent')?.n ?? 0;
  const delivered = slackAccepted.size + teamsAccepted.size;
  const duplicates = [...slackAccepted.values(), ...teamsAccepted.values()].reduce((n, c) => n + c - 1, 0);
  await db.close();
  await slack.close();
  await connector.close();
  await scratch.drop();
  const floor = floorMs(s);
  return [
    s.name,
    targets,
    (floor / 1000).toFixed(2),
    (elapsed / 1000).toFixed(2),
    (elapsed / floor).toFixed(3),
    counts.limited,
    counts.injected,
    sent,
    targets - delivered,
    duplicates,
  ];
}

export default async function run(): Promise<void> {
  const scenarios: Scenario[] = [
    { name: 'slack: 50 channels × 100', slack: { channels: 50, perChannel: 100 }, teams: { conversations: 0, perConversation: 0 }, chaos: 0 },
    { name: 'teams: 1,000 conversations × 5', slack: { channels: 0, perChannel: 0 }, teams: { conversations: 1000, perConversation: 5 }, chaos: 0 },
    { name: 'both, 5 % answered 429/503', slack: { channels: 25, perChannel: 100 }, teams: { conversations: 500, perConversation: 5 }, chaos: 0.05 },
  ];
  const rows: Array<Array<string | number>> = [];
  for (const s of scenarios) rows.push(await runScenario(s));
  table(
    `Outbox: 5,000 targets each, two workers, documented limits ×${SCALE} (Slack 1 per ${SLACK_GAP} ms per channel, bursts of 2; Teams 7 per conversation and 50 per tenant per ${TEAMS_WINDOW} ms)`,
    ['scenario', 'targets', 'floor s', 'took s', 'ratio', '429 by limits', 'errors injected', 'sent', 'lost', 'duplicates'],
    rows,
  );
}
