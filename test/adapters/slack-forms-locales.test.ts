import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTrip } from '../../src/volunteers/trips.service.js';
import { seedCampaign, startTestBot, type TestBot } from '../support/bot.js';
import { until } from '../support/photos.js';
import { payloadBody, postToSlackEndpoint, slashCommandBody } from '../support/slack-sign.js';

/**
 * Every Slack form, opened by an English-speaking and a French-speaking person, against the strict
 * fake: a form whose words break a Block Kit limit in one language only would not open for those people
 * (the fake refuses it like Slack, and the shared afterEach fails the test).
 */

let t: TestBot;

beforeAll(async () => {
  t = await startTestBot({ env: { ADMINS: 'slack:UHREN,slack:UHRFR' }, outbox: { autostart: false } });
  await seedCampaign(t.bot);
  t.slack.users.set('UEN', { locale: 'en-US', name: 'Emma' });
  t.slack.users.set('UFR', { locale: 'fr-FR', name: 'Fatima' });
  t.slack.users.set('UHREN', { locale: 'en-GB', name: 'Hannah' });
  t.slack.users.set('UHRFR', { locale: 'fr-MA', name: 'Hanae' });
  const trip = await createTrip(
    t.bot.deps,
    { console: true },
    {
      name: 'Azilal',
      startsOn: '2026-12-12',
      endsOn: '2026-12-14',
      seats: 3,
      roles: [{ name: 'Chauffeur', seats: 1 }],
      meetingPoint: 'Parking du siège',
      meetingTime: '07:30',
      deadline: null,
    },
  );
  if (!trip.ok) throw new Error(trip.error.code);
  // Someone new is answered in the default language; their Slack profile is read after that first
  // answer, and from then on the bot speaks their language. Each person says hello once first.
  for (const user of ['UEN', 'UFR', 'UHREN', 'UHRFR']) {
    expect((await postToSlackEndpoint(t.url, { body: slashCommandBody('/caravan', '', { user }) })).status).toBe(200);
  }
  const stored = (user: string) => t.bot.database.db.selectFrom('identities').select('locale').where('user_id', '=', user).executeTakeFirst();
  for (const [user, locale] of [
    ['UEN', 'en'],
    ['UFR', 'fr'],
    ['UHREN', 'en'],
    ['UHRFR', 'fr'],
  ] as const) {
    await until(async () => (await stored(user))?.locale === locale, `${user}'s profile stored`);
  }
  // Announcements need a campaign channel to go to.
  await t.bot.deps.messaging.channels.add({ destination: { platform: 'slack', channelId: 'C111' }, kind: 'channel', addedBy: 'slack:UHREN' });
});
afterAll(async () => {
  await t?.close();
});

let seq = 0;
interface View {
  callback_id: string;
  private_metadata: string;
  blocks: Array<{ type: string; block_id?: string; element?: { type: string } }>;
}

/** Opens a form with a slash command and returns the view Slack accepted. */
async function openView(command: string, text: string, user: string): Promise<View> {
  const triggerId = `form-${user}-${++seq}`;
  const res = await postToSlackEndpoint(t.url, {
    body: slashCommandBody(command, text, { user, triggerId, responseUrl: `${t.slack.url}/response/${triggerId}` }),
  });
  expect(res.status).toBe(200);
  await until(() => t.slack.callsTo('views.open').some((c) => c.form.trigger_id === triggerId), `${command} ${text} for ${user}`);
  return t.slack.callsTo('views.open').find((c) => c.form.trigger_id === triggerId)?.form.view as View;
}
const open = async (command: string, text: string, user: string) => JSON.stringify(await openView(command, text, user));

/** What an input holds when the person filled nothing in, per element type (view_submission state). */
function emptyValue(type: string): Record<string, unknown> {
  if (type === 'plain_text_input') return { type, value: null };
  if (type === 'checkboxes') return { type, selected_options: [] };
  if (type === 'datetimepicker') return { type, selected_date_time: null };
  if (type === 'datepicker') return { type, selected_date: null };
  if (type === 'timepicker') return { type, selected_time: null };
  return { type, selected_option: null };
}

/** Submits the form with nothing filled in; returns the field errors Slack would show. */
async function submitEmpty(view: View, user: string): Promise<string> {
  const values = Object.fromEntries(
    view.blocks.filter((b) => b.type === 'input' && b.block_id && b.element).map((b) => [b.block_id, { value: emptyValue(b.element?.type ?? '') }]),
  );
  const payload = {
    type: 'view_submission',
    team: { id: 'T111', domain: 'test-domain' },
    user: { id: user, team_id: 'T111' },
    api_app_id: 'A111',
    token: 'verification_token',
    trigger_id: `empty-${++seq}`,
    view: {
      id: `VEMPTY${seq}`,
      team_id: 'T111',
      type: 'modal',
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      blocks: view.blocks,
      state: { values },
    },
  };
  const res = await postToSlackEndpoint(t.url, { body: payloadBody(payload) });
  expect(res.status).toBe(200);
  const answer = JSON.parse((await res.text()) || '{}') as { response_action?: string; errors?: Record<string, string> };
  expect(answer.response_action).toBe('errors');
  return Object.values(answer.errors ?? {}).join('\n');
}

describe.each([
  { lang: 'English', person: 'UEN', hr: 'UHREN', words: { pledge: 'Amount', volunteer: 'I accept the trip’s rules', trip: 'Seats', announce: 'Send now' } },
  {
    lang: 'French',
    person: 'UFR',
    hr: 'UHRFR',
    words: { pledge: 'Montant', volunteer: 'J’accepte les règles du voyage', trip: 'Nombre de places', announce: 'Envoyer maintenant' },
  },
])('every Slack form in $lang', ({ person, hr, words }) => {
  it('the pledge form', async () => {
    expect(await open('/pledge', '', person)).toContain(words.pledge);
  });
  it('the sign-up form', async () => {
    expect(await open('/volunteer', '', person)).toContain(words.volunteer);
  });
  it('HR’s trip form', async () => {
    expect(await open('/caravan', 'trip', hr)).toContain(words.trip);
  });
  it('HR’s announcement form', async () => {
    expect(await open('/caravan', 'announce', hr)).toContain(words.announce);
  });
});

describe.each([
  {
    lang: 'English',
    person: 'UEN',
    hr: 'UHREN',
    other: /\b(le|la|les|votre|vous|Indiquez|Choisissez|Écrivez)\b/i,
    words: { pledge: 'amount', volunteer: 'trip', trip: 'seats', announce: 'write the message to announce' },
  },
  {
    lang: 'French',
    person: 'UFR',
    hr: 'UHRFR',
    other: /\b(the|your|you|Enter|Choose|Write|Please)\b/i,
    words: { pledge: 'montant', volunteer: 'voyage', trip: 'places', announce: 'écrivez le message à annoncer' },
  },
])('an empty Slack form explains itself in $lang', ({ person, hr, other, words }) => {
  it.each([
    ['pledge', '/pledge', '', false],
    ['volunteer', '/volunteer', '', false],
    ['trip', '/caravan', 'trip', true],
    ['announce', '/caravan', 'announce', true],
  ] as const)('the %s form', async (form, command, text, byHr) => {
    const errors = await submitEmpty(await openView(command, text, byHr ? hr : person), byHr ? hr : person);
    expect(errors.toLowerCase()).toContain(words[form]);
    expect(errors).not.toMatch(other);
    // Field errors are plain text: no backticks or marks shown to the person.
    expect(errors).not.toMatch(/[`\u2061-\u2064]/);
  });
});
