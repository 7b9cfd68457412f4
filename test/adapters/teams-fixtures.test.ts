/**
 * Every activity in test/fixtures/teams (real Teams captures and Microsoft's docs samples, see
 * SOURCES.md there) replayed over HTTP into the running bot, serviceUrl pointed at the fake connector.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCampaign, startTestBot, type TestBot } from '../support/bot.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import { postActivity } from '../support/teams-activities.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'teams');
type Json = Record<string, unknown>;

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

function fixture(name: string): Json {
  return JSON.parse(readFileSync(join(DIR, name), 'utf8')) as Json;
}

/** The fixture as Teams would send it to this bot: same activity, our fake connector as serviceUrl. */
const replay = (name: string, over: Json = {}) => postActivity(t.url, { ...fixture(name), serviceUrl: connector.url, ...over });

const textOf = (call: { body: Json | undefined } | undefined) => String(call?.body?.text ?? '');
const identities = async () => Number((await sql<{ n: string }>`select count(*) as n from identities`.execute(t.db.db)).rows[0]?.n);

describe('Teams fixtures replayed', () => {
  const activities = readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .filter((f) => typeof fixture(f).type === 'string');

  it('covers every activity in the folder (the attachment-only files are not activities)', () => {
    expect(activities).toEqual([
      '01-channel-message-bot-mention.json',
      '02-invoke-adaptiveCard-action-execute.json',
      '03-personal-message-rich-text.json',
      '04-conversationUpdate-bot-added-to-team.json',
      '05-conversationUpdate-bot-added-personal.json',
      '06-channel-message-mention-with-image-attachment.json',
      '07-message-card-postback-value.json',
    ]);
  });

  it.each(activities)('%s is answered 200 and the bot keeps running', async (name) => {
    const res = await replay(name);
    expect(res.status).toBe(200);
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
  });

  it('01 (channel @mention, real capture): one reply in the thread, to that message; the channel is remembered', async () => {
    const before = connector.sent().length;
    await replay('01-channel-message-bot-mention.json', { id: 'fixture-01-again' });
    const replies = connector.sent().slice(before);
    expect(replies).toHaveLength(1);
    expect(replies[0]?.conversationId).toBe('19:6848757105754c8981c67612732d9aa7@thread.tacv2;messageid=1759881511856');
    expect(replies[0]?.activityId).toBe('fixture-01-again');
    expect(textOf(replies[0])).toContain('What you can do');
    expect(await t.bot.teams.conversations.get('19:6848757105754c8981c67612732d9aa7@thread.tacv2')).toMatchObject({
      type: 'channel',
      tenantId: '50612dbb-0237-4969-b378-8d42590f9c00',
      teamId: '19:66P469zibfbsGI-_a0aN_toLTZpyzS6u7CT3TsXdgPw1@thread.tacv2',
      botId: '28:0b6fe6d1-fece-44f7-9a48-56465e2d5ab8',
      active: true,
    });
  });

  it('02 (Action.Execute from a card that is not ours): an invoke answer saying the button is stale', async () => {
    const res = await replay('02-invoke-adaptiveCard-action-execute.json');
    expect(res.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
  });

  it('03 (1:1, tenant only in channelData): the person is known by tenant + AAD id; the personal chat is remembered', async () => {
    await replay('03-personal-message-rich-text.json', { id: 'fixture-03-again' });
    const chat = await t.bot.teams.conversations.personal('7faf8ab2-3d56-4244-b585-20c8a42ed2b8', '72f988bf-86f1-41af-91ab-2d7cd011db47');
    expect(chat?.conversationId).toMatch(/^a:17I0kl9Ekp/);
    expect(chat?.userId).toMatch(/^29:1XJKJMvc5G/);
  });

  it('04 (bot added to a team): the channel is remembered with its team, and nothing is posted', async () => {
    const before = connector.sent().length;
    await replay('04-conversationUpdate-bot-added-to-team.json');
    expect(connector.sent().length).toBe(before);
    expect(await t.bot.teams.conversations.get('19:0b7f32667e064dd9b25d7969801541f4@thread.tacv2')).toMatchObject({
      type: 'channel',
      teamId: '19:zFLSDFWsesfzcmKArqKJ-65aOXJz@sgf462H2wz41@thread.tacv2',
      tenantId: 'b28fdbfd-2b78-4f93-b0f8-8881793f0f8f',
      active: true,
    });
  });

  it('05 (bot added to a 1:1, placeholder ids): remembered as a personal chat', async () => {
    await replay('05-conversationUpdate-bot-added-personal.json');
    expect(await t.bot.teams.conversations.get('***')).toMatchObject({ type: 'personal', userId: '29:<USERID>', active: true });
  });

  it('06 (no tenant, no AAD id): a polite answer that the bot cannot tell who writes; no person recorded', async () => {
    const people = await identities();
    const before = connector.sent().length;
    await replay('06-channel-message-mention-with-image-attachment.json', { text: '<at>Caravane</at> pledge 500' });
    const replies = connector.sent().slice(before);
    expect(replies).toHaveLength(1);
    // No locale anywhere in this one: the campaign's default language (French).
    expect(textOf(replies[0])).toMatch(/ne parviens pas à vous identifier/);
    expect(await identities()).toBe(people);
  });

  it('07 (card postback with an unknown `value`, no AAD id): treated as a message, answered in its clientInfo language, nothing recorded', async () => {
    const people = await identities();
    const before = connector.sent().length;
    await replay('07-message-card-postback-value.json');
    expect(textOf(connector.sent().slice(before)[0])).toMatch(/cannot tell who you are/);
    expect(await identities()).toBe(people);
  });

  it('07 verbatim (trailing comma, invalid JSON) gets a 400, and the next activity is answered', async () => {
    const raw = readFileSync(join(DIR, '07-message-card-postback-value.verbatim.txt'), 'utf8');
    const res = await postActivity(t.url, raw.replace('https://smba.trafficmanager.net/amer-client-ss.msg/', connector.url));
    expect(res.status).toBe(400);
    expect((await replay('03-personal-message-rich-text.json', { id: 'after-bad-json' })).status).toBe(200);
  });

  it('03 carrying 08 (an inline image) is still a message the bot answers', async () => {
    const before = connector.sent().length;
    const image = fixture('08-attachment-inline-image.json');
    const res = await replay('03-personal-message-rich-text.json', { id: 'with-image', text: 'pledge list', attachments: [image] });
    expect(res.status).toBe(200);
    expect(connector.sent().length).toBe(before + 1);
  });
});
