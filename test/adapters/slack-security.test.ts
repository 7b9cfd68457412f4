import { readFileSync } from 'node:fs';
import { verifySlackRequest } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentCampaign, seedCampaign, startTestBot, type TestBot } from '../support/bot.js';
import { payloadBody, postToSlackEndpoint, slackSignature, slashCommandBody } from '../support/slack-sign.js';

const fixtures = 'test/fixtures/slack';
const knownAnswer = JSON.parse(readFileSync(`${fixtures}/01-signature-known-answer.json`, 'utf8')) as {
  signing_secret: string;
  x_slack_request_timestamp: number;
  raw_body: string;
  x_slack_signature: string;
};

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
  await seedCampaign(t.bot);
});
afterAll(async () => t?.close());

const pledgeCount = async () => Number((await currentCampaign(t.url)).body.campaign.pledges);

describe('Slack request signatures', () => {
  it('reproduces Slack’s documented known-answer signature, and Bolt accepts it', () => {
    const { signing_secret, x_slack_request_timestamp: ts, raw_body, x_slack_signature } = knownAnswer;
    expect(slackSignature(signing_secret, ts, raw_body)).toBe(x_slack_signature);
    expect(() =>
      verifySlackRequest({
        signingSecret: signing_secret,
        body: raw_body,
        headers: { 'x-slack-signature': x_slack_signature, 'x-slack-request-timestamp': ts },
        nowMilliseconds: ts * 1000 + 1000,
      }),
    ).not.toThrow();
  });

  it.each([
    ['forged with another secret', { secret: 'not-our-secret' }],
    ['unsigned', { signature: null }],
    ['six minutes old', { timestamp: Math.floor(Date.now() / 1000) - 360 }],
    ['dated an hour in the future', { timestamp: Math.floor(Date.now() / 1000) + 3600 }],
    ['signed over other bytes', { signature: slackSignature('x', 1, 'y') }],
  ])('answers 401 to a /pledge request %s, and records nothing', async (_name, tweak) => {
    const before = await pledgeCount();
    const res = await postToSlackEndpoint(t.url, { body: slashCommandBody('/pledge', '500'), ...tweak });
    expect(res.status).toBe(401);
    expect(await pledgeCount()).toBe(before);
  });

  it('answers Slack’s URL verification challenge (fixture 03)', async () => {
    const body = readFileSync(`${fixtures}/03-url-verification.json`, 'utf8');
    const res = await postToSlackEndpoint(t.url, { body, contentType: 'application/json' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P' });
  });

  it('answers ssl_check without a signature', async () => {
    const res = await postToSlackEndpoint(t.url, { body: 'ssl_check=1&token=x', signature: null });
    expect(res.status).toBe(200);
  });

  it('refuses a form body sent with a charset (Slack never does), so test clients cannot drift', async () => {
    const res = await postToSlackEndpoint(t.url, {
      body: slashCommandBody('/pledge', '500'),
      contentType: 'application/x-www-form-urlencoded; charset=utf-8',
    });
    expect(res.status).toBe(400);
  });
});

describe('junk that is correctly signed', () => {
  it.each([
    ['a payload that is not JSON', 'payload=%7Bnot-json', undefined],
    ['JSON that is not an object', '[1,2,3]', 'application/json'],
    ['invalid JSON', '{"type":', 'application/json'],
    ['an empty body', '', undefined],
    ['an unknown interactive type', payloadBody({ type: 'mystery', user: { id: 'U1' } }), undefined],
    ['an event envelope without an event', '{"type":"event_callback","event_id":"Ev1"}', 'application/json'],
  ])('answers %s with 400 at once, and records nothing', async (_name, body, contentType) => {
    const before = await pledgeCount();
    const res = await postToSlackEndpoint(t.url, { body, ...(contentType ? { contentType } : {}) });
    expect(res.status).toBe(400);
    expect(await pledgeCount()).toBe(before);
  });

  it('answers a body over 4 MB with 413', async () => {
    const res = await postToSlackEndpoint(t.url, { body: `command=%2Fpledge&text=${'x'.repeat(4 * 1024 * 1024 + 10)}` });
    expect(res.status).toBe(413);
  });

  it('stays up after junk: the next pledge still works', async () => {
    const res = await postToSlackEndpoint(t.url, { body: slashCommandBody('/pledge', '42') });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { text: string }).text).toContain('42');
  });

  it('answers an absurd command text politely without recording', async () => {
    const before = await pledgeCount();
    for (const text of ['💸'.repeat(2000), '\u0000\u0001', '500'.repeat(600), '<script>alert(1)</script>']) {
      const res = await postToSlackEndpoint(t.url, { body: slashCommandBody('/pledge', text) });
      expect(res.status).toBe(200);
      const reply = (await res.json()) as { text: string };
      expect(reply.text.length).toBeGreaterThan(10);
    }
    expect(await pledgeCount()).toBe(before);
  });
});
