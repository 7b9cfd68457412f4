/**
 * Authenticated Teams (MICROSOFT_APP_ID set), offline: the signing keys come from a loopback OpenID
 * endpoint and outbound calls use a fake credentials factory, so nothing reaches Microsoft.
 */
import { createHmac } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ID, fakeCredentials, OUTBOUND_TOKEN, signToken, startOpenIdServer, type OpenIdServer } from '../support/bot-framework-jwt.js';
import { currentCampaign, seedCampaign, startTestBot, type TestBot } from '../support/bot.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import { person, personalMessage, postActivity } from '../support/teams-activities.js';

let t: TestBot;
let openid: OpenIdServer;
let connector: FakeConnector;
let stranger: FakeConnector;

beforeAll(async () => {
  openid = await startOpenIdServer();
  connector = await startFakeConnector();
  stranger = await startFakeConnector();
  t = await startTestBot({
    env: {
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_PASSWORD: 'not-used-by-the-fake-credentials',
      MICROSOFT_OPENID_METADATA_URL: openid.metadataUrl,
      TEAMS_ALLOWED_SERVICE_URLS: connector.url,
    },
    teamsCredentials: fakeCredentials(),
  });
  await seedCampaign(t.bot);
});
afterAll(async () => {
  await t?.close();
  await Promise.all([openid?.close(), connector?.close(), stranger?.close()]);
});

const pledged = async () => Number((await currentCampaign(t.url)).body.campaign.pledgedMinor);
const stored = async (serviceUrl: string) =>
  Number((await sql<{ n: string }>`select count(*) as n from teams_conversations where service_url = ${serviceUrl}`.execute(t.db.db)).rows[0]?.n);

let n = 0;
/** A `pledge 100` from a new person, posted with the given Authorization header (or none). */
async function pledgeWith(authorization: string | null, serviceUrl = connector.url) {
  const activity = personalMessage(serviceUrl, person(`auth-${++n}`), 'pledge 100');
  return postActivity(t.url, activity, authorization === null ? {} : { authorization });
}

function hs256Token(): string {
  const enc = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const input = `${enc({ alg: 'HS256', typ: 'JWT', kid: openid.key.kid })}.${enc({ iss: 'https://api.botframework.com', aud: APP_ID, serviceurl: connector.url, exp: Math.floor(Date.now() / 1000) + 600 })}`;
  return `${input}.${createHmac('sha256', 'guess').update(input).digest('base64url')}`;
}

describe('Teams with MICROSOFT_APP_ID: every activity’s token is checked', () => {
  it('says it is authenticated', () => {
    expect(t.bot.teams.mode).toBe('authenticated');
  });

  it('a good token is processed: the pledge is recorded and the reply carries the bot’s own token', async () => {
    const before = await pledged();
    const res = await pledgeWith(`Bearer ${signToken(openid.key, { serviceurl: connector.url })}`);
    expect(res.status).toBe(200);
    expect(await pledged()).toBe(before + 10_000);
    const reply = connector.sent().at(-1);
    expect(String(reply?.body?.text)).toContain('100 MAD');
    expect(reply?.authorization).toBe(OUTBOUND_TOKEN);
  });

  it.each([
    ['no Authorization header', () => null],
    ['garbage', () => 'Bearer not-a-jwt'],
    ['another scheme', () => `Basic ${Buffer.from('a:b').toString('base64')}`],
    ['a key the metadata does not publish', () => `Bearer ${signToken(openid.strangerKey, { serviceurl: connector.url })}`],
    ['a published key id signed by another key', () => `Bearer ${signToken({ ...openid.strangerKey, kid: openid.key.kid }, { serviceurl: connector.url })}`],
    ['HS256 instead of RSA', () => `Bearer ${hs256Token()}`],
    ['the wrong audience', () => `Bearer ${signToken(openid.key, { serviceurl: connector.url, aud: 'another-app' })}`],
    ['the wrong issuer', () => `Bearer ${signToken(openid.key, { serviceurl: connector.url, iss: 'https://evil.example' })}`],
    ['an expired token', () => `Bearer ${signToken(openid.key, { serviceurl: connector.url, expiresIn: -3600 })}`],
    ['a serviceurl claim for another connector', () => `Bearer ${signToken(openid.key, { serviceurl: stranger.url })}`],
  ])('%s → 401, nothing recorded, nothing sent', async (_what, header) => {
    const before = { pledged: await pledged(), calls: connector.calls.length, refs: await stored(connector.url) };
    const res = await pledgeWith(header());
    expect(res.status).toBe(401);
    expect(JSON.stringify(res.body)).not.toMatch(/jwt|signature|stack/i);
    expect(await pledged()).toBe(before.pledged);
    expect(connector.calls.length).toBe(before.calls);
    expect(await stored(connector.url)).toBe(before.refs);
  });

  it('a genuine token naming a serviceUrl off the allowlist: refused, not stored, nothing sent there', async () => {
    const before = await pledged();
    const res = await pledgeWith(`Bearer ${signToken(openid.key, { serviceurl: stranger.url })}`, stranger.url);
    expect(res.status).toBe(403);
    expect(stranger.calls).toHaveLength(0);
    expect(await stored(stranger.url)).toBe(0);
    expect(await pledged()).toBe(before);
  });

  it('still works after all that', async () => {
    const res = await pledgeWith(`Bearer ${signToken(openid.key, { serviceurl: connector.url })}`);
    expect(res.status).toBe(200);
  });
});
