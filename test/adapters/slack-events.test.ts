import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentCampaign, seedCampaign, startTestBot, type TestBot } from '../support/bot.js';
import { postToSlackEndpoint } from '../support/slack-sign.js';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
  await seedCampaign(t.bot);
});
afterAll(async () => t?.close());

/** A direct message to the bot, in the Events API envelope (fixture 06's shape). */
function dmEvent(eventId: string, text: string, user = 'UDM') {
  return JSON.stringify({
    token: 'xxx',
    team_id: 'T111',
    api_app_id: 'A111',
    type: 'event_callback',
    event_id: eventId,
    event_time: 1652227646,
    authorizations: [{ enterprise_id: null, team_id: 'T111', user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
    event: { type: 'message', channel: 'DBOT1', channel_type: 'im', user, text, ts: `${Date.now() / 1000}`, event_ts: '1652227646.593159' },
  });
}

async function waitFor(check: () => boolean) {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
}

describe('Slack Events API', () => {
  it('understands "pledge 250" in a direct message and answers in that conversation', async () => {
    const res = await postToSlackEndpoint(t.url, { body: dmEvent('EvDM1', 'pledge 250'), contentType: 'application/json' });
    expect(res.status).toBe(200);
    await waitFor(() => t.slack.callsTo('chat.postMessage').length > 0);
    const reply = t.slack.callsTo('chat.postMessage')[0];
    expect(reply?.form.channel).toBe('DBOT1');
    expect(String(reply?.form.text)).toContain('250 MAD');
  });

  it('records a pledge once when Slack retries the same event', async () => {
    const before = Number((await currentCampaign(t.url)).body.campaign.pledges);
    const body = dmEvent('EvRETRY', 'pledge 125', 'URETRY');
    await postToSlackEndpoint(t.url, { body, contentType: 'application/json' });
    const retry = await postToSlackEndpoint(t.url, {
      body,
      contentType: 'application/json',
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    expect(retry.status).toBe(200);
    await waitFor(() => t.slack.callsTo('chat.postMessage').some((c) => String(c.form.text).includes('125 MAD')));
    await new Promise((r) => setTimeout(r, 200));
    expect(Number((await currentCampaign(t.url)).body.campaign.pledges) - before).toBe(1);
    expect(t.slack.callsTo('chat.postMessage').filter((c) => String(c.form.text).includes('125 MAD'))).toHaveLength(1);
  });

  it('ignores messages in channels and the bot’s own messages', async () => {
    const calls = t.slack.callsTo('chat.postMessage').length;
    const inChannel = JSON.parse(dmEvent('EvCHAN', 'pledge 10')) as { event: Record<string, unknown> };
    inChannel.event.channel_type = 'channel';
    await postToSlackEndpoint(t.url, { body: JSON.stringify(inChannel), contentType: 'application/json' });
    const fromBot = JSON.parse(dmEvent('EvBOT', 'pledge 10')) as { event: Record<string, unknown> };
    fromBot.event.subtype = 'bot_message';
    await postToSlackEndpoint(t.url, { body: JSON.stringify(fromBot), contentType: 'application/json' });
    await new Promise((r) => setTimeout(r, 200));
    expect(t.slack.callsTo('chat.postMessage').length).toBe(calls);
  });
});
