/**
 * `caravane start` on the embedded PGlite loads no platform SDK it does not use: with Slack and Teams
 * off, neither Bolt, Slack's Web API client nor botbuilder is in memory, and the bot still answers.
 * A preloaded module lists every CommonJS module the process loaded (test/fixtures/start/).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChildBot } from '../support/child-bot.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { SIGNING_SECRET } from '../support/slack-sign.js';

const WATCHER = pathToFileURL(join(process.cwd(), 'test', 'fixtures', 'start', 'loaded-modules.mjs')).href;
const SDKS = ['@slack/bolt', '@slack/web-api', '@slack/socket-mode', 'botbuilder'];

let dataDir: string;
let listsDir: string;
let slack: FakeSlack;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'caravane-start-'));
  listsDir = mkdtempSync(join(tmpdir(), 'caravane-modules-'));
  slack = await startFakeSlack();
});
afterAll(async () => {
  await slack?.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(listsDir, { recursive: true, force: true });
});

/** Starts the bot on PGlite (no DATABASE_URL), checks /healthz, stops it; its log and the SDKs it loaded. */
async function startAndStop(env: Record<string, string>): Promise<{ log: string; sdks: string[] }> {
  const bot = await startChildBot({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    NODE_OPTIONS: `--import=${WATCHER}`,
    LOADED_MODULES_DIR: listsDir,
    ...env,
  });
  const health = await fetch(`${bot.url}/healthz`);
  expect(health.status).toBe(200);
  expect(await health.json()).toEqual({ status: 'ok' });
  const since = Date.now();
  bot.child.kill('SIGTERM');
  expect((await bot.exited(since)).code).toBe(0);
  const loaded = readFileSync(join(listsDir, `${bot.child.pid}.txt`), 'utf8').split('\n');
  return { log: bot.output(), sdks: SDKS.filter((sdk) => loaded.some((file) => file.includes(`/node_modules/${sdk}/`))) };
}

describe('caravane start on the embedded database', () => {
  it('with no platform configured answers /healthz and never loads Bolt, the Web API client or botbuilder', async () => {
    const { log, sdks } = await startAndStop({});
    expect(log).toContain('(database: pglite; platforms: none configured)');
    expect(sdks).toEqual([]);
  }, 120_000);

  it('with Slack on loads Bolt and the Web API client, and still not botbuilder', async () => {
    const { log, sdks } = await startAndStop({
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: slack.token,
      SLACK_API_URL: slack.apiUrl,
      SLACK_TEAM_ID: 'T111',
    });
    expect(log).toContain('platforms: slack (POST /slack/events)');
    expect(sdks).toEqual(['@slack/bolt', '@slack/web-api', '@slack/socket-mode']);
  }, 120_000);
});
