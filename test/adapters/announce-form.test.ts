import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCampaign, startTestBot, type TestBot } from '../support/bot.js';
import { deliverAll, runOnce } from '../support/outbox.js';
import { payloadBody, postToSlackEndpoint, slashCommandBody } from '../support/slack-sign.js';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot({ env: { ADMINS: 'slack:UHR', DEFAULT_LOCALE: 'fr' }, outbox: { autostart: false } });
  await seedCampaign(t.bot);
  await command('channel', 'UHR', 'CMOD');
});
afterAll(async () => t?.close());

interface View {
  callback_id: string;
  private_metadata: string;
  blocks: Array<{ block_id?: string; type: string; text?: { text: string }; elements?: Array<{ text: string }> }>;
}

async function command(text: string, user: string, channel = 'CMOD', triggerId?: string): Promise<string> {
  const res = await postToSlackEndpoint(t.url, { body: slashCommandBody('/caravan', text, { user, channel, ...(triggerId ? { triggerId } : {}) }) });
  const raw = await res.text();
  return raw ? ((JSON.parse(raw) as { text?: string }).text ?? '') : '';
}

async function openForm(user: string): Promise<View | undefined> {
  const triggerId = `trigger-${user}-${Date.now()}`;
  await command('announce', user, 'CMOD', triggerId);
  for (let i = 0; i < 50 && !t.slack.callsTo('views.open').some((c) => c.form.trigger_id === triggerId); i++) await new Promise((r) => setTimeout(r, 20));
  return t.slack.callsTo('views.open').find((c) => c.form.trigger_id === triggerId)?.form.view as View | undefined;
}

/** A view_submission as Slack sends it (fixture 05's shape) for our view and values. */
function submission(view: View, user: string, viewId: string, values: Record<string, unknown>) {
  return {
    type: 'view_submission',
    team: { id: 'T111', domain: 'test-domain' },
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: 'T111' },
    api_app_id: 'A111',
    token: 'verification_token',
    trigger_id: `${Date.now()}.1.abc`,
    view: {
      id: viewId,
      team_id: 'T111',
      type: 'modal',
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      blocks: view.blocks,
      state: { values },
      hash: '156772938.1827394',
      title: { type: 'plain_text', text: 'Annonce' },
      root_view_id: viewId,
      app_id: 'A111',
      bot_id: 'BBOT',
    },
    response_urls: [],
  };
}

const compose = (text: string | null, when: 'now' | 'later', at: number | null) => ({
  text: { value: { type: 'plain_text_input', value: text } },
  when: { value: { type: 'radio_buttons', selected_option: { value: when } } },
  at: { value: { type: 'datetimepicker', selected_date_time: at } },
});

async function submit(payload: unknown): Promise<Record<string, unknown> | null> {
  const res = await postToSlackEndpoint(t.url, { body: payloadBody(payload) });
  expect(res.status).toBe(200);
  const raw = await res.text();
  return raw ? (JSON.parse(raw) as Record<string, unknown>) : null;
}

const viewText = (view: unknown) => JSON.stringify(view);
const posts = (text: string) => t.slack.posted.filter((p) => p.text.includes(text));

describe('the announcement form (Slack)', () => {
  it('opens for HR with the message, when, and a date-time picker; not for anyone else', async () => {
    const view = await openForm('UHR');
    expect(view?.callback_id).toBe('announce_compose');
    expect(view?.blocks.map((b) => b.block_id).filter(Boolean)).toEqual(['text', 'when', 'at', 'also']);
    expect(viewText(view)).toContain('1 canal de la campagne');
    expect(await command('announce', 'USTRANGER')).toContain('réservée à l’équipe RH');
    expect(t.slack.callsTo('views.open')).toHaveLength(1);
  });

  it('shows mistakes on their field: no text, no time, a time already past', async () => {
    const view = (await openForm('UHR'))!;
    const empty = await submit(submission(view, 'UHR', 'VE1', compose('  ', 'now', null)));
    expect(empty?.response_action).toBe('errors');
    expect((empty?.errors as Record<string, string>).text).toContain('Écrivez le message');
    const noTime = await submit(submission(view, 'UHR', 'VE2', compose('Bonjour', 'later', null)));
    expect((noTime?.errors as Record<string, string>).at).toContain('Choisissez la date');
    const past = await submit(submission(view, 'UHR', 'VE3', compose('Bonjour', 'later', Math.floor(t.clock.now().getTime() / 1000) - 60)));
    expect((past?.errors as Record<string, string>).at).toContain('déjà passé');
  });

  it('previews, schedules once even when Slack resubmits, and sends at the chosen time', async () => {
    const view = (await openForm('UHR'))!;
    const at = Math.floor(t.clock.now().getTime() / 1000) + 3600;
    const preview = await submit(submission(view, 'UHR', 'VPRE', compose('Le bus part à *8 h* précises.', 'later', at)));
    expect(preview?.response_action).toBe('update');
    const confirmView = preview?.view as View;
    expect(confirmView.callback_id).toBe('announce_confirm');
    expect(viewText(confirmView)).toContain('Annonce de l’équipe RH');
    expect(viewText(confirmView)).toContain('Le bus part à *8 h* précises.');
    expect(viewText(confirmView)).toContain('Envoi le 27 novembre 2026 à 13:00 : 1 canal de la campagne.');

    const done = await submit(submission(confirmView, 'UHR', 'VCONF', {}));
    expect(viewText(done?.view)).toContain('Annonce programmée');
    const again = await submit(submission(confirmView, 'UHR', 'VCONF', {}));
    expect(viewText(again?.view)).toContain('déjà enregistrée');

    await runOnce(t.bot);
    expect(posts('Le bus part')).toHaveLength(0);
    t.clock.advance(3600 * 1000);
    await deliverAll(t.bot, t.clock);
    expect(posts('Le bus part')).toHaveLength(1);
    expect(posts('Le bus part')[0]?.channel).toBe('CMOD');
  });

  it('a confirmation from someone who is not HR sends nothing', async () => {
    const view = (await openForm('UHR'))!;
    const preview = await submit(submission(view, 'UHR', 'VPRE2', compose('Message volé', 'now', null)));
    const done = await submit(submission(preview?.view as View, 'UINTRUDER', 'VSTOLEN', {}));
    expect(viewText(done?.view)).toContain('réservée à l’équipe RH');
    await deliverAll(t.bot, t.clock);
    expect(posts('Message volé')).toHaveLength(0);
  });
});
