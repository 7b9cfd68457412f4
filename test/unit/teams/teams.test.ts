import { describe, expect, it } from 'vitest';
import { commandText, readTurn, teamsIdentity } from '../../../adapters/teams/activity.js';
import { renderMessage, teamsMarkdown } from '../../../adapters/teams/render.js';
import { outcomeOf, retryAfterMs } from '../../../adapters/teams/sender.js';
import { serviceUrlTrust } from '../../../adapters/teams/service-urls.js';
import { message } from '../../../src/chat/reply.js';
import { bold, code, command } from '../../../src/chat/text.js';

const base = { type: 'message', serviceUrl: 'https://smba.trafficmanager.net/emea/', conversation: { id: 'a:1' } };

describe('Teams markdown', () => {
  it('draws the catalogue’s bold as Teams bold and commands and code in bold, the stars in them literal', () => {
    expect(teamsMarkdown(`${bold('Caravane 2026')} — ${code('a*b*c')} and ${bold('x')}`)).toBe('**Caravane 2026** — **a\\*b\\*c** and **x**');
    expect(teamsMarkdown(`Type ${command('/volunteer status')}.`)).toBe('Type **volunteer status**.');
    expect(teamsMarkdown('5 * 3 = 15, 2*3')).toBe('5 * 3 = 15, 2*3');
  });

  it('lays a reply out as paragraphs, the headline bold with the tone’s icon, spacer lines dropped', () => {
    const text = renderMessage(message('ok', ['', `line ${bold('one')}`, 'line two'], 'Thanks')).text;
    expect(text).toBe('✅ **Thanks**\n\nline **one**\n\nline two');
  });
});

describe('reading an activity', () => {
  it('strips the bot’s mention wherever it is, and a leading <at>…</at> whose text differs from the entity', () => {
    const turn = readTurn({
      ...base,
      text: 'Hey <at>Caravane Bot</at> pledge 50',
      recipient: { id: '28:bot' },
      entities: [{ type: 'mention', text: '<at>Caravane Bot</at>', mentioned: { id: '28:bot' } }],
    });
    expect(commandText(turn)).toBe('Hey pledge 50');
    expect(commandText({ text: '<at>@Caravane</at>&nbsp;pledge&nbsp;20 ', botMentions: [] })).toBe('pledge 20');
  });

  it('tells personal chats, group chats and channel threads apart, even without conversationType', () => {
    expect(readTurn({ ...base, conversation: { id: 'a:1', conversationType: 'personal' } }).conversationType).toBe('personal');
    expect(readTurn({ ...base, conversation: { id: '19:g@thread.v2', isGroup: true } }).conversationType).toBe('groupChat');
    const thread = readTurn({ ...base, conversation: { id: '19:c@thread.skype;messageid=1481567603816' } });
    expect(thread.conversationType).toBe('channel');
    expect(thread.rootConversationId).toBe('19:c@thread.skype');
  });

  it('reads the tenant from conversation or channelData; a person needs both tenant and AAD id', () => {
    const withChannelData = readTurn({ ...base, from: { id: '29:x', aadObjectId: 'aad' }, channelData: { tenant: { id: 't1' } } });
    expect(teamsIdentity(withChannelData)).toMatchObject({ platform: 'teams', tenantId: 't1', userId: 'aad' });
    expect(teamsIdentity(readTurn({ ...base, from: { id: '29:x' }, channelData: { tenant: { id: 't1' } } }))).toBeNull();
    expect(teamsIdentity(readTurn({ ...base, from: { id: '29:x', aadObjectId: 'aad' } }))).toBeNull();
  });

  it('takes the Emulator’s user as a person only for local use', () => {
    const emulator = readTurn({ ...base, channelId: 'emulator', from: { id: 'user-1', name: 'User' } });
    expect(teamsIdentity(emulator, true)).toMatchObject({ tenantId: 'emulator', userId: 'user-1' });
    expect(teamsIdentity(emulator, false)).toBeNull();
    expect(teamsIdentity(readTurn({ ...base, channelId: 'msteams', from: { id: 'user-1' } }), true)).toBeNull();
  });

  it('keeps only languages we speak; odd field types do not throw', () => {
    expect(readTurn({ ...base, locale: 'fr-MA' }).locale).toBe('fr');
    expect(readTurn({ ...base, locale: 'de-DE' }).locale).toBeUndefined();
    expect(() => readTurn({ ...base, from: 'nobody', entities: 'none', channelData: [1], locale: 7 })).not.toThrow();
  });
});

describe('which serviceUrls the bot may send its token to', () => {
  const trust = serviceUrlTrust(['https://proxy.example.com/teams', 'http://127.0.0.1:3978']);

  it.each([
    ['https://smba.trafficmanager.net/amer/50612dbb-0237-4969-b378-8d42590f9c00/', true],
    ['https://smba.infra.gcc.teams.microsoft.com/gcc', true],
    ['https://smba.infra.gov.teams.microsoft.us/gcch', true],
    ['https://skype.botframework.com', true],
    ['http://smba.trafficmanager.net/amer/', false],
    ['https://smba.trafficmanager.net.evil.com/', false],
    ['https://evilbotframework.com/', false],
    ['https://user:pw@smba.trafficmanager.net/', false],
    ['https://proxy.example.com/teams/amer/', true],
    ['https://proxy.example.com/teamsx/', false],
    ['http://127.0.0.1:3978/', true],
    ['http://127.0.0.1:39780/', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => {
    expect(trust(url)).toBe(expected);
  });
});

describe('send outcomes', () => {
  const rest = (statusCode: number, retryAfter?: string) => ({
    statusCode,
    message: 'x',
    response: { headers: { get: (n: string) => (n === 'retry-after' ? retryAfter : undefined) } },
  });

  it('maps connector answers to what the outbox does next', () => {
    expect(outcomeOf(rest(429, '30'))).toMatchObject({ status: 'retry', retryAfterMs: 30_000 });
    expect(outcomeOf(rest(403))).toMatchObject({ status: 'failed' });
    expect(outcomeOf(rest(404))).toMatchObject({ status: 'failed' });
    expect(outcomeOf(rest(400))).toMatchObject({ status: 'retry' });
    expect(outcomeOf(new Error('socket hang up'))).toMatchObject({ status: 'retry' });
  });

  it('reads Retry-After as seconds or as a date', () => {
    const now = Date.parse('2026-11-27T12:00:00Z');
    expect(retryAfterMs('1.5', now)).toBe(1500);
    expect(retryAfterMs('Fri, 27 Nov 2026 12:00:10 GMT', now)).toBe(10_000);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(undefined, now)).toBeUndefined();
  });
});
