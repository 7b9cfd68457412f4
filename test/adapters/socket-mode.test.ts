/**
 * Slack over Socket Mode, for real: the bot opens its connection through apps.connections.open, gets
 * `hello`, and answers slash commands, forms and events in its acks just as it does over HTTP; a
 * redelivered envelope records nothing twice; a refresh or a dropped socket is followed by a new
 * connection that works.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLEDGE_VIEW } from '../../adapters/slack/render.js';
import { seedCampaign, startTestBot, type TestBot } from '../support/bot.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { startFakeSocketMode, type FakeSocketMode } from '../support/fake-socket-mode.js';

let slack: FakeSlack;
let socket: FakeSocketMode;
let t: TestBot;

beforeAll(async () => {
  slack = await startFakeSlack();
  socket = await startFakeSocketMode(slack);
  t = await startTestBot({ slack, env: { SLACK_APP_TOKEN: 'xapp-1-A111-test' } });
  await seedCampaign(t.bot);
  await socket.connected(1);
});
afterAll(async () => {
  await t?.close();
  await socket?.close();
  await slack?.close();
});

const pledges = async () => (await sql<{ n: number }>`select count(*)::int as n from pledges`.execute(t.bot.database.db)).rows[0]?.n ?? 0;

function command(text: string, user = 'USOCK', triggerId = `${Date.now()}.${Math.random()}`) {
  return {
    token: 'x',
    team_id: 'T111',
    team_domain: 'test',
    channel_id: 'C111',
    channel_name: 'random',
    user_id: user,
    user_name: 'someone',
    command: '/pledge',
    text,
    api_app_id: 'A111',
    response_url: `${slack.url}/response/sock`,
    trigger_id: triggerId,
  };
}

describe('Socket Mode', () => {
  it('has no HTTP endpoint for Slack, and opened its connection with the app token', async () => {
    expect((await fetch(`${t.url}/slack/events`, { method: 'POST', body: 'command=/pledge' })).status).toBe(404);
    expect(slack.callsTo('apps.connections.open')[0]?.authorization).toBe('Bearer xapp-1-A111-test');
  });

  it('answers /pledge 500 in the ack with the amount understood; the same envelope redelivered records once', async () => {
    const body = command('500', 'USOCK1', 'sock.trigger.1');
    const first = (await socket.send('slash_commands', body, { envelopeId: 'env-1' })) as { text?: string; response_type?: string };
    expect(first.response_type).toBe('ephemeral');
    expect(first.text).toContain('500');
    const again = (await socket.send('slash_commands', body, { envelopeId: 'env-1' })) as { text?: string };
    expect(again.text).toMatch(/déjà enregistrée/);
    expect(await pledges()).toBe(1);
  });

  it('opens the pledge form, and a submission of it records the pledge once', async () => {
    await socket.send('slash_commands', command('', 'USOCK2', 'sock.trigger.form'));
    await expect.poll(() => slack.callsTo('views.open').find((c) => c.form.trigger_id === 'sock.trigger.form')).toBeTruthy();
    const opened = slack.callsTo('views.open').find((c) => c.form.trigger_id === 'sock.trigger.form');
    const view = opened?.form.view as { private_metadata?: string } | undefined;
    const submission = {
      type: 'view_submission',
      team: { id: 'T111', domain: 'test' },
      user: { id: 'USOCK2', team_id: 'T111', name: 'someone' },
      api_app_id: 'A111',
      trigger_id: 'sock.trigger.submit',
      view: {
        id: 'VSOCK1',
        team_id: 'T111',
        type: 'modal',
        callback_id: PLEDGE_VIEW,
        private_metadata: view?.private_metadata ?? '',
        state: { values: { amount: { value: { type: 'plain_text_input', value: '1 200' } } } },
      },
    };
    const before = await pledges();
    await socket.send('interactive', submission);
    await socket.send('interactive', submission);
    expect(await pledges()).toBe(before + 1);
  });

  it('understands "pledge 250" in a direct message event, once even when Slack redelivers it', async () => {
    const event = {
      token: 'x',
      team_id: 'T111',
      api_app_id: 'A111',
      type: 'event_callback',
      event_id: 'EvSOCK1',
      event_time: Math.floor(Date.now() / 1000),
      event: { type: 'message', channel: 'DSOCK', channel_type: 'im', user: 'USOCK3', text: 'pledge 250', ts: '1700000000.000100' },
    };
    const before = await pledges();
    await socket.send('events_api', event);
    await expect.poll(() => slack.posted.some((p) => p.channel === 'DSOCK')).toBe(true);
    await socket.send('events_api', event, { retryAttempt: 1 });
    await new Promise((r) => setTimeout(r, 300));
    expect(await pledges()).toBe(before + 1);
  });

  it('refuses envelopes not shaped like Slack’s: nothing recorded, the connection keeps answering', async () => {
    const before = await pledges();
    const junk = [
      { ...command('900', 'USOCKJ'), user_id: null },
      { ...command('900', 'USOCKJ'), team_id: undefined },
    ];
    for (const body of junk) await socket.send('slash_commands', body).catch(() => undefined);
    await socket.send('interactive', { type: 'view_submission', view: null, user: { id: 'USOCKJ' } }).catch(() => undefined);
    // (An events_api envelope with `event: null` is not sent: @slack/socket-mode itself reads event.type before any of our code.)
    const dm = { type: 'message', channel_type: 'im', user: 'USOCKJ', text: 'pledge 900', ts: '1700000000.000900' };
    await socket.send('events_api', { type: 'event_callback', team_id: 'T111', event_id: 'EvJUNK', event: dm }).catch(() => undefined);
    expect(await pledges()).toBe(before);
    const ok = (await socket.send('slash_commands', command('600', 'USOCKJ2'))) as { text?: string };
    expect(ok.text).toContain('600');
  });

  it('reconnects after Slack asks for a refresh, and after the socket drops, and keeps answering', async () => {
    const opens = slack.callsTo('apps.connections.open').length;
    socket.refresh();
    await socket.connected(2);
    await expect
      .poll(async () => ((await socket.send('slash_commands', command('300', 'USOCK4')).catch(() => ({}))) as { text?: string }).text, { timeout: 10_000 })
      .toContain('300');
    socket.drop();
    await socket.connected(3);
    await expect
      .poll(async () => ((await socket.send('slash_commands', command('400', 'USOCK5')).catch(() => ({}))) as { text?: string }).text, { timeout: 15_000 })
      .toContain('400');
    expect(slack.callsTo('apps.connections.open').length).toBeGreaterThanOrEqual(opens + 2);
  }, 30_000);
});
