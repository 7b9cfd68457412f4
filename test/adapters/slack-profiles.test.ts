/**
 * Profiles are refreshed after the answer at Slack's own pace for users.info (Tier 4, about 100 a
 * minute): a crowd of newcomers pledging at once is answered at once, and their look-ups follow in a
 * short burst, then one at a time, until everyone's name and language are stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCampaign, startTestBot, type TestBot } from '../support/bot.js';
import { postToSlackEndpoint, slashCommandBody } from '../support/slack-sign.js';

const BURST = 20;
const EVERY_MS = 600;
const CROWD = 25;

let t: TestBot;

beforeAll(async () => {
  t = await startTestBot();
  for (let i = 0; i < CROWD; i++) t.slack.users.set(`UCROWD${i}`, { locale: 'en-US', name: `Person ${i}` });
  await seedCampaign(t.bot);
}, 60_000);
afterAll(async () => t?.close());

describe('Slack profile look-ups after a crowd of first pledges', () => {
  it('answers everyone at once, then looks each person up once: a burst, then at a steady pace', async () => {
    const answers = await Promise.all(
      Array.from({ length: CROWD }, (_, i) => postToSlackEndpoint(t.url, { body: slashCommandBody('/pledge', '100', { user: `UCROWD${i}` }) })),
    );
    for (const res of answers) expect(((await res.json()) as { text: string }).text).toContain('100');

    const lookups = () => t.slack.callsTo('users.info').filter((c) => String(c.form.user).startsWith('UCROWD'));
    await expect.poll(() => lookups().length, { timeout: 20_000, interval: 100 }).toBe(CROWD);
    const at = lookups()
      .map((c) => c.at)
      .sort((a, b) => a - b);
    const first = at[0] ?? 0;
    // Beyond the burst, the n-th extra look-up comes n intervals after the first, give or take one
    // (the pace is kept before the database look-ups that precede each call, which vary).
    for (let i = BURST; i < at.length; i++) expect((at[i] ?? 0) - first).toBeGreaterThanOrEqual((i - BURST) * EVERY_MS);
    expect(new Set(lookups().map((c) => c.form.user)).size).toBe(CROWD);

    // What the look-ups said is stored: the last person's next answer is in English.
    const stored = () =>
      t.bot.database.db
        .selectFrom('identities')
        .select('locale')
        .where('user_id', '=', `UCROWD${CROWD - 1}`)
        .executeTakeFirst();
    await expect.poll(async () => (await stored())?.locale, { timeout: 5000 }).toBe('en');
  }, 60_000);
});
