import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp } from '../../src/volunteers/signups.service.js';
import { createTrip } from '../../src/volunteers/trips.service.js';
import { seedCampaign, startTestBot, type TestBot } from '../support/bot.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import { deliverAll } from '../support/outbox.js';
import { payloadBody, postToSlackEndpoint, slashCommandBody } from '../support/slack-sign.js';
import { executeInvoke, person, personalMessage, postActivity } from '../support/teams-activities.js';
import { cardTexts, slashForm, teamsForm, type Card, type OpenedView } from '../support/volunteer-forms.js';
import { tamperAfter } from '../support/tamper.js';

let t: TestBot;
let connector: FakeConnector;
const HR_TEAMS = person('hr');
const NOT_HR_TEAMS = person('nothr');
const signups: number[] = [];

beforeAll(async () => {
  connector = await startFakeConnector();
  t = await startTestBot({
    env: { ADMINS: `slack:UHR,teams:${HR_TEAMS.aadObjectId}`, DEFAULT_LOCALE: 'fr', PUBLIC_URL: 'http://127.0.0.1:1' },
    outbox: { autostart: false },
  });
  await seedCampaign(t.bot);
});
afterAll(async () => {
  await t?.close();
  await connector?.close();
});

async function slash(command: string, text: string, user: string) {
  const res = await postToSlackEndpoint(t.url, { body: slashCommandBody(command, text, { user }) });
  expect(res.status).toBe(200);
  const raw = await res.text();
  return raw ? String((JSON.parse(raw) as { text?: string }).text ?? '') : '';
}

async function teams(who: typeof HR_TEAMS, text: string) {
  const activity = personalMessage(connector.url, who, text, { locale: 'fr-FR' });
  await postActivity(t.url, activity);
  return String(connector.sent((activity.conversation as { id: string }).id).at(-1)?.body?.text ?? '');
}

function tripSubmission(view: OpenedView, user: string, values: Record<string, string>) {
  const plain = (v: string) => ({ value: { type: 'plain_text_input', value: v } });
  return payloadBody({
    type: 'view_submission',
    team: { id: 'T111' },
    user: { id: user, team_id: 'T111' },
    view: {
      id: `VTRIP-${Math.random()}`,
      team_id: 'T111',
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      // Slack sends the submitted view whole, blocks included.
      blocks: view.blocks,
      state: {
        values: {
          name: plain(values.name ?? ''),
          from: { value: { type: 'datepicker', selected_date: values.from } },
          to: { value: { type: 'datepicker', selected_date: values.to } },
          seats: { value: { type: 'number_input', value: values.seats } },
          roles: plain(values.roles ?? ''),
          meeting: plain(values.meeting ?? ''),
          meeting_time: { value: { type: 'timepicker', selected_time: values.time ?? null } },
          deadline: { value: { type: 'datepicker', selected_date: values.deadline ?? null } },
        },
      },
    },
  });
}

describe('HR and the volunteers', () => {
  it('HR creates a trip from the Slack form; a bad field comes back on its field; someone else gets no form', async () => {
    expect((await slashForm(t, '/caravan', 'trip', 'UNOTHR')).text).toContain('réservée à l’équipe RH');
    const { view } = await slashForm(t, '/caravan', 'trip', 'UHR');
    expect(view?.callback_id).toBe('trip_form');
    const base = { name: 'Imlil', from: '2026-12-12', to: '2026-12-13', seats: '2', roles: 'Chauffeur:1', meeting: 'Parking du siège', time: '07:30' };
    const bad = await postToSlackEndpoint(t.url, { body: tripSubmission(view!, 'UHR', { ...base, roles: 'Chauffeur:3' }) });
    expect((await bad.json()) as unknown).toMatchObject({ response_action: 'errors', errors: { roles: expect.stringContaining('réservent 3 places') } });
    expect(await slash('/caravan', 'trips', 'UHR')).toContain('Aucun voyage');
    const good = await postToSlackEndpoint(t.url, { body: tripSubmission(view!, 'UHR', base) });
    expect(await good.text()).toBe('');
    expect(await slash('/caravan', 'trips', 'UANY')).toMatch(/n° \d+ « Imlil » .* 0\/2 places/);
  });

  it('HR edits the trip from a Teams card; someone else is refused', async () => {
    const trips = await t.bot.deps.volunteers.trips.list((await t.bot.deps.campaigns.list())[0]!.id);
    const id = trips[0]!.id;
    expect(await teams(NOT_HR_TEAMS, `caravan trip ${id}`)).toContain('réservée à l’équipe RH');
    const { card } = await teamsForm(t, connector, HR_TEAMS, `caravan trip ${id}`);
    // A number, not "2": the renderer drops a string and HR would see an empty required Seats field.
    expect(card?.body.find((b) => b.id === 'seats')?.value).toBe(2);
    const data = {
      ...(card?.actions?.[0]?.data ?? {}),
      name: 'Imlil',
      from: '2026-12-12',
      to: '2026-12-13',
      seats: '3',
      roles: 'Chauffeur:1',
      meeting: 'Parking du siège',
      meetingTime: '07:30',
      deadline: '',
    };
    const res = await postActivity(t.url, executeInvoke(connector.url, HR_TEAMS, data, { locale: 'fr-FR' }));
    expect(cardTexts((res.body as { value: Card }).value).join(' ')).toContain('enregistré');
    expect((await t.bot.deps.volunteers.trips.get(id))?.seats).toBe(3);
  });

  it('HR sees the roster by role; someone else is refused and sees no name', async () => {
    const trip = (await t.bot.deps.volunteers.trips.list((await t.bot.deps.campaigns.list())[0]!.id))[0]!;
    for (const [i, role] of [
      [1, 'chauffeur'],
      [2, null],
      [3, null],
      [4, null],
    ] as const) {
      const p = await t.bot.deps.people.resolve({ platform: 'slack', tenantId: 'T111', userId: `UROS${i}`, displayName: `Bénévole ${i}` });
      const r = await signUp(
        t.bot.deps,
        p.id,
        { tripId: trip.id, roleKey: role, phone: `+21261234560${i}`, emergencyName: 'Fatima', emergencyPhone: '+212711223344', notes: null },
        'slack',
        null,
      );
      if (r.ok) signups.push(r.value.signup.id);
    }
    const roster = await slash('/caravan', 'roster', 'UHR');
    expect(roster).toContain('Chauffeur* — 1/1');
    expect(roster).toContain('Bénévole 1');
    expect(roster).toMatch(/1\. n° \d+ Bénévole 4/);
    expect(roster).not.toContain('+2126');
    const refused = await slash('/caravan', 'roster', 'UNOTHR');
    expect(refused).toContain('réservée à l’équipe RH');
    expect(refused).not.toContain('Bénévole');
  });

  it('the Slack export lands as a CSV file in HR’s DM; someone else gets nothing', async () => {
    const before = t.slack.calls.length;
    expect(await slash('/caravan', 'export volunteers', 'UNOTHR')).toContain('réservée à l’équipe RH');
    expect(t.slack.calls.slice(before).map((c) => c.method)).toEqual([]);
    expect(await slash('/caravan', 'export volunteers', 'UHR')).toContain('message privé');
    for (let i = 0; i < 100 && t.slack.callsTo('files.completeUploadExternal').length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(t.slack.callsTo('conversations.open').at(-1)?.form.users).toBe('UHR');
    const complete = t.slack.callsTo('files.completeUploadExternal').at(-1);
    expect(complete?.form.channel_id).toBe('DUHR');
    const fileId = (complete?.form.files as Array<{ id: string }>)[0]!.id;
    // The upload is multipart (filesUploadV2): the CSV sits inside it.
    const csv = t.slack.uploads.get(fileId)?.toString('utf8') ?? '';
    expect(csv).toContain('signup,trip,trip_name,starts_on,ends_on,role,status,waitlist_position,name,identities,phone');
    expect(csv).toContain('212612345601');
    expect(csv).toContain('Bénévole 4');
  });

  it('the Teams export is a link that works for 15 minutes only and cannot be forged; someone else gets no link', async () => {
    const refused = await teams(NOT_HR_TEAMS, 'caravan export volunteers');
    expect(refused).toContain('réservée à l’équipe RH');
    expect(refused).not.toContain('http');
    const said = await teams(HR_TEAMS, 'caravan export volunteers');
    const link = /http:\/\/127\.0\.0\.1:1(\/files\/volunteers\/\S+)/.exec(said)?.[1] ?? '';
    expect(link).not.toBe('');
    const res = await fetch(`${t.url}${link}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(await res.text()).toContain('212612345601');
    expect((await fetch(`${t.url}${tamperAfter(link, 'sig=')}`)).status).toBe(403);
    t.clock.advance(16 * 60_000);
    expect((await fetch(`${t.url}${link}`)).status).toBe(410);
  });

  it('HR moves a confirmed person to the waitlist: both people concerned are told by DM', async () => {
    const [, second] = signups;
    expect(await slash('/caravan', `volunteer move ${second} waitlist`, 'UHR')).toContain(
      '1 personne de la liste d’attente a obtenu une place et en est prévenue.',
    );
    expect(await slash('/caravan', `volunteer move ${second} waitlist`, 'UHR')).toContain('déjà');
    expect(await slash('/caravan', `volunteer move ${second} confirmed`, 'UHR')).toContain('Plus de place');
    await deliverAll(t.bot, t.clock);
    expect(
      String(
        t.slack
          .callsTo('chat.postMessage')
          .filter((c) => c.form.channel === 'UROS2')
          .at(-1)?.form.text,
      ),
    ).toContain('liste d’attente');
    expect(
      String(
        t.slack
          .callsTo('chat.postMessage')
          .filter((c) => c.form.channel === 'UROS4')
          .at(-1)?.form.text,
      ),
    ).toContain('Une place s’est libérée');
    expect(await slash('/caravan', `volunteer move ${second} later`, 'UHR')).toContain('volunteer move N confirmed');
  });

  it('with two trips open, the sign-up form groups the roles by trip', async () => {
    const campaignId = (await t.bot.deps.campaigns.list())[0]!.id;
    await createTrip(
      t.bot.deps,
      { console: true },
      { name: 'Tinghir', startsOn: '2026-12-19', endsOn: '2026-12-20', seats: 4, roles: [], meetingPoint: null, meetingTime: null, deadline: null },
    );
    const { view } = await slashForm(t, '/volunteer', '', 'UTWO');
    const groups = (view?.blocks.find((b) => b.block_id === 'choice')?.element?.option_groups ?? []) as Array<{ label: { text: string } }>;
    expect(groups.map((g) => g.label.text.split(' (')[0])).toEqual(['Imlil', 'Tinghir']);
    expect((await t.bot.deps.volunteers.trips.list(campaignId)).length).toBe(2);
  });
});
