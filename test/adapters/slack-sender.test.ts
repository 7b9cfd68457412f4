import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackSender } from '../../adapters/slack/sender.js';
import type { OutgoingMessage, PlatformSender } from '../../src/messaging/ports.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';

let slack: FakeSlack;
let sender: PlatformSender;
const message: OutgoingMessage = {
  kind: 'message',
  tone: 'info',
  headline: 'Annonce',
  lines: ['Bonjour'],
  attachments: [{ kind: 'image', url: 'https://example.test/a.png', alt: 'La caravane' }],
};
const to = (channelId: string) => ({ platform: 'slack' as const, channelId });

beforeAll(async () => {
  slack = await startFakeSlack();
  sender = createSlackSender({ token: slack.token, apiUrl: slack.apiUrl });
});
afterAll(async () => slack?.close());

describe('the Slack sender', () => {
  it('posts once with the text, the blocks, an image block and the delivery id', async () => {
    expect(await sender.send(to('COK'), message, { deliveryId: '42' })).toMatchObject({ status: 'sent', platformMessageId: expect.any(String) });
    const call = slack.callsTo('chat.postMessage').at(-1);
    expect(call?.authorization).toBe(`Bearer ${slack.token}`);
    expect(String(call?.form.text)).toContain('Bonjour');
    expect(JSON.stringify(call?.form.blocks)).toContain('"type":"image"');
    expect(call?.form.metadata).toEqual({ event_type: 'caravane_delivery', event_payload: { delivery: '42' } });
  });

  it('turns 429 into a retry after Retry-After, without waiting or retrying itself', async () => {
    slack.script('chat.postMessage', { status: 429, retryAfter: 7 });
    const before = slack.callsTo('chat.postMessage').length;
    expect(await sender.send(to('CBUSY'), message)).toEqual({ status: 'retry', failure: { code: 'rate_limited' }, retryAfterMs: 7000 });
    expect(slack.callsTo('chat.postMessage').length).toBe(before + 1);
  });

  it('stops on answers that will not change, retries the passing ones', async () => {
    const permanent = {
      channel_not_found: 'destination.not_found',
      is_archived: 'destination.archived',
      not_in_channel: 'bot.not_member',
      account_inactive: 'bot.inactive',
      invalid_auth: 'token.refused',
      missing_scope: 'permission.missing',
    } as const;
    for (const [error, code] of Object.entries(permanent)) {
      slack.script('chat.postMessage', { body: { ok: false, error } });
      expect(await sender.send(to('CGONE'), message)).toEqual({ status: 'failed', failure: { code } });
    }
    slack.script('chat.postMessage', { body: { ok: false, error: 'msg_too_long' } });
    expect(await sender.send(to('CGONE'), message)).toEqual({ status: 'failed', failure: { code: 'message.refused', platformCode: 'msg_too_long' } });
    slack.script('chat.postMessage', { body: { ok: false, error: 'internal_error' } });
    expect(await sender.send(to('C1'), message)).toEqual({ status: 'retry', failure: { code: 'platform.error' } });
    slack.script('chat.postMessage', { status: 503, body: { ok: false } });
    expect(await sender.send(to('C1'), message)).toEqual({ status: 'retry', failure: { code: 'platform.error', status: 503 } });
    slack.script('chat.postMessage', { status: 403, body: { ok: false } });
    expect(await sender.send(to('C1'), message)).toEqual({ status: 'failed', failure: { code: 'bot.removed' } });
  });

  it('says a refused connection reached nobody', async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    await new Promise<void>((r) => server.close(() => r()));
    const offline = createSlackSender({ token: slack.token, apiUrl: `http://127.0.0.1:${port}/api/` });
    expect(await offline.send(to('C1'), message)).toEqual({ status: 'retry', failure: { code: 'network', refused: true } });
  });

  it('finds a post by its delivery id after a lost answer, and says when there is none', async () => {
    const since = new Date(Date.now() - 5_000);
    await sender.send(to('CLOST'), message, { deliveryId: 'lost-1' });
    expect(await sender.findDelivered?.(to('CLOST'), 'lost-1', since)).toMatchObject({ delivered: true });
    expect(await sender.findDelivered?.(to('CLOST'), 'never-sent', since)).toEqual({ delivered: false });
    slack.script('conversations.history', { body: { ok: false, error: 'missing_scope' } });
    expect(await sender.findDelivered?.(to('CLOST'), 'lost-1', since)).toEqual({ delivered: 'unknown' });
  });
});
