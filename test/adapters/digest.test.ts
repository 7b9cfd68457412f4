import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCampaign, startTestBot, TEST_NOW, type TestBot } from '../support/bot.js';
import { secondHandle } from '../support/db.js';
import { deliverAll } from '../support/outbox.js';
import { postToSlackEndpoint, slashCommandBody } from '../support/slack-sign.js';

/** Two bot instances on one database and one Slack, both firing the digest every second. */
let a: TestBot;
let b: TestBot;
const DAY_MS = 86_400_000;
const env = { ADMINS: 'slack:UHR', DEFAULT_LOCALE: 'fr', DIGEST_CRON: '* * * * * *' };

beforeAll(async () => {
  // Set up before the campaign opens, so that no firing can claim the first day before both
  // channels are registered; then both instances move into the campaign.
  const before = new Date('2026-11-10T11:00:00Z');
  a = await startTestBot({ env, outbox: { pollMs: 50 }, now: before });
  const handle = await secondHandle(a.db);
  const shared = { ...handle, kind: a.db.kind, url: a.db.url, drop: async () => (handle === a.db ? undefined : handle.close()) };
  b = await startTestBot({ env, database: shared, slack: a.slack, outbox: { pollMs: 50 }, now: before });
  await seedCampaign(a.bot);
  for (const channel of ['CDIG1', 'CDIG2']) await command('/caravan', 'channel', 'UHR', channel);
  moveTo(TEST_NOW);
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});

async function command(name: string, text: string, user: string, channel = 'CELSEWHERE'): Promise<string> {
  const res = await postToSlackEndpoint(a.url, { body: slashCommandBody(name, text, { user, channel }) });
  return ((await res.json()) as { text: string }).text;
}

const digests = (channel: string) => a.slack.posted.filter((p) => p.channel === channel && /Le point du jour|Campagne terminée/.test(p.text));

async function waitFor(check: () => boolean, ms = 8000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Both instances move to the same moment. */
function moveTo(at: Date): void {
  a.clock.set(at);
  b.clock.set(at);
}

describe(`daily digest with two bot instances on one database (${process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('is posted once per channel although both instances fire it every second', async () => {
    await waitFor(() => digests('CDIG1').length > 0 && digests('CDIG2').length > 0);
    // Several more firings on both instances: nothing new.
    await new Promise((r) => setTimeout(r, 2500));
    await deliverAll(a.bot, a.clock);
    expect(digests('CDIG1')).toHaveLength(1);
    expect(digests('CDIG2')).toHaveLength(1);
    const text = digests('CDIG1')[0]?.text ?? '';
    expect(text).toContain('Caravane 2026');
    expect(text).toContain('0 MAD promis sur un objectif de 150 000 MAD (0 %)');
    expect(text).toContain('18 jours restants');
  });

  it('the next day says what changed since yesterday, without naming anyone', async () => {
    a.slack.users.set('UDONOR', { name: 'Youssef Alaoui' });
    await command('/pledge', '500', 'UDONOR');
    moveTo(new Date(a.clock.now().getTime() + DAY_MS));
    const runs = await Promise.all([a.bot.digest.run(), b.bot.digest.run()]);
    // The every-second schedule may have been first; either way at most one run posts the day.
    expect(runs.filter((r) => r.status === 'posted').length).toBeLessThanOrEqual(1);
    await deliverAll(a.bot, a.clock);
    expect(digests('CDIG1')).toHaveLength(2);
    const text = digests('CDIG1')[1]?.text ?? '';
    expect(text).toContain('Depuis hier : +500 MAD promis, +1 donateur.');
    expect(text).toContain('17 jours restants');
    expect(text).not.toContain('Youssef');
  });

  it('a day without change gets the short form', async () => {
    moveTo(new Date(a.clock.now().getTime() + DAY_MS));
    await Promise.all([a.bot.digest.run(), b.bot.digest.run()]);
    await deliverAll(a.bot, a.clock);
    const text = digests('CDIG2').at(-1)?.text ?? '';
    expect(digests('CDIG2')).toHaveLength(3);
    expect(text).toContain('Pas de changement depuis hier. 500 MAD promis');
    expect(text).not.toMatch(/donateur/);
  });

  it('the day after the campaign ends brings one closing digest, then nothing', async () => {
    moveTo(new Date('2026-12-16T09:00:00Z'));
    await Promise.all([a.bot.digest.run(), b.bot.digest.run()]);
    await deliverAll(a.bot, a.clock);
    const closing = digests('CDIG1').at(-1)?.text ?? '';
    expect(closing).toContain('Campagne terminée — Caravane 2026');
    expect(closing).toContain('Merci à toutes et à tous');
    moveTo(new Date('2026-12-17T09:00:00Z'));
    expect((await a.bot.digest.run()).status).toBe('skipped');
    await deliverAll(a.bot, a.clock);
    expect(digests('CDIG1')).toHaveLength(4);
    expect(digests('CDIG2')).toHaveLength(4);
  });
});
