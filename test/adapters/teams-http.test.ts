import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCampaign, startTestBot, type TestBot } from '../support/bot.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import { person, personalMessage, postActivity } from '../support/teams-activities.js';

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

const works = async () => (await postActivity(t.url, personalMessage(connector.url, person(99), 'caravan'))).status;

describe('POST /api/messages with bodies that are not activities', () => {
  it.each([
    ['invalid JSON', 400, '{"type": "message",'],
    ['a JSON array', 400, '[{"type":"message"}]'],
    ['a JSON string', 400, '"message"'],
    ['an object without type', 400, JSON.stringify({ text: 'pledge 10', serviceUrl: 'http://127.0.0.1:9/', conversation: { id: 'a' } })],
    ['an empty type', 400, JSON.stringify({ type: '', serviceUrl: 'http://127.0.0.1:9/', conversation: { id: 'a' } })],
    ['no serviceUrl', 400, JSON.stringify({ type: 'message', text: 'pledge 10', conversation: { id: 'a' } })],
    ['a serviceUrl that is not http(s)', 400, JSON.stringify({ type: 'message', serviceUrl: 'file:///etc/passwd', conversation: { id: 'a' } })],
    ['no conversation', 400, JSON.stringify({ type: 'message', serviceUrl: 'http://127.0.0.1:9/' })],
    ['an oversize body', 413, JSON.stringify({ type: 'message', text: 'x'.repeat(400_000) })],
  ])('%s → %i, and the next activity is answered', async (_what, status, body) => {
    const res = await postActivity(t.url, body);
    expect(res.status).toBe(status);
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(js|ts):\d+/);
    expect(await works()).toBe(200);
  });

  it('a body sent as text/plain is refused with 400', async () => {
    const res = await postActivity(t.url, JSON.stringify(personalMessage(connector.url, person(1), 'caravan')), { 'content-type': 'text/plain' });
    expect(res.status).toBe(400);
  });

  it('each refusal names its reason, whether the body came through express or not', async () => {
    const activity = JSON.stringify(personalMessage(connector.url, person(2), 'caravan'));
    const cases: Array<[string, Record<string, string>, number, unknown]> = [
      ['{"type": "message",', {}, 400, { error: 'invalid_json' }],
      ['"message"', {}, 400, { error: 'invalid_json' }],
      ['', {}, 400, { error: 'invalid_activity' }],
      [JSON.stringify({ type: 'message', text: 'x'.repeat(400_000) }), {}, 413, { error: 'too_large' }],
      [activity, { 'content-type': 'application/json; charset=latin1' }, 415, { error: 'unsupported_encoding' }],
      [activity, { 'content-type': 'application/json; charset=utf-8' }, 200, undefined],
      [activity, { 'content-type': 'application/json; charset=utf-8; x=y' }, 200, undefined],
      [`\uFEFF${activity}`, {}, 200, undefined],
    ];
    for (const [body, headers, status, answer] of cases) {
      const res = await postActivity(t.url, body, headers);
      expect([res.status, res.body]).toEqual([status, answer]);
    }
  });

  it('only POST: a GET is not found', async () => {
    expect((await fetch(`${t.url}/api/messages`)).status).toBe(404);
  });
});

describe('when the connector refuses a reply', () => {
  it('the turn error is logged with the activity id and the person gets a short apology', async () => {
    let first = true;
    connector.respond((call) => {
      if (call.method !== 'POST' || !first) return undefined;
      first = false;
      return { status: 400, body: { error: { code: 'BadArgument', message: 'refused once' } } };
    });
    try {
      const activity = personalMessage(connector.url, person(2), 'caravan');
      const res = await postActivity(t.url, activity);
      expect(res.status).toBe(200);
      const apology = connector.sent().at(-1);
      expect(String(apology?.body?.text)).toMatch(/Sorry, something went wrong/);
      expect(String(apology?.body?.text)).not.toMatch(/refused once|Error|at /);
      const logged = t.logs.filter((l) => l.includes('teams turn failed'));
      expect(logged.some((l) => l.includes(String(activity.id)))).toBe(true);
    } finally {
      connector.respond(null);
    }
  });

  it('a 403 (bot blocked or removed) marks the conversation inactive', async () => {
    const activity = personalMessage(connector.url, person(3), 'caravan');
    const conversationId = (activity.conversation as { id: string }).id;
    connector.respond((call) =>
      call.method === 'POST' ? { status: 403, body: { error: { code: 'BotDisabledByAdmin', message: '{"subCode":"MessageWritesBlocked"}' } } } : undefined,
    );
    try {
      expect((await postActivity(t.url, activity)).status).toBe(200);
    } finally {
      connector.respond(null);
    }
    expect((await t.bot.teams.conversations.get(conversationId))?.active).toBe(false);
    // Writing to the bot again shows it is back: the reference is active again.
    await postActivity(t.url, personalMessage(connector.url, person(3), 'caravan'));
    expect((await t.bot.teams.conversations.get(conversationId))?.active).toBe(true);
  });
});

describe('the bot joining and leaving conversations', () => {
  const lifecycle = (type: string, extra: Record<string, unknown>) => {
    const base = personalMessage(connector.url, person(40), '');
    return { ...base, type, text: undefined, ...extra };
  };
  const conversationId = `a:personal-${person(40).aadObjectId}`;

  it('installationUpdate remove makes the personal chat inactive; add makes it active again', async () => {
    expect((await postActivity(t.url, lifecycle('installationUpdate', { action: 'add' }))).status).toBe(200);
    expect((await t.bot.teams.conversations.get(conversationId))?.active).toBe(true);
    await postActivity(t.url, lifecycle('installationUpdate', { action: 'remove' }));
    expect((await t.bot.teams.conversations.get(conversationId))?.active).toBe(false);
    await postActivity(t.url, lifecycle('installationUpdate', { action: 'add' }));
    expect((await t.bot.teams.conversations.get(conversationId))?.active).toBe(true);
  });

  it('a conversationUpdate removing the bot makes the conversation inactive; removing someone else does not', async () => {
    const bot = (personalMessage(connector.url, person(40), '').recipient as { id: string }).id;
    await postActivity(t.url, lifecycle('conversationUpdate', { membersRemoved: [{ id: '29:someone-else' }] }));
    expect((await t.bot.teams.conversations.get(conversationId))?.active).toBe(true);
    await postActivity(t.url, lifecycle('conversationUpdate', { membersRemoved: [{ id: bot }] }));
    expect((await t.bot.teams.conversations.get(conversationId))?.active).toBe(false);
  });
});
