import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTrip } from '../../src/volunteers/trips.service.js';
import { currentCampaign, seedCampaign, startTestBot, type TestBot } from '../support/bot.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import { deliverAll } from '../support/outbox.js';
import { postToSlackEndpoint, slashCommandBody } from '../support/slack-sign.js';
import { channelMessage, person, personalMessage, postActivity, submitMessage } from '../support/teams-activities.js';
import {
  cardChoices,
  cardTexts,
  privateToSlackUser,
  selectOptions,
  slashForm,
  submitSlackSignup,
  submitTeamsSignup,
  teamsForm,
  type Card,
  type SignupValues,
} from '../support/volunteer-forms.js';

let t: TestBot;
let connector: FakeConnector;
let tripId = 0;
const phone = (n: number) => `06 12 34 56 ${String(n).padStart(2, '0')}`;
const e164 = (n: number) => `+2126123456${String(n).padStart(2, '0')}`;
const PHONES = [1, 2, 3, 4, 5, 6, 7].map(e164);

beforeAll(async () => {
  connector = await startFakeConnector();
  t = await startTestBot({ env: { DEFAULT_LOCALE: 'fr' }, outbox: { autostart: false } });
  await seedCampaign(t.bot);
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
  tripId = trip.value.id;
});
afterAll(async () => {
  await t?.close();
  await connector?.close();
});

const values = (n: number, choice: string): SignupValues => ({
  choice,
  phone: phone(n),
  emergencyName: 'Fatima Zahra',
  emergencyPhone: '+212 7 11 22 33 44',
  notes: 'végétarien',
  rules: true,
});

async function slackSignup(user: string, n: number, choice = `${tripId}:*`) {
  const { view } = await slashForm(t, '/volunteer', '', user);
  if (!view) throw new Error('no form');
  expect(await submitSlackSignup(t, view, user, `V-${user}`, values(n, choice))).toBeNull();
  return (await privateToSlackUser(t, user, 1)).at(-1) ?? '';
}

async function teamsSignup(n: number, choice = `${tripId}:*`) {
  const who = person(`vol${n}`);
  const { card } = await teamsForm(t, connector, who);
  if (!card) throw new Error('no card');
  const answer = await submitTeamsSignup(t, connector, who, card, values(n, choice));
  return cardTexts(answer.value as Card).join(' ');
}

describe('volunteer sign-up on Slack and Teams', () => {
  it('offers the roles with seats and "anywhere useful", on both platforms', async () => {
    const { view } = await slashForm(t, '/volunteer', '', 'USEE');
    expect(view?.callback_id).toBe('volunteer_form');
    expect(view?.blocks.map((b) => b.block_id).filter(Boolean)).toEqual(['choice', 'phone', 'emergency_name', 'emergency_phone', 'notes', 'rules']);
    expect(selectOptions(view!).map((o) => o.value)).toEqual([`${tripId}:chauffeur`, `${tripId}:*`]);
    const { card } = await teamsForm(t, connector, person('see'));
    expect(cardChoices(card!)).toEqual([`${tripId}:chauffeur`, `${tripId}:*`]);
  });

  it('shows every bad field on its field and stores nothing, on both platforms', async () => {
    const { view } = await slashForm(t, '/volunteer', '', 'UBAD');
    const bad = { choice: '', phone: '12 34', emergencyName: '', emergencyPhone: '0812345678', notes: 'x'.repeat(501), rules: false };
    const answer = await submitSlackSignup(t, view!, 'UBAD', 'V-BAD', bad);
    expect(answer?.response_action).toBe('errors');
    expect(Object.keys(answer?.errors ?? {}).sort()).toEqual(['choice', 'emergency_name', 'emergency_phone', 'notes', 'phone', 'rules']);
    expect(answer?.errors?.phone).toContain('indicatif');
    expect(answer?.errors?.rules).toContain('règles');
    const who = person('bad');
    const { card } = await teamsForm(t, connector, who);
    const again = (await submitTeamsSignup(t, connector, who, card!, { ...bad, choice: `${tripId}:*` })).value as Card;
    const at = again.body.findIndex((b) => b.id === 'phone');
    expect(again.body[at]?.value).toBe('12 34');
    expect(again.body[at + 1]).toMatchObject({ type: 'TextBlock', color: 'Attention' });
    expect((await currentCampaign(t.url)).body.volunteers).toEqual({ capacity: 3, confirmed: 0, waitlisted: 0 });
  });

  it('shares the seats of one trip across platforms: 3 seats, 5 sign-ups → 3 confirmed, 2 waitlisted, each told which', async () => {
    // "Anywhere useful" inside the answer's sentence: lowercase and about the person, not the option's "Là où je serai utile".
    expect(await slackSignup('UV1', 1)).toMatch(/C’est confirmé .*, rôle : là où vous serez utile\./);
    expect(await teamsSignup(2, `${tripId}:chauffeur`)).toContain('C’est confirmé');
    expect(await slackSignup('UV3', 3)).toContain('C’est confirmé');
    expect(await teamsSignup(4)).toMatch(/n’a plus de place libre : vous êtes en liste d’attente, position 1/);
    expect(await slackSignup('UV5', 5)).toContain('position 2');
    expect((await currentCampaign(t.url)).body.volunteers).toEqual({ capacity: 3, confirmed: 3, waitlisted: 2 });
  });

  it('`/volunteer status` shows the place in line; `/caravan` shows seats filled', async () => {
    const res = await postToSlackEndpoint(t.url, { body: slashCommandBody('/volunteer', 'status', { user: 'UV5' }) });
    const text = String(((await res.json()) as { text: string }).text);
    expect(text).toContain('liste d’attente, position 2');
    expect(text).toContain('se terminant par 05');
    const progress = await postToSlackEndpoint(t.url, { body: slashCommandBody('/caravan', '', { user: 'UV5' }) });
    expect(String(((await progress.json()) as { text: string }).text)).toContain('Bénévoles : 3 places pourvues sur 3 · 2 en liste d’attente');
  });

  it('a withdrawal on Slack promotes the first waitlisted person, who gets a Teams DM; one on Teams promotes a Slack person by DM', async () => {
    const res = await postToSlackEndpoint(t.url, { body: slashCommandBody('/volunteer', 'cancel', { user: 'UV1' }) });
    expect(String(((await res.json()) as { text: string }).text)).toContain('est annulée');
    await deliverAll(t.bot, t.clock);
    const teamsDm = connector.sent(`a:personal-${person('vol4').aadObjectId}`).at(-1);
    expect(String(teamsDm?.body?.text)).toContain('Une place s’est libérée');
    expect(String(teamsDm?.body?.text)).toContain('Parking du siège, à 07:30');

    // The seat vol4 just got is an "anywhere useful" one: UV5, next in line for those, gets it.
    await postActivity(t.url, personalMessage(connector.url, person('vol4'), 'volunteer cancel', { locale: 'fr-FR' }));
    await deliverAll(t.bot, t.clock);
    const slackDm = t.slack
      .callsTo('chat.postMessage')
      .filter((c) => c.form.channel === 'UV5')
      .at(-1);
    expect(String(slackDm?.form.text)).toContain('Une place s’est libérée');
    expect((await currentCampaign(t.url)).body.volunteers).toEqual({ capacity: 3, confirmed: 3, waitlisted: 0 });
  });

  it('in a Teams channel asks for the 1:1 chat instead of showing the form; the card’s Action.Submit fallback signs up too', async () => {
    const res = await postActivity(t.url, channelMessage(connector.url, person('chan'), '<at>Caravane</at> volunteer', { locale: 'fr-FR' }));
    expect(res.status).toBe(200);
    const reply = connector.sent().at(-1);
    expect(String(reply?.body?.text)).toContain('conversation privée');
    expect(reply?.body?.attachments).toBeUndefined();
    const who = person('vol6');
    const { card } = await teamsForm(t, connector, who);
    const data = { ...(card?.actions?.[0]?.data ?? {}), ...values(6, `${tripId}:*`), rules: 'true' };
    await postActivity(t.url, submitMessage(connector.url, who, data, 'card-message-6'));
    const updated = connector.updated().at(-1);
    expect(updated?.activityId).toBe('card-message-6');
    expect(JSON.stringify(updated?.body)).toContain('waitlist, position 1');
  });

  it('never shows a phone number in a message, in /api/campaigns/current or in the logs', async () => {
    const api = JSON.stringify((await currentCampaign(t.url)).body);
    const slackMessages = t.slack.calls.filter((c) => c.method.startsWith('chat.')).map((c) => JSON.stringify(c.form));
    const teamsMessages = connector.calls.map((c) => JSON.stringify(c.body ?? {}));
    const logs = t.logs.join('\n');
    expect(slackMessages.length).toBeGreaterThanOrEqual(4);
    for (const haystack of [api, logs, ...slackMessages, ...teamsMessages]) {
      for (const p of PHONES) {
        expect(haystack).not.toContain(p);
        expect(haystack).not.toContain(p.slice(4));
      }
      expect(haystack).not.toContain('612345601');
    }
  });
});
