/**
 * Who is believed at the edges: Teams is off without its credentials (an unsigned activity claiming an
 * HR person's id changes nothing), and an HR entry counts only for this organisation's own workspace
 * or tenant; the same user id from a shared channel or another tenant is nobody special.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../adapters/config.js';
import { seedCampaign, startTestBot, type TestBot } from '../support/bot.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import { startFakeSlack } from '../support/fake-slack.js';
import { postToSlackEndpoint, slashCommandBody } from '../support/slack-sign.js';
import { channelMessage, person, personalMessage, postActivity } from '../support/teams-activities.js';

const HR_TEAMS = person('hr');
const OTHER_TENANT = '11111111-2222-4333-8444-555555555555';
let connector: FakeConnector;

beforeAll(async () => {
  connector = await startFakeConnector();
});
afterAll(async () => connector?.close());

const count = async (t: TestBot, table: 'pledges' | 'campaign_channels' | 'outbox_messages') =>
  (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(t.bot.database.db)).rows[0]?.n ?? 0;

async function slashText(t: TestBot, command: string, text: string, opts: Parameters<typeof slashCommandBody>[2]) {
  const res = await postToSlackEndpoint(t.url, { body: slashCommandBody(command, text, opts) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { text: string }).text;
}

describe('Teams without MICROSOFT_APP_ID', () => {
  let t: TestBot;
  beforeAll(async () => {
    // A Slack-only deployment facing the world, as the README describes it, with an HR person on Teams.
    t = await startTestBot({
      env: { TEAMS_EMULATOR: '', NODE_ENV: 'production', PUBLIC_URL: 'https://caravane.example.com', ADMINS: `slack:UHR,teams:${HR_TEAMS.aadObjectId}` },
    });
    await seedCampaign(t.bot);
    await slashText(t, '/caravan', 'channel', { user: 'UHR', channel: 'CCAMP' });
  });
  afterAll(async () => t?.close());

  it('is off: an unsigned activity claiming HR’s id gets 404, announces nothing, links nothing', async () => {
    expect(t.bot.teams.mode).toBe('off');
    const before = { outbox: await count(t, 'outbox_messages'), channels: await count(t, 'campaign_channels') };
    const announce = await postActivity(
      t.url,
      channelMessage(connector.url, HR_TEAMS, '<at>Caravane</at> caravan announce send your donations to account 0000'),
    );
    const exported = await postActivity(t.url, personalMessage(connector.url, HR_TEAMS, 'caravan export volunteers'));
    expect([announce.status, exported.status]).toEqual([404, 404]);
    expect(await count(t, 'outbox_messages')).toBe(before.outbox);
    expect(await count(t, 'campaign_channels')).toBe(before.channels);
    expect(connector.sent()).toHaveLength(0);
    expect(t.slack.posted).toHaveLength(0);
  });

  it('is off: nobody can pledge as anyone', async () => {
    const res = await postActivity(t.url, personalMessage(connector.url, person(42), 'pledge 90000'));
    expect(res.status).toBe(404);
    expect(await count(t, 'pledges')).toBe(0);
  });
});

describe('TEAMS_EMULATOR', () => {
  it.each([
    ['NODE_ENV=production', { NODE_ENV: 'production' }],
    ['an https PUBLIC_URL', { PUBLIC_URL: 'https://caravane.example.com' }],
  ])('is refused with %s, in one line naming the variable', (_name, env) => {
    expect(() => loadConfig({ TEAMS_EMULATOR: '1', ...env })).toThrow(/^TEAMS_EMULATOR: refused in production/);
  });

  it('is the only way to run Teams without authentication, and never beside MICROSOFT_APP_ID', () => {
    expect(loadConfig({}).teams.mode).toBe('off');
    expect(loadConfig({ TEAMS_EMULATOR: '1' }).teams.mode).toBe('emulator');
    expect(loadConfig({ MICROSOFT_APP_ID: 'x' }).teams.mode).toBe('authenticated');
    expect(() => loadConfig({ TEAMS_EMULATOR: '1', MICROSOFT_APP_ID: 'x' })).toThrow(/TEAMS_EMULATOR/);
  });
});

describe('HR is a person of this organisation', () => {
  let t: TestBot;
  beforeAll(async () => {
    // The fake Slack's auth.test says the app is installed in T111; Teams HR counts in the test tenant only.
    t = await startTestBot({ env: { ADMINS: `slack:UHR,teams:${HR_TEAMS.aadObjectId}` } });
    await seedCampaign(t.bot);
  });
  afterAll(async () => t?.close());

  it('Slack: HR’s user id from another workspace (a shared channel) is refused and changes nothing', async () => {
    const text = await slashText(t, '/caravan', 'channel', { user: 'UHR', team: 'T999', channel: 'CSHARED' });
    expect(text).toContain('réservée à l’équipe RH');
    expect(await count(t, 'campaign_channels')).toBe(0);
    expect(await slashText(t, '/caravan', 'channel', { user: 'UHR', team: 'T111', channel: 'CHOME' })).toContain('canal de la campagne');
    expect(await count(t, 'campaign_channels')).toBe(1);
  });

  it('Teams: HR’s AAD object id from another tenant is refused and announces nothing', async () => {
    const stranger = { ...HR_TEAMS, tenantId: OTHER_TENANT };
    const before = await count(t, 'outbox_messages');
    const res = await postActivity(t.url, personalMessage(connector.url, stranger, 'caravan announce send your donations to account 0000'));
    expect(res.status).toBe(200);
    expect(String(connector.sent().at(-1)?.body?.text)).toMatch(/HR team only/);
    expect(await count(t, 'outbox_messages')).toBe(before);
    await postActivity(t.url, personalMessage(connector.url, HR_TEAMS, 'caravan help'));
    expect(String(connector.sent().at(-1)?.body?.text)).toMatch(/announce/);
  });
});

describe('HR on Slack before the workspace is known', () => {
  it('nobody is HR while auth.test fails and SLACK_TEAM_ID is unset; SLACK_TEAM_ID (a Grid organisation) is enough', async () => {
    const slack = await startFakeSlack();
    slack.script('auth.test', () => ({ status: 500 }));
    const down = await startTestBot({ slack, env: { ADMINS: 'slack:UHR' } });
    const grid = await startTestBot({ slack, env: { ADMINS: 'slack:UHR', SLACK_TEAM_ID: 'E111' } });
    try {
      expect(await slashText(down, '/caravan', 'channels', { user: 'UHR' })).toContain('réservée à l’équipe RH');
      const body = `${slashCommandBody('/caravan', 'channels', { user: 'UHR', team: 'T222' })}&enterprise_id=E111`;
      const res = await postToSlackEndpoint(grid.url, { body });
      expect(((await res.json()) as { text: string }).text).not.toContain('réservée à l’équipe RH');
    } finally {
      await down.close();
      await grid.close();
      await slack.close();
    }
  });
});
