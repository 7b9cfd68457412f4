import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTrip } from '../../src/volunteers/trips.service.js';
import { seedCampaign, startTestBot, type TestBot } from '../support/bot.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import { textAsJpg } from '../support/images.js';
import { until } from '../support/photos.js';
import { postToSlackEndpoint, slashCommandBody } from '../support/slack-sign.js';
import { person, personalMessage, postActivity } from '../support/teams-activities.js';
import { takeViolations } from '../support/violations.js';

/**
 * What the real Slack would refuse or show wrong, one defect class each, with the value that
 * triggered it: the strict fake refuses like Slack, people's text is shown literally, and a form
 * that cannot open still gets the person an answer in their language.
 */

let t: TestBot;
let connector: FakeConnector;
const HR_TEAMS = person('hr-conf', { name: 'Hanae' });

beforeAll(async () => {
  connector = await startFakeConnector();
  t = await startTestBot({ env: { ADMINS: `slack:UHR,teams:${HR_TEAMS.aadObjectId}` }, outbox: { autostart: false } });
  await seedCampaign(t.bot);
  t.slack.users.set('UEN', { locale: 'en-US', name: 'Emma' });
  t.slack.users.set('UFR', { locale: 'fr-FR', name: 'Fatima' });
  t.slack.users.set('UHR', { locale: 'en-US', name: 'Hanae' });
  const trip = await createTrip(
    t.bot.deps,
    { console: true },
    {
      name: 'Imlil & <Atlas> *2026* _hiver_',
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
});
afterAll(async () => {
  await t?.close();
  await connector?.close();
});

async function slash(command: string, text: string, user: string, opts: { responseUrl?: string; triggerId?: string } = {}) {
  const res = await postToSlackEndpoint(t.url, { body: slashCommandBody(command, text, { user, ...opts }) });
  expect(res.status).toBe(200);
  const raw = await res.text();
  return raw ? (JSON.parse(raw) as { text?: string; blocks?: unknown[] }) : {};
}

describe('the strict fake Slack', () => {
  it('refuses a 77-character option the way Slack does, naming the rule and where it is', async () => {
    const option = 'I accept the trip’s rules: timing, safety, following the team’s instructions.';
    expect(option).toHaveLength(77);
    const view = {
      type: 'modal',
      title: { type: 'plain_text', text: 'Sign up' },
      submit: { type: 'plain_text', text: 'Send' },
      blocks: [
        {
          type: 'input',
          block_id: 'rules',
          label: { type: 'plain_text', text: 'Rules' },
          element: { type: 'checkboxes', action_id: 'value', options: [{ text: { type: 'plain_text', text: option }, value: 'accepted' }] },
        },
      ],
    };
    const res = await fetch(`${t.slack.apiUrl}views.open`, { method: 'POST', body: new URLSearchParams({ trigger_id: '1.2.3', view: JSON.stringify(view) }) });
    const answer = (await res.json()) as { ok: boolean; error: string; response_metadata: { messages: string[] } };
    expect(answer).toMatchObject({ ok: false, error: 'invalid_arguments' });
    expect(answer.response_metadata.messages[0]).toContain('[json-pointer:/view/blocks/0/element/options/0/text/text]');
    const found = takeViolations();
    expect(found).toEqual([expect.objectContaining({ where: 'views.open', rule: 'option text (max 75 characters)', value: option })]);
  });
});

describe('forms in English and French', () => {
  it('an English-speaking person gets the sign-up form (the rules option fits Slack’s 75 characters)', async () => {
    for (const user of ['UEN', 'UFR']) {
      const triggerId = `trig-${user}`;
      await slash('/volunteer', '', user, { triggerId });
      await until(() => t.slack.callsTo('views.open').some((c) => c.form.trigger_id === triggerId), 'the sign-up form');
    }
    const views = t.slack.callsTo('views.open').map((c) => JSON.stringify(c.form.view));
    expect(views.some((v) => v.includes('I accept the trip’s rules'))).toBe(true);
    expect(views.some((v) => v.includes('J’accepte les règles du voyage'))).toBe(true);
  });

  it('when Slack will not open the form, the person is told in their language instead of nothing', async () => {
    t.slack.script('views.open', { body: { ok: false, error: 'expired_trigger_id' } });
    await slash('/volunteer', '', 'UEN', { responseUrl: `${t.slack.url}/response/en-apology` });
    await until(() => t.slack.responses.some((r) => r.id === 'en-apology'), 'the apology');
    const said = JSON.stringify(t.slack.responses.find((r) => r.id === 'en-apology')?.body);
    expect(said).toContain('Sorry, something went wrong');
    expect(said).toContain('ephemeral');
  });
});

describe('people’s text is shown as text', () => {
  it('a trip name with & < > * is escaped on Slack and cannot open bold or a link', async () => {
    const answer = await slash('/caravan', 'trips', 'UHR');
    expect(answer.text).toContain('Imlil &amp; &lt;Atlas&gt;');
    expect(answer.text).not.toContain('<Atlas>');
    // The stars of the name are fenced: they can neither open nor close bold.
    expect(answer.text).toContain('\u200B*\u200B2026\u200B*\u200B');
  });

  it('the same name in Teams shows its markdown characters literally', async () => {
    const activity = personalMessage(connector.url, HR_TEAMS, 'caravan trips', { locale: 'en-US' });
    await postActivity(t.url, activity);
    const text = String(connector.sent((activity.conversation as { id: string }).id).at(-1)?.body?.text ?? '');
    expect(text).toContain('Imlil & \\<Atlas\\> \\*2026\\* \\_hiver\\_');
  });

  it('a file named `notes <!here>.txt` echoed in a refusal is no @here', async () => {
    t.slack.files.set('FHERE', { body: textAsJpg(), contentType: 'image/jpeg' });
    const ts = '1766000000.000777';
    const url = `${t.slack.url}/files/FHERE`;
    const event = {
      type: 'message',
      subtype: 'file_share',
      channel: 'DUEN',
      channel_type: 'im',
      user: 'UEN',
      text: '',
      ts,
      event_ts: ts,
      files: [
        {
          id: 'FHERE',
          name: 'notes <!here>.txt',
          title: 'notes',
          mimetype: 'image/jpeg',
          filetype: 'jpg',
          size: 100,
          mode: 'hosted',
          url_private: url,
          url_private_download: url,
        },
      ],
    };
    const body = JSON.stringify({
      token: 'x',
      team_id: 'T111',
      api_app_id: 'A111',
      type: 'event_callback',
      event_id: 'EvHere1',
      event_time: 1766000000,
      event,
      authorizations: [{ team_id: 'T111', user_id: 'UBOT', is_bot: true }],
    });
    const before = t.slack.callsTo('chat.postMessage').length;
    await postToSlackEndpoint(t.url, { body, contentType: 'application/json' });
    await until(
      () =>
        t.slack
          .callsTo('chat.postMessage')
          .slice(before)
          .some((c) => c.form.channel === 'DUEN'),
      'the refusal',
    );
    const sent = t.slack
      .callsTo('chat.postMessage')
      .slice(before)
      .find((c) => c.form.channel === 'DUEN');
    const shown = JSON.stringify(sent?.form.blocks) + String(sent?.form.text);
    expect(shown).toContain('notes &lt;!here&gt;.txt');
    expect(shown).not.toContain('<!here>');
  });
});
