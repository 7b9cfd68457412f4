/**
 * Slack's Web API unreachable, rate-limiting or slow: every command is still answered at once with
 * the amount as understood and recorded once, because nothing waits on the Web API before the
 * answer. Profiles are looked up afterwards, once per person, and a 429's Retry-After holds every
 * instance. What cannot work without the Web API (a form) says so politely.
 */
import { createServer } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCampaign, startTestBot, type TestBot } from '../support/bot.js';
import { testDatabase, type TestDatabase } from '../support/db.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { postToSlackEndpoint, slashCommandBody } from '../support/slack-sign.js';

/** Well inside Slack's 3 s; the old look-up before the answer alone could take 1.2 s, auth.test 5 s. */
const ANSWER_WITHIN_MS = 1000;

async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 9;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/api/`;
}

type State = 'unreachable' | 'rate-limited' | 'slow';

async function outage(state: State, slack: FakeSlack): Promise<Record<string, string>> {
  if (state === 'unreachable') return { SLACK_API_URL: await closedPortUrl() };
  // Every Web API method misbehaves the same way.
  const answer = state === 'slow' ? { delayMs: 5000 } : { status: 429, retryAfter: 30 };
  for (const method of ['auth.test', 'users.info', 'views.open', 'chat.postMessage', 'conversations.open']) slack.script(method, () => answer);
  return {};
}

const pledges = async (t: TestBot) => (await sql<{ n: number }>`select count(*)::int as n from pledges`.execute(t.bot.database.db)).rows[0]?.n ?? 0;

describe.each<State>(['unreachable', 'rate-limited', 'slow'])('Slack’s Web API %s', (state) => {
  let t: TestBot;
  let second: TestBot;
  let slack: FakeSlack;
  /** response_url lives on hooks.slack.com, apart from the Web API: here a fake of its own that works. */
  let hooks: FakeSlack;
  let db: TestDatabase;

  beforeAll(async () => {
    slack = await startFakeSlack();
    hooks = await startFakeSlack();
    db = await testDatabase();
    const env = await outage(state, slack);
    t = await startTestBot({ slack, database: db, env, productionRetries: true });
    // A second instance on the same database, as a deployment with two replicas.
    second = await startTestBot({ slack, database: db, env, productionRetries: true });
    await seedCampaign(t.bot);
  }, 30_000);
  afterAll(async () => {
    await t?.close();
    await second?.close();
    await slack?.close();
    await hooks?.close();
    await db?.drop();
  });

  it('answers every /pledge at once with the amount understood, records each once, asks users.info at most once per person', async () => {
    const people = Array.from({ length: 12 }, (_, i) => `UNEW${state.length}${i}`);
    for (const [i, user] of people.entries()) {
      const bot = i % 2 === 0 ? t : second;
      for (const amount of ['1 500', '250']) {
        const started = Date.now();
        const res = await postToSlackEndpoint(bot.url, { body: slashCommandBody('/pledge', amount, { user }) });
        const elapsed = Date.now() - started;
        expect(res.status).toBe(200);
        expect(((await res.json()) as { text: string }).text).toContain(amount);
        expect(elapsed).toBeLessThan(ANSWER_WITHIN_MS);
      }
    }
    expect(await pledges(t)).toBe(people.length * 2);
    const lookups = slack.callsTo('users.info');
    for (const user of people) expect(lookups.filter((c) => c.form.user === user).length).toBeLessThanOrEqual(1);
    // 429 with Retry-After: 30 — once one instance heard it, neither asks again for anyone.
    if (state === 'rate-limited') expect(lookups.length).toBe(1);
  }, 60_000);

  it('says politely that the form could not open, through the response_url', async () => {
    const res = await postToSlackEndpoint(t.url, { body: slashCommandBody('/pledge', '', { user: 'UFORM', responseUrl: `${hooks.url}/response/form` }) });
    expect(res.status).toBe(200);
    await expect
      .poll(() => hooks.responses.find((r) => r.id === 'form')?.body, { timeout: 8000 })
      .toMatchObject({
        response_type: 'ephemeral',
        text: expect.stringContaining('le formulaire n’a pas pu s’ouvrir') as unknown,
      });
  }, 15_000);
});
