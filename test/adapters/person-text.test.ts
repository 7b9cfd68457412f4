import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTrip } from '../../src/volunteers/trips.service.js';
import { seedCampaign, startTestBot, type TestBot } from '../support/bot.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import { need, site } from '../support/needs.js';
import { until } from '../support/photos.js';
import { postToSlackEndpoint, slashCommandBody } from '../support/slack-sign.js';
import { person, personalMessage, postActivity } from '../support/teams-activities.js';
import { cardTexts, selectOptions, slashForm, submitSlackSignup, submitTeamsSignup, teamsForm, type Card } from '../support/volunteer-forms.js';

/**
 * Names HR or a person typed — a campaign, a site and its item word, a trip named in a refusal —
 * reach people as text: on Slack as entities with no mention or bold, on Teams with markdown escaped.
 */

const NASTY = '& < > * _ <!here> <@U123>';
/** How Slack must show it: entities, and each formatting character fenced by zero-width spaces. */
const ON_SLACK = '&amp; &lt; &gt; \u200B*\u200B \u200B_\u200B &lt;!here&gt; &lt;@U123&gt;';
const ON_TEAMS = '& \\< \\> \\* \\_ \\<!here\\> \\<@U123\\>';

/** A trip name as HR typed it. */
const TIZI = 'Imlil & <Tizi> *2026*';

let t: TestBot;
let connector: FakeConnector;
const FR_TEAMS = person('pt-fr', { name: 'Fatima' });

beforeAll(async () => {
  connector = await startFakeConnector();
  t = await startTestBot({ env: { ADMINS: 'slack:UHR' }, outbox: { autostart: false } });
  await seedCampaign(t.bot, { name: `Caravane ${NASTY}` });
  t.slack.users.set('UEN', { locale: 'en-US', name: 'Emma' });
  t.slack.users.set('UHR', { locale: 'fr-FR', name: 'Hanae' });
  await site(t.bot.deps, `Douar ${NASTY}`);
  await need(t.bot.deps, `Douar ${NASTY}`, 'couvertures', '', 5);
  const trip = await createTrip(
    t.bot.deps,
    { console: true },
    {
      name: `Imlil ${NASTY}`,
      startsOn: '2026-12-12',
      endsOn: '2026-12-14',
      seats: 3,
      roles: [],
      meetingPoint: 'Parking',
      meetingTime: '07:30',
      deadline: null,
    },
  );
  if (!trip.ok) throw new Error(trip.error.code);
  const later = await createTrip(
    t.bot.deps,
    { console: true },
    { name: TIZI, startsOn: '2026-12-19', endsOn: '2026-12-21', seats: 3, roles: [], meetingPoint: 'Parking', meetingTime: '07:30', deadline: null },
  );
  if (!later.ok) throw new Error(later.error.code);
});
afterAll(async () => {
  await t?.close();
  await connector?.close();
});

async function slash(command: string, text: string, user: string): Promise<string> {
  const res = await postToSlackEndpoint(t.url, { body: slashCommandBody(command, text, { user }) });
  expect(res.status).toBe(200);
  const raw = await res.text();
  return raw ? JSON.stringify(JSON.parse(raw)) : '';
}

async function teams(text: string): Promise<string> {
  const activity = personalMessage(connector.url, FR_TEAMS, text, { locale: 'fr-FR' });
  await postActivity(t.url, activity);
  return JSON.stringify(connector.sent((activity.conversation as { id: string }).id).at(-1)?.body ?? {});
}

/** JSON.stringify doubles each backslash; the Teams text is compared as it is sent. */
const json = (s: string) => JSON.stringify(s).slice(1, -1);

function noMention(shown: string) {
  expect(shown).not.toContain('<!here>');
  expect(shown).not.toContain('<@U123>');
}

describe('a campaign name', () => {
  it('is text in the Slack pledge list title', async () => {
    const shown = await slash('/pledge', 'list', 'UEN');
    expect(shown).toContain(json(ON_SLACK));
    noMention(shown);
  });

  it('is text in the comment of HR’s volunteers file on Slack', async () => {
    expect(await slash('/caravan', 'export volunteers', 'UHR')).toContain('message privé');
    await until(() => t.slack.callsTo('files.completeUploadExternal').length > 0, 'the volunteers file');
    const comment = String(t.slack.callsTo('files.completeUploadExternal').at(-1)?.form.initial_comment);
    expect(comment).toContain(ON_SLACK);
    noMention(comment);
  });

  it('is escaped in the Teams pledge list title', async () => {
    const shown = await teams('pledge list');
    expect(shown).toContain(json(ON_TEAMS));
    noMention(shown);
  });
});

describe('a site name from the needs', () => {
  it('is text in `/give` on Slack', async () => {
    const shown = await slash('/give', '2 couvertures', 'UEN');
    expect(shown).toContain(json(`Douar ${ON_SLACK}`));
    noMention(shown);
  });

  it('is escaped in `/caravan needs` on Slack and in `give` on Teams', async () => {
    const needs = await slash('/caravan', 'needs', 'UHR');
    expect(needs).toContain(json(`Douar ${ON_SLACK}`));
    noMention(needs);
    const gift = await teams('give 1 couvertures');
    expect(gift).toContain(json(`Douar ${ON_TEAMS}`));
    noMention(gift);
  });
});

describe('a trip name inside a refusal', () => {
  it('the second sign-up’s “already signed up” error shows the trip name as text on Slack', async () => {
    const values = { phone: '0612345678', emergencyName: 'Omar', emergencyPhone: '0698765432', rules: true };
    for (const [i, expectError] of [
      [1, false],
      [2, true],
    ] as const) {
      const { view } = await slashForm(t, '/volunteer', '', 'UEN');
      if (!view) throw new Error('no sign-up form');
      const choice = selectOptions(view)[0]?.value ?? '';
      const answer = await submitSlackSignup(t, view, 'UEN', `V-pt-${i}`, { ...values, choice });
      if (!expectError) continue;
      const shown = JSON.stringify(answer?.errors ?? {});
      expect(answer?.response_action).toBe('errors');
      // Slack shows a modal's field errors as plain text (no mrkdwn, no mention parsing): the name is
      // given as typed, without marks, and without entities that would show as `&amp;`.
      expect(shown).toContain(json(`“Imlil ${NASTY}”`));
      expect(shown).not.toMatch(/[\u2063\u2064]|&amp;/);
    }
  });
});

describe('a trip name inside a Teams refusal', () => {
  it(`the second sign-up for “${TIZI}” is refused with the name as text: no bold, no tag`, async () => {
    const values = { phone: '0612345678', emergencyName: 'Omar', emergencyPhone: '0698765432', rules: true };
    const { card } = await teamsForm(t, connector, FR_TEAMS, 'volunteer', 'fr-FR');
    if (!card) throw new Error('no sign-up card');
    const choices = (card.body.find((b) => b.id === 'choice')?.choices as Array<{ title: string; value: string }> | undefined) ?? [];
    const choice = choices.find((c) => c.title.includes('Tizi'));
    // A choice title is plain text in Teams: the name exactly as typed.
    expect(choice?.title).toContain(TIZI);
    const first = await submitTeamsSignup(t, connector, FR_TEAMS, card, { ...values, choice: choice?.value ?? '' });
    expect(first.type).toBe('application/vnd.microsoft.card.adaptive');
    const again = await submitTeamsSignup(t, connector, FR_TEAMS, card, { ...values, choice: choice?.value ?? '' });
    const shown = typeof again.value === 'string' ? again.value : cardTexts(again.value as Card).join('\n');
    expect(shown).toContain('Imlil & \\<Tizi\\> \\*2026\\*');
    expect(shown).not.toContain('**2026**');
  });
});

describe('the give form’s choices', () => {
  const typed = `Douar ${NASTY}`;

  it('on Slack: plain_text options show the site as typed, with no entity or zero-width space', async () => {
    const { view } = await slashForm(t, '/give', '', 'UEN');
    const options = JSON.stringify(view?.blocks ?? []);
    expect(options).toContain(json(`${typed} · blankets`));
    expect(options).not.toMatch(/&amp;|&lt;|\u200B|[\u2061-\u2064]/);
  });

  it('on Teams: ChoiceSet titles are not markdown, so the site shows without backslashes', async () => {
    const { card } = await teamsForm(t, connector, FR_TEAMS, 'give', 'fr-FR');
    const titles = ((card?.body.find((b) => b.id === 'need')?.choices as Array<{ title: string }> | undefined) ?? []).map((c) => c.title);
    expect(titles.some((title) => title.startsWith(`${typed} · couvertures`))).toBe(true);
    expect(titles.join('\n')).not.toMatch(/\\|[\u2061-\u2064]/);
  });
});
