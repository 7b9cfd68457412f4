import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTrip } from '../../src/volunteers/trips.service.js';
import { seedCampaign, startTestBot, type TestBot } from '../support/bot.js';
import { until } from '../support/photos.js';
import { postToSlackEndpoint, slashCommandBody } from '../support/slack-sign.js';

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
    { name: 'Azilal', startsOn: '2026-12-12', endsOn: '2026-12-14', seats: 3, roles: [{ name: 'Chauffeur', seats: 1 }], meetingPoint: 'Parking du siège', meetingTime: '07:30', deadline: null },
    'test',
  );
  if (!trip.ok) throw new Error(trip.error.code);
  // Someone new is answered in the default language; their Slack profile is read after that first
  // answer, and from then on the bot speaks their language. Each person says hello once first.
  for (const user of ['UEN', 'UFR', 'UHREN', 'UHRFR']) {
    expect((await postToSlackEndpoint(t.url, { body: slashCommandBody('/caravan', '', { user }) })).status).toBe(200);
  }
  const stored = (user: string) => t.bot.database.db.selectFrom('identities').select('locale').where('user_id', '=', user).executeTakeFirst();
  for (const [user, locale] of [['UEN', 'en'], ['UFR', 'fr'], ['UHREN', 'en'], ['UHRFR', 'fr']] as const) {
    await until(async () => (await stored(user))?.locale === locale, `${user}'s profile stored`);
  }
  // Announcements need a campaign channel to go to.
  await t.bot.deps.messaging.channels.add({ destination: { platform: 'slack', channelId: 'C111' }, kind: 'channel', addedBy: 'slack:UHREN' });
});
afterAll(async () => {
  await t?.close();
});

let seq = 0;
/** Opens a form with a slash command and returns the view Slack accepted. */
async function open(command: string, text: string, user: string) {
  const triggerId = `form-${user}-${++seq}`;
  const res = await postToSlackEndpoint(t.url, { body: slashCommandBody(command, text, { user, triggerId, responseUrl: `${t.slack.url}/response/${triggerId}` }) });
  expect(res.status).toBe(200);
  await until(() => t.slack.callsTo('views.open').some((c) => c.form.trigger_id === triggerId), `${command} ${text} for ${user}`);
  return JSON.stringify(t.slack.callsTo('views.open').find((c) => c.form.trigger_id === triggerId)?.form.view);
}

describe.each([
  { lang: 'English', person: 'UEN', hr: 'UHREN', words: { pledge: 'Amount', volunteer: 'I accept the trip’s rules', trip: 'Seats', announce: 'Send now' } },
  { lang: 'French', person: 'UFR', hr: 'UHRFR', words: { pledge: 'Montant', volunteer: 'J’accepte les règles du voyage', trip: 'Nombre de places', announce: 'Envoyer maintenant' } },
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
