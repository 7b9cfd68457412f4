/**
 * The real bot as a child process (`caravane start`), killed with SIGKILL twice in the middle of a
 * 500-channel announcement and restarted: every channel gets the announcement, and a channel sees it
 * twice at most once per kill. Real Postgres gets a fresh database of its own (DATABASE_URL cannot
 * name a schema); without TEST_DATABASE_URL the child uses the embedded database in a temporary DATA_DIR.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../db/connect.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { postToSlackEndpoint, SIGNING_SECRET, slashCommandBody } from '../support/slack-sign.js';

const CHANNELS = 500;
const TEXT = 'Grand départ de la caravane';
let slack: FakeSlack;
let env: Record<string, string>;
let dropDatabase: () => Promise<void> = async () => undefined;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

/** A database the child process can open: a new one on the test server, or a PGlite directory. */
async function childDatabase(): Promise<{ open(): Promise<DatabaseHandle>; env: Record<string, string> }> {
  const base = process.env.TEST_DATABASE_URL;
  if (base) {
    const name = `crash_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
    return { open: () => openDatabase({ url: url.toString(), dataDir: '' }), env: { DATABASE_URL: url.toString() } };
  }
  const dir = mkdtempSync(join(tmpdir(), 'caravane-crash-'));
  dropDatabase = async () => rmSync(dir, { recursive: true, force: true });
  return { open: () => openDatabase({ dataDir: dir }), env: { DATA_DIR: dir } };
}

/** Runs `fn` on the database while no bot process has it open (PGlite allows one process at a time). */
async function withDatabase<T>(open: () => Promise<DatabaseHandle>, fn: (db: DatabaseHandle) => Promise<T>): Promise<T> {
  const db = await open();
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

async function startChild(): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(process.cwd(), 'bin', 'caravane.js'), 'start'], {
    env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the bot exited with ${child.exitCode}`);
    if (
      await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { child, url };
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the bot did not start');
}

async function kill9(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

const posts = () => slack.posted.filter((p) => p.text.includes(TEXT));
async function until(check: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`condition not met in ${ms} ms (${posts().length} posts)`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

let database: Awaited<ReturnType<typeof childDatabase>>;

beforeAll(async () => {
  slack = await startFakeSlack();
  // A slow Slack: every post takes 20 ms, so a kill always lands with posts in flight.
  slack.script('chat.postMessage', () => ({ delayMs: 20 }));
  database = await childDatabase();
  env = {
    ...database.env,
    HOST: '127.0.0.1',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: slack.token,
    SLACK_API_URL: slack.apiUrl,
    ADMINS: 'slack:UHR',
    OUTBOX_LEASE_SECONDS: '2',
    LOG_LEVEL: 'warn',
  };
  await withDatabase(database.open, async (db) => {
    await migrateToLatest(db);
    const rows = Array.from({ length: CHANNELS }, (_, i) => {
      const destination = { platform: 'slack', channelId: `CK${String(i).padStart(4, '0')}` };
      return {
        destination_key: `slack:${destination.channelId}`,
        platform: 'slack',
        destination: JSON.stringify(destination),
        kind: 'channel',
        added_by: 'slack:UHR',
      };
    });
    await db.db.insertInto('campaign_channels').values(rows).execute();
  });
}, 120_000);

afterAll(async () => {
  await slack?.close();
  await dropDatabase();
});

describe('kill -9 in the middle of a 500-channel announcement', () => {
  it('delivers to all 500 channels after two kills and restarts, with at most one duplicate per kill', async () => {
    let bot = await startChild();
    const res = await postToSlackEndpoint(bot.url, { body: slashCommandBody('/caravan', `announce ${TEXT}`, { user: 'UHR', channel: 'CK0000' }) });
    expect(((await res.json()) as { text: string }).text).toContain('500');

    const kills: number[] = [];
    for (const at of [120, 320]) {
      await until(() => posts().length >= at, 60_000);
      await kill9(bot.child);
      kills.push(posts().length);
      bot = await startChild();
    }
    // Each kill landed mid-way: some channels had it, others not yet.
    for (const seen of kills) expect(seen).toBeLessThan(CHANNELS);
    await until(() => new Set(posts().map((p) => p.channel)).size === CHANNELS, 90_000);
    // Targets the killed instances held stay claimed until their lease runs out and a later sweep takes
    // them back (the worker sweeps on its safety poll): wait until every one is marked sent, then give a
    // straggling resend time to show up before counting duplicates.
    const unsettled = () =>
      withDatabase(database.open, async (db) =>
        Number((await sql<{ n: number }>`select count(*)::int as n from outbox_targets where status <> 'sent'`.execute(db.db)).rows[0]?.n ?? -1),
      );
    const settleBy = Date.now() + 60_000;
    while ((await unsettled()) !== 0 && Date.now() < settleBy) await new Promise((r) => setTimeout(r, 500));
    await new Promise((r) => setTimeout(r, 3000));
    bot.child.kill('SIGTERM');
    await new Promise((resolve) => bot.child.once('exit', resolve));

    const perChannel = new Map<string, number>();
    for (const p of posts()) perChannel.set(p.channel, (perChannel.get(p.channel) ?? 0) + 1);
    const duplicates = posts().length - perChannel.size;
    expect(perChannel.size).toBe(CHANNELS);
    expect(duplicates).toBeLessThanOrEqual(kills.length);

    const rows = await withDatabase(database.open, (db) =>
      sql<{ status: string; n: number; dups: number }>`
        select status, count(*)::int as n, coalesce(sum(possible_duplicates), 0)::int as dups from outbox_targets group by status`.execute(db.db),
    );
    expect(rows.rows.map((r) => [r.status, r.n])).toEqual([['sent', CHANNELS]]);
    // What the outbox reports as possible duplicates covers what really happened.
    expect(rows.rows[0]?.dups ?? 0).toBeGreaterThanOrEqual(duplicates);
  }, 240_000);
});
