/**
 * A refused pledge explains itself in the person's language and in the campaign's own currency, the
 * same through Slack's modal, Slack's `/pledge` and the Teams card: the limit comes with the error,
 * and nothing is recorded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { currentCampaign, seedCampaign, startTestBot, type TestBot } from '../support/bot.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import { until } from '../support/photos.js';
import { payloadBody, postToSlackEndpoint, slashCommandBody } from '../support/slack-sign.js';
import { executeInvoke, person, postActivity } from '../support/teams-activities.js';
import { cardTexts, teamsForm, type Card } from '../support/volunteer-forms.js';

const errorsAnswer = z.object({ response_action: z.literal('errors'), errors: z.record(z.string(), z.string()) });
const invokeCard = z.object({ value: z.custom<Card>((v) => typeof v === 'object' && v !== null) });
const view = z.object({ callback_id: z.string(), private_metadata: z.string(), blocks: z.array(z.unknown()) });

let t: TestBot;
let connector: FakeConnector;
const TEAMS_FR = person('eur-fr');
const TEAMS_EN = person('eur-en');

beforeAll(async () => {
  connector = await startFakeConnector();
  t = await startTestBot({ env: { PLEDGE_MAX: '5000' }, outbox: { autostart: false } });
  await seedCampaign(t.bot, { name: 'Caravane Europe', currency: 'EUR' });
  t.slack.users.set('UEUREN', { locale: 'en-US', name: 'Emma' });
  t.slack.users.set('UEURFR', { locale: 'fr-FR', name: 'Fatima' });
  // Someone new is answered in the default language; their Slack profile is read after that first answer.
  for (const user of ['UEUREN', 'UEURFR']) expect((await postToSlackEndpoint(t.url, { body: slashCommandBody('/caravan', '', { user }) })).status).toBe(200);
  const stored = (user: string) => t.bot.database.db.selectFrom('identities').select('locale').where('user_id', '=', user).executeTakeFirst();
  for (const [user, locale] of [
    ['UEUREN', 'en'],
    ['UEURFR', 'fr'],
  ] as const)
    await until(async () => (await stored(user))?.locale === locale, `${user}'s profile`);
});
afterAll(async () => {
  await t?.close();
  await connector?.close();
});

let seq = 0;
async function openModal(user: string) {
  const triggerId = `eur-${user}-${++seq}`;
  expect((await postToSlackEndpoint(t.url, { body: slashCommandBody('/pledge', '', { user, triggerId, channel: 'CEUR' }) })).status).toBe(200);
  await until(() => t.slack.callsTo('views.open').some((c) => c.form.trigger_id === triggerId), `the pledge form for ${user}`);
  return view.parse(t.slack.callsTo('views.open').find((c) => c.form.trigger_id === triggerId)?.form.view);
}

async function submitModal(user: string, amount: string) {
  const opened = await openModal(user);
  const payload = {
    type: 'view_submission',
    team: { id: 'T111', domain: 'caravane' },
    user: { id: user, team_id: 'T111' },
    api_app_id: 'A111',
    view: {
      id: `VEUR${++seq}`,
      team_id: 'T111',
      type: 'modal',
      callback_id: opened.callback_id,
      private_metadata: opened.private_metadata,
      blocks: opened.blocks,
      state: {
        values: {
          amount: { value: { type: 'plain_text_input', value: amount } },
          anonymous: { value: { type: 'checkboxes', selected_options: [] } },
          note: { value: { type: 'plain_text_input', value: null } },
        },
      },
    },
  };
  const res = await postToSlackEndpoint(t.url, { body: payloadBody(payload) });
  expect(res.status).toBe(200);
  return errorsAnswer.parse(await res.json()).errors;
}

async function slashPledge(user: string, text: string): Promise<string> {
  const res = await postToSlackEndpoint(t.url, { body: slashCommandBody('/pledge', text, { user }) });
  expect(res.status).toBe(200);
  return JSON.stringify(await res.json());
}

async function teamsSubmit(who: ReturnType<typeof person>, locale: string, amount: string): Promise<string> {
  const { card } = await teamsForm(t, connector, who, 'pledge', locale);
  expect(card).not.toBeNull();
  const data = { ...(card?.actions?.[0]?.data ?? {}), amount, anonymous: 'false', note: '' };
  const res = await postActivity(t.url, executeInvoke(connector.url, who, data, { locale }));
  expect(res.status).toBe(200);
  return cardTexts(invokeCard.parse(res.body).value).join('\n');
}

describe.each([
  { lang: 'French', slack: 'UEURFR', teams: TEAMS_FR, locale: 'fr-FR', small: /minimum est de 1\sEUR/, large: /maximum d’une promesse est de 5\s000\sEUR/ },
  { lang: 'English', slack: 'UEUREN', teams: TEAMS_EN, locale: 'en-US', small: /minimum amount is 1\sEUR/, large: /maximum for one pledge is 5,000\sEUR/ },
])('a pledge outside the limits, in $lang, in the campaign’s currency (EUR)', ({ slack, teams, locale, small, large }) => {
  it('the Slack modal and the Teams card say the amount is in euros, never in dirhams', async () => {
    const modal = JSON.stringify(await openModal(slack));
    const { card } = await teamsForm(t, connector, teams, 'pledge', locale);
    for (const form of [modal, JSON.stringify(card)]) {
      expect(form).toMatch(/(Montant|Amount) \(EUR\)/);
      expect(form).toMatch(/(en|in) euros\./);
      expect(form).not.toMatch(/MAD|dirham/);
    }
  });

  it('the Slack modal shows the limit on the amount field', async () => {
    const before = (await currentCampaign(t.url)).body.campaign.pledges;
    const tooSmall = await submitModal(slack, '0,50');
    expect(tooSmall.amount).toMatch(small);
    const tooLarge = await submitModal(slack, '5001');
    expect(tooLarge.amount).toMatch(large);
    expect(JSON.stringify([tooSmall, tooLarge])).not.toContain('MAD');
    expect((await currentCampaign(t.url)).body.campaign.pledges).toBe(before);
  });

  it('an empty or unreadable amount in a form: a number as the example (no command), the amount in euros', async () => {
    const unreadable = (await submitModal(slack, 'beaucoup')).amount;
    expect(unreadable).toMatch(/\((en|in) euros\)\.$/);
    const empty = await teamsSubmit(teams, locale, '');
    expect(empty).toMatch(/(Indiquez un montant, par exemple 500\.|Give an amount, for example 500\.)/);
    expect(empty).not.toMatch(/pledge 500/);
    expect(await teamsSubmit(teams, locale, 'beaucoup')).toMatch(/\((en|in) euros\)\./);
  });

  it('`/pledge` says the same', async () => {
    expect(await slashPledge(slack, '0,50')).toMatch(small);
    const absurd = await slashPledge(slack, '99999999999999999999');
    expect(absurd).toMatch(large);
    expect(absurd).not.toContain('MAD');
  });

  it('the Teams card comes back with the limit under the amount', async () => {
    const before = (await currentCampaign(t.url)).body.campaign.pledges;
    const answer = await teamsSubmit(teams, locale, '0.5');
    expect(answer).toMatch(small);
    expect(await teamsSubmit(teams, locale, '6000')).toMatch(large);
    expect((await currentCampaign(t.url)).body.campaign.pledges).toBe(before);
  });
});
