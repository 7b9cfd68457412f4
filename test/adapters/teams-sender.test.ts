import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { message } from '../../src/chat/reply.js';
import { bold } from '../../src/chat/text.js';
import { startTestBot, type TestBot } from '../support/bot.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import { CHANNEL, channelMessage, person, personalMessage, postActivity, TENANT } from '../support/teams-activities.js';

let t: TestBot;
let connector: FakeConnector;
const digest = message('info', [`12 donors · ${bold('3 days left')}`], 'Caravane 2026');

beforeAll(async () => {
  connector = await startFakeConnector();
  t = await startTestBot();
});
afterAll(async () => {
  await t?.close();
  await connector?.close();
});
beforeEach(() => connector.respond(null));

/** A person says hello in their 1:1 chat, so the bot has a reference to send to later. */
async function personalChat(n: number): Promise<string> {
  const activity = personalMessage(connector.url, person(n), 'caravan');
  await postActivity(t.url, activity);
  return (activity.conversation as { id: string }).id;
}

const send = (conversationId: string) => t.bot.teams.sender.send({ platform: 'teams', conversationId }, digest);

describe('TeamsSender (proactive messages for the outbox)', () => {
  it('sends into a stored personal chat and returns the connector’s message id', async () => {
    const conversationId = await personalChat(1);
    const before = connector.calls.length;
    const outcome = await send(conversationId);
    expect(outcome).toEqual({ status: 'sent', platformMessageId: expect.stringMatching(/^activity-/) });
    const calls = connector.calls.slice(before);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ method: 'POST', conversationId, activityId: undefined });
    expect(String(calls[0]?.body?.text)).toContain('**3 days left**');
  });

  it('posts to the channel itself, not to the thread the bot was mentioned in', async () => {
    await postActivity(t.url, channelMessage(connector.url, person(2), '<at>Caravane</at> caravan'));
    const before = connector.calls.length;
    expect((await send(CHANNEL)).status).toBe('sent');
    expect(connector.calls.slice(before)[0]?.conversationId).toBe(CHANNEL);
  });

  it.each([
    [429, { 'retry-after': '7' }, { status: 'retry', retryAfterMs: 7000 }],
    [503, { 'retry-after': '2' }, { status: 'retry', retryAfterMs: 2000 }],
    [412, {}, { status: 'retry' }],
    [502, {}, { status: 'retry' }],
    [504, {}, { status: 'retry' }],
    [500, {}, { status: 'retry' }],
    [404, {}, { status: 'failed' }],
  ])('a %i answer is one attempt (botbuilder’s retries are off) and becomes %j', async (status, headers, expected) => {
    const conversationId = await personalChat(10 + status);
    connector.respond(() => ({ status, headers, body: { error: { code: 'Scripted', message: 'scripted' } } }));
    const before = connector.calls.length;
    const outcome = await send(conversationId);
    expect(outcome).toMatchObject(expected);
    if (!('retryAfterMs' in expected)) expect(outcome).not.toHaveProperty('retryAfterMs');
    expect(connector.calls.length - before).toBe(1);
    expect((await t.bot.teams.conversations.get(conversationId))?.active).toBe(true);
  });

  it('a 403 fails for good and marks the conversation inactive; later sends do not call the connector', async () => {
    const conversationId = await personalChat(3);
    connector.respond(() => ({ status: 403, body: { error: { code: 'BotDisabledByAdmin', message: '{"subCode":"MessageWritesBlocked"}' } } }));
    const before = connector.calls.length;
    expect(await send(conversationId)).toMatchObject({ status: 'failed' });
    expect((await t.bot.teams.conversations.get(conversationId))?.active).toBe(false);
    expect(await send(conversationId)).toMatchObject({ status: 'failed' });
    // One attempt, and no apology sent anywhere: a proactive failure is not a person's turn.
    expect(connector.calls.length - before).toBe(1);
  });

  it('an unknown conversation fails without a call; an unreachable connector is worth a retry', async () => {
    expect(await send('a:never-seen')).toMatchObject({ status: 'failed' });
    await t.bot.teams.conversations.upsert({
      conversationId: 'a:unreachable',
      type: 'personal',
      tenantId: TENANT,
      serviceUrl: 'http://127.0.0.1:1/',
      bfChannelId: 'msteams',
      botId: '28:bot',
      botName: null,
      teamsChannelId: null,
      teamId: null,
      userAadObjectId: 'aad-unreachable',
      userId: '29:unreachable',
      active: true,
    });
    expect(await send('a:unreachable')).toMatchObject({ status: 'retry' });
  });

  it('the direct chats port finds a person’s personal chat, which the sender can use', async () => {
    const who = person(4);
    const conversationId = await personalChat(4);
    const direct = t.bot.deps.photos?.direct;
    const destination = await direct?.of({ platform: 'teams', userId: who.aadObjectId, tenantId: TENANT });
    expect(destination).toEqual({ platform: 'teams', conversationId, tenantId: TENANT });
    expect(await t.bot.teams.sender.send(destination ?? { platform: 'teams', conversationId: '-' }, digest)).toMatchObject({ status: 'sent' });
    expect(await direct?.of({ platform: 'teams', userId: 'aad-nobody', tenantId: TENANT })).toBeNull();
  });
});
