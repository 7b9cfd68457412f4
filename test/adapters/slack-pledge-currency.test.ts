/**
 * `/pledge` over signed Slack HTTP takes the amount in the campaign's own currency, written as people
 * write it (`500 €`), and refuses an amount in another currency rather than counting it as the
 * campaign's: nothing is recorded and the answer names the currency the campaign counts in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentCampaign, seedCampaign, startTestBot, type TestBot } from '../support/bot.js';
import { postToSlackEndpoint, slashCommandBody } from '../support/slack-sign.js';

let euro: TestBot;
let dirham: TestBot;

beforeAll(async () => {
  [euro, dirham] = await Promise.all([startTestBot(), startTestBot()]);
  await seedCampaign(euro.bot, { name: 'Caravane Europe', currency: 'EUR' });
  await seedCampaign(dirham.bot);
});
afterAll(async () => {
  await euro?.close();
  await dirham?.close();
});

async function pledge(t: TestBot, text: string): Promise<string> {
  const res = await postToSlackEndpoint(t.url, { body: slashCommandBody('/pledge', text, { user: 'UCURRENCY' }) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { text: string }).text;
}

describe('/pledge 500 € over Slack HTTP', () => {
  it('is recorded as 500 euros in a campaign counted in euros, the sign part of the amount, not of the note', async () => {
    const answer = await pledge(euro, '500 €');
    expect(answer).toContain('500 EUR');
    expect(answer).not.toMatch(/MAD|dirham/);
    expect(await pledge(euro, '€250 merci')).toContain('250 EUR');
    expect(Number((await currentCampaign(euro.url)).body.campaign.pledgedMinor)).toBe(75_000);
    const notes = await euro.bot.database.db.selectFrom('pledges').select('note').orderBy('id').execute();
    expect(notes.map((p) => p.note)).toEqual([null, 'merci']);
  });

  it('is refused in a campaign counted in dirhams, saying so, and nothing is recorded', async () => {
    const answer = await pledge(dirham, '500 €');
    expect(answer).toContain('La campagne compte en dirhams (MAD) : « 500 € » est dans une autre monnaie.');
    expect(Number((await currentCampaign(dirham.url)).body.campaign.pledges)).toBe(0);
  });

  it('is refused when punctuation follows the sign, the note after it never taking the currency', async () => {
    const answer = await pledge(dirham, '500 €, pour Imlil');
    expect(answer).toContain('La campagne compte en dirhams (MAD) : « 500 € » est dans une autre monnaie.');
    expect(Number((await currentCampaign(dirham.url)).body.campaign.pledges)).toBe(0);
  });
});

describe('/pledge 500 SOS Villages d’Enfants over Slack HTTP', () => {
  it('is 500 dirhams for the charity: a capitalised word after the number is the note, not a currency', async () => {
    const answer = await pledge(dirham, "500 SOS Villages d'Enfants");
    expect(answer).toContain('500 MAD');
    const { campaign } = (await currentCampaign(dirham.url)).body;
    expect(Number(campaign.pledges)).toBe(1);
    expect(Number(campaign.pledgedMinor)).toBe(50_000);
    const notes = await dirham.bot.database.db.selectFrom('pledges').select('note').execute();
    expect(notes.map((p) => p.note)).toEqual(["SOS Villages d'Enfants"]);
  });
});
