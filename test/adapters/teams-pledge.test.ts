import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentCampaign, seedCampaign, startTestBot, type TestBot } from '../support/bot.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import { postToSlackEndpoint, slashCommandBody } from '../support/slack-sign.js';
import { CHANNEL, channelMessage, person, personalMessage, postActivity } from '../support/teams-activities.js';

let t: TestBot;
let connector: FakeConnector;

beforeAll(async () => {
  connector = await startFakeConnector();
  t = await startTestBot();
  await seedCampaign(t.bot);
});
afterAll(async () => {
  await t?.close();
  await connector?.close();
});

const pledged = async () => Number((await currentCampaign(t.url)).body.campaign.pledgedMinor);
const textOf = (call: { body: Record<string, unknown> | undefined }) => String(call.body?.text ?? '');

describe('pledges over Teams', () => {
  it('`pledge 200` in a 1:1 chat records it and answers once, in that chat, repeating 200', async () => {
    const before = await pledged();
    const activity = personalMessage(connector.url, person(1), 'pledge 200');
    const conversationId = (activity.conversation as { id: string }).id;
    const res = await postActivity(t.url, activity);
    expect(res.status).toBe(200);
    const replies = connector.sent(conversationId);
    expect(replies).toHaveLength(1);
    expect(connector.sent()).toHaveLength(1);
    expect(replies[0]?.activityId).toBe(activity.id);
    expect(textOf(replies[0]!)).toContain('pledge of 200 MAD');
    expect(textOf(replies[0]!)).toContain('**');
    expect(await pledged()).toBe(before + 20_000);
  });

  it('answers in the person’s language: French when Teams says fr-FR', async () => {
    const res = await postActivity(t.url, personalMessage(connector.url, person(2), 'promesse 1 500', { locale: 'fr-FR' }));
    expect(res.status).toBe(200);
    const reply = connector.sent().at(-1);
    expect(textOf(reply!)).toContain('Merci');
    expect(textOf(reply!)).toMatch(/promesse de 1\s500 MAD/);
  });

  it('a redelivered activity (same id) records the pledge once', async () => {
    const activity = personalMessage(connector.url, person(3), 'pledge 300');
    const before = await pledged();
    await postActivity(t.url, activity);
    await postActivity(t.url, activity);
    expect(await pledged()).toBe(before + 30_000);
    expect(textOf(connector.sent().at(-1)!)).toMatch(/already/i);
  });

  it('`<at>Caravane</at> pledge 50` in a channel thread records 50 and answers in that thread', async () => {
    const before = await pledged();
    const activity = channelMessage(connector.url, person(4), '<at>Caravane</at> pledge 50');
    const res = await postActivity(t.url, activity);
    expect(res.status).toBe(200);
    const thread = (activity.conversation as { id: string }).id;
    const replies = connector.sent(thread);
    expect(replies).toHaveLength(1);
    expect(textOf(replies[0]!)).toContain('pledge of 50 MAD');
    expect(await pledged()).toBe(before + 5_000);
    // The channel itself (not the thread) is what later messages will be sent to.
    const ref = await t.bot.teams.conversations.get(CHANNEL);
    expect(ref).toMatchObject({ type: 'channel', active: true, serviceUrl: connector.url });
  });

  it('refuses a bad amount politely in the person’s words and records nothing', async () => {
    const before = await pledged();
    await postActivity(t.url, personalMessage(connector.url, person(5), 'pledge -20'));
    expect(textOf(connector.sent().at(-1)!)).toMatch(/more than zero/);
    await postActivity(t.url, personalMessage(connector.url, person(5), 'pledge lots'));
    expect(textOf(connector.sent().at(-1)!)).toContain('lots');
    expect(await pledged()).toBe(before);
  });

  it('`pledge list` shows the caller’s own pledges; `/pledge cancel N` cancels one', async () => {
    const who = person(6);
    await postActivity(t.url, personalMessage(connector.url, who, 'pledge 700'));
    const number = /#(\d+)/.exec(textOf(connector.sent().at(-1)!))?.[1];
    expect(number).toBeDefined();
    await postActivity(t.url, personalMessage(connector.url, who, 'pledge list'));
    expect(textOf(connector.sent().at(-1)!)).toContain(`#${number}`);
    const before = await pledged();
    await postActivity(t.url, personalMessage(connector.url, who, `/pledge cancel ${number}`));
    expect(textOf(connector.sent().at(-1)!)).toMatch(/cancelled/);
    expect(await pledged()).toBe(before - 70_000);
  });

  it('words it does not know get the help, without a slash in front of commands', async () => {
    await postActivity(t.url, personalMessage(connector.url, person(7), 'hello there'));
    const text = textOf(connector.sent().at(-1)!);
    // Commands as people type them in Teams: bold, no slash, no backticks shown literally.
    expect(text).toContain('**pledge 500**');
    expect(text).not.toContain('/pledge');
    expect(text).not.toContain('`');
  });

  it('unauthenticated (local use), the Bot Framework Emulator’s user can pledge though it sends no tenant', async () => {
    const before = await pledged();
    const emulator = {
      type: 'message',
      id: 'emulator-activity-1',
      channelId: 'emulator',
      serviceUrl: connector.url,
      from: { id: '5e1f0c8a-emulator-user', name: 'User', role: 'user' },
      recipient: { id: 'bot-id', name: 'Bot', role: 'bot' },
      conversation: { id: '9a3c1d20-livechat|livechat' },
      text: 'pledge 40',
      locale: 'en-US',
    };
    expect((await postActivity(t.url, emulator)).status).toBe(200);
    expect(textOf(connector.sent('9a3c1d20-livechat|livechat')[0]!)).toContain('pledge of 40 MAD');
    expect(await pledged()).toBe(before + 4_000);
  });

  it('a Slack pledge of 100 and a Teams pledge of 200 land in the same campaign: +30000, 2 more donors', async () => {
    const before = (await currentCampaign(t.url)).body.campaign;
    const slack = await postToSlackEndpoint(t.url, { body: slashCommandBody('/pledge', '100', { user: 'U0SLACK1' }) });
    expect(slack.status).toBe(200);
    await postActivity(t.url, personalMessage(connector.url, person(8), 'pledge 200'));
    const after = (await currentCampaign(t.url)).body.campaign;
    expect(Number(after.pledgedMinor) - Number(before.pledgedMinor)).toBe(30_000);
    expect(Number(after.donors) - Number(before.donors)).toBe(2);
  });
});
