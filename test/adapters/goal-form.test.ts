import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentCampaign, seedCampaign, startTestBot, type TestBot } from '../support/bot.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import { until } from '../support/photos.js';
import { payloadBody, postToSlackEndpoint, slashCommandBody } from '../support/slack-sign.js';
import { viewSubmission } from '../support/slack-view-submission.js';
import { executeInvoke, person, personalMessage, postActivity, submitMessage } from '../support/teams-activities.js';

/**
 * `/caravan goal`, end to end: a signed slash command opens the modal on the strict fake Slack (it
 * refuses any view Slack would refuse), its submission comes back with errors on their fields or
 * changes the goal; on Teams the typed command answers a card the strict fake Bot Connector checks,
 * and its Action.Execute does the same. The campaign's goal is read where everyone sees it: the API.
 */

const HR_TEAMS = person(41);
const NOT_HR_TEAMS = person(42);

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot({
    env: { DEFAULT_LOCALE: 'fr', ADMINS: `slack:UHR,slack:UHREN,teams:${HR_TEAMS.aadObjectId}` },
    outbox: { autostart: false },
  });
  await seedCampaign(t.bot);
  t.slack.users.set('UHREN', { locale: 'en-GB', name: 'Hannah' });
  // The Slack profile (and its language) is read after a first answer: say hello once, then wait for it.
  expect((await postToSlackEndpoint(t.url, { body: slashCommandBody('/caravan', '', { user: 'UHREN' }) })).status).toBe(200);
  const stored = () => t.bot.database.db.selectFrom('identities').select('locale').where('user_id', '=', 'UHREN').executeTakeFirst();
  await until(async () => (await stored())?.locale === 'en', 'UHREN’s profile stored');
});
afterAll(async () => t?.close());

const campaign = async () => {
  const { goalMinor, endsOn } = (await currentCampaign(t.url)).body.campaign;
  return { goalMinor, endsOn };
};

async function slash(user: string, text: string) {
  const res = await postToSlackEndpoint(t.url, { body: slashCommandBody('/caravan', text, { user }) });
  expect(res.status).toBe(200);
  const body = await res.text();
  return body ? ((JSON.parse(body) as { text?: string }).text ?? '') : '';
}

interface OpenedView {
  callback_id: string;
  private_metadata: string;
  title: { text: string };
  blocks: Array<{ block_id?: string; type: string; label?: { text: string }; element?: { initial_value?: string; initial_date?: string } }>;
}

async function openModal(user: string, text = 'goal'): Promise<OpenedView> {
  const triggerId = `trigger-goal-${user}-${Date.now()}`;
  const res = await postToSlackEndpoint(t.url, { body: slashCommandBody('/caravan', text, { user, triggerId }) });
  expect(res.status).toBe(200);
  await until(async () => t.slack.callsTo('views.open').some((c) => c.form.trigger_id === triggerId), 'the modal opened');
  return t.slack.callsTo('views.open').find((c) => c.form.trigger_id === triggerId)?.form.view as OpenedView;
}

async function submitModal(view: OpenedView, user: string, viewId: string, goal: string, endsOn: string | null) {
  const payload = viewSubmission(view, user, viewId, {
    goal: { type: 'plain_text_input', value: goal },
    endsOn: { type: 'datepicker', selected_date: endsOn },
  });
  const res = await postToSlackEndpoint(t.url, { body: payloadBody(payload) });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

const toldPrivately = (user: string) =>
  [...t.slack.callsTo('chat.postEphemeral'), ...t.slack.callsTo('chat.postMessage')]
    .filter((c) => c.form.user === user || c.form.channel === user)
    .map((c) => JSON.stringify(c.form))
    .join('\n');

describe('/caravan goal on Slack', () => {
  it('someone who is not HR is refused and the goal stays', async () => {
    expect(await slash('UNOTHR', 'goal 200 000')).toContain('réservée à l’équipe RH');
    expect(await slash('UNOTHR', 'objectif')).toContain('réservée à l’équipe RH');
    expect(await campaign()).toEqual({ goalMinor: 15_000_000, endsOn: '2026-12-15' });
  });

  it('HR changes the goal in the command itself and reads the progress against it', async () => {
    const answer = await slash('UHR', 'objectif 175 000');
    expect(answer).toContain('L’objectif passe de 150 000 MAD à 175 000 MAD.');
    expect(answer).toContain('0 MAD promis sur un objectif de 175 000 MAD (0 %)');
    expect(await campaign()).toEqual({ goalMinor: 17_500_000, endsOn: '2026-12-15' });
    expect(await slash('UHR', 'goal 0')).toContain('L’objectif doit être supérieur à zéro.');
    expect(await campaign()).toEqual({ goalMinor: 17_500_000, endsOn: '2026-12-15' });
  });

  it('`goal` alone opens the modal prefilled; bad values come back on their fields (French), a good one changes goal and last day', async () => {
    const view = await openModal('UHR');
    expect(view.callback_id).toBe('caravane_form:goal');
    expect(view.title.text).toBe('Objectif de la campagne');
    const block = (id: string) => view.blocks.find((b) => b.block_id === id);
    expect(block('goal')?.element?.initial_value).toBe('175 000');
    expect(block('endsOn')?.element?.initial_date).toBe('2026-12-15');

    const bad = await submitModal(view, 'UHR', 'VGOAL1', 'beaucoup', '2026-11-20');
    expect(bad.body).toEqual({
      response_action: 'errors',
      errors: { goal: 'Je n’ai pas compris le montant « beaucoup ». Écrivez-le comme 500, 1 500 ou 1500,50 (en dirhams).' },
    });
    const early = await submitModal(view, 'UHR', 'VGOAL2', '200 000', '2026-11-20');
    expect(early.body).toEqual({ response_action: 'errors', errors: { endsOn: 'Le dernier jour ne peut pas être avant aujourd’hui (27 novembre 2026).' } });
    expect(await campaign()).toEqual({ goalMinor: 17_500_000, endsOn: '2026-12-15' });

    // Every feature of this instance reads the same campaign: the in-kind needs' view is warm here.
    expect((await t.bot.deps.needs.campaigns.current('2026-11-27'))?.endsOn).toBe('2026-12-15');
    const good = await submitModal(view, 'UHR', 'VGOAL3', '200.000,00', '2026-12-31');
    expect(good).toEqual({ status: 200, body: null });
    expect(await campaign()).toEqual({ goalMinor: 20_000_000, endsOn: '2026-12-31' });
    expect(await t.bot.deps.needs.campaigns.current('2026-11-27')).toMatchObject({ goalMinor: 20_000_000, endsOn: '2026-12-31' });
    await until(async () => toldPrivately('UHR').includes('L’objectif passe de 175 000 MAD à 200 000 MAD.'), 'HR told the new goal');
    expect(toldPrivately('UHR')).toContain('La campagne se termine désormais le 31 décembre 2026.');
  });

  it('in English for an English-speaking HR person; someone else submitting the modal is refused and nothing changes', async () => {
    const view = await openModal('UHREN', 'goal');
    expect(view.title.text).toBe('Campaign goal');
    expect(view.blocks.find((b) => b.block_id === 'goal')?.element?.initial_value).toBe('200,000');
    const bad = await submitModal(view, 'UHREN', 'VGOAL4', '-5', '2026-11-01');
    expect(bad.body).toEqual({ response_action: 'errors', errors: { goal: 'The goal must be more than zero.' } });
    const early = await submitModal(view, 'UHREN', 'VGOAL5', '200,000', '2026-11-01');
    expect(early.body).toEqual({ response_action: 'errors', errors: { endsOn: 'The last day cannot be before the campaign’s first day (15 November 2026).' } });
    // Someone whose language Slack has not told yet reads the form's language.
    const stranger = await submitModal(view, 'UNOTHR', 'VGOAL6', '1', null);
    expect(stranger.body).toEqual({ response_action: 'errors', errors: { goal: 'This command is for the caravan’s HR team only.' } });
    expect(await campaign()).toEqual({ goalMinor: 20_000_000, endsOn: '2026-12-31' });
  });
});

type TeamsCard = { body: Array<Record<string, unknown>>; actions?: Array<{ data?: Record<string, unknown> }> };

async function teamsCard(connector: FakeConnector, who: typeof HR_TEAMS, text: string, locale: string): Promise<TeamsCard | undefined> {
  await postActivity(t.url, personalMessage(connector.url, who, text, { locale }));
  return (connector.sent().at(-1)?.body?.attachments as Array<{ content: TeamsCard }> | undefined)?.[0]?.content;
}

const texts = (card: TeamsCard) => card.body.filter((b) => b.type === 'TextBlock').map((b) => String(b.text));

describe('caravan goal on Teams', () => {
  it('typed by HR, answers the card; Execute with a bad goal shows it under the field, a good one changes the goal', async () => {
    const connector = await startFakeConnector();
    try {
      const card = await teamsCard(connector, HR_TEAMS, 'caravane objectif', 'fr-FR');
      expect(card?.body.filter((b) => String(b.type).startsWith('Input.')).map((b) => [b.id, b.value])).toEqual([
        ['goal', '200 000'],
        ['endsOn', '2026-12-31'],
      ]);
      const data = card?.actions?.[0]?.data ?? {};
      const before = await campaign();

      const bad = await postActivity(t.url, executeInvoke(connector.url, HR_TEAMS, { ...data, goal: '0', endsOn: '2026-12-31' }, { locale: 'fr-FR' }));
      const again = (bad.body as { value: TeamsCard }).value;
      expect(again.body.filter((b) => b.color === 'Attention').map((b) => String(b.text))).toEqual(['L’objectif doit être supérieur à zéro.']);
      expect(again.body.find((b) => b.id === 'goal')?.value).toBe('0');
      expect(await campaign()).toEqual(before);

      const good = await postActivity(t.url, executeInvoke(connector.url, HR_TEAMS, { ...data, goal: '٢٥٠٠٠٠', endsOn: '2026-12-31' }, { locale: 'fr-FR' }));
      expect(texts((good.body as { value: TeamsCard }).value).join(' ')).toContain('L’objectif passe de 200 000 MAD à 250 000 MAD.');
      expect(await campaign()).toEqual({ goalMinor: 25_000_000, endsOn: '2026-12-31' });

      // Older clients send Action.Submit, a message with the card's values: the card is updated in place.
      await postActivity(t.url, {
        ...submitMessage(connector.url, HR_TEAMS, { ...data, goal: '260 000', endsOn: '2026-12-31' }, 'goal-card-1'),
        locale: 'fr-FR',
      });
      const update = connector.updated().at(-1);
      expect(update?.activityId).toBe('goal-card-1');
      const receipt = (update?.body?.attachments as Array<{ content: TeamsCard }>)[0]?.content;
      expect(receipt && texts(receipt).join(' ')).toContain('L’objectif passe de 250 000 MAD à 260 000 MAD.');
      // Another press (a new activity) sets the goal back.
      await postActivity(t.url, {
        ...submitMessage(connector.url, HR_TEAMS, { ...data, goal: '250 000', endsOn: '2026-12-31' }, 'goal-card-1'),
        id: 'goal-submit-2',
        locale: 'fr-FR',
      });
      expect(await campaign()).toEqual({ goalMinor: 25_000_000, endsOn: '2026-12-31' });
    } finally {
      await connector.close();
    }
  });

  it('in English; someone who is not HR gets no card, and pressing HR’s card changes nothing', async () => {
    const connector = await startFakeConnector();
    try {
      const card = await teamsCard(connector, HR_TEAMS, 'caravan goal', 'en-US');
      expect(card?.body.filter((b) => String(b.type).startsWith('Input.')).map((b) => b.label)).toEqual(['Goal (MAD)', 'Last day (optional)']);
      const data = card?.actions?.[0]?.data ?? {};
      const bad = await postActivity(t.url, executeInvoke(connector.url, HR_TEAMS, { ...data, goal: '250000', endsOn: '2026-11-26' }, { locale: 'en-US' }));
      expect(texts((bad.body as { value: TeamsCard }).value)).toContain('The last day cannot be before today (27 November 2026).');

      await postActivity(t.url, personalMessage(connector.url, NOT_HR_TEAMS, 'caravan goal', { locale: 'en-US' }));
      expect(String(connector.sent().at(-1)?.body?.text)).toContain('for the caravan’s HR team only');
      const pressed = await postActivity(t.url, executeInvoke(connector.url, NOT_HR_TEAMS, { ...data, goal: '1', endsOn: '' }, { locale: 'en-US' }));
      expect(texts((pressed.body as { value: TeamsCard }).value).join(' ')).toContain('for the caravan’s HR team only');
      expect(await campaign()).toEqual({ goalMinor: 25_000_000, endsOn: '2026-12-31' });
    } finally {
      await connector.close();
    }
  });
});
