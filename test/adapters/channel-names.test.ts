/**
 * `/caravan channels` names each campaign channel the way people know it: "Équipe › Canal" from what
 * Teams said (the bot's install, a rename, a message), Slack's channel name from the slash command,
 * a short form when nothing was said — never a raw `19:…@thread.tacv2`. Names are shown as text.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCampaign, startTestBot, type TestBot } from '../support/bot.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import { postToSlackEndpoint, slashCommandBody } from '../support/slack-sign.js';
import { channelMessage, person, postActivity, TENANT } from '../support/teams-activities.js';

type Json = Record<string, unknown>;
const fixture = (name: string) => JSON.parse(readFileSync(`test/fixtures/teams/${name}`, 'utf8')) as Json;

/**
 * Fixture 04: the bot added to team "TestTeam2022", in its channel "2021 Test Channel" — in the
 * tenant the test bot calls home, so its HR is HR there.
 */
const RAW = fixture('04-conversationUpdate-bot-added-to-team.json');
const ADDED: Json = {
  ...RAW,
  conversation: { ...(RAW.conversation as Json), tenantId: TENANT },
  channelData: { ...(RAW.channelData as Json), tenant: { id: TENANT } },
};
const INSTALLED_CHANNEL = '19:0b7f32667e064dd9b25d7969801541f4@thread.tacv2';
const TEAM_ID = '19:zFLSDFWsesfzcmKArqKJ-65aOXJz@sgf462H2wz41@thread.tacv2';
const TENANT_ID = TENANT;
const OTHER_CHANNEL = '19:5ca1ab1e0b7f32667e064dd9b25d7969@thread.tacv2';

let t: TestBot;
let connector: FakeConnector;
const HR = person('names-hr');

beforeAll(async () => {
  connector = await startFakeConnector();
  t = await startTestBot({ env: { ADMINS: `slack:UHR,teams:${HR.aadObjectId}`, DEFAULT_LOCALE: 'fr' }, outbox: { autostart: false } });
  await seedCampaign(t.bot);
});
afterAll(async () => {
  await t?.close();
  await connector?.close();
});

/** A channel message of fixture 01's shape (no names in it, as Teams sends them) in a channel of fixture 04's team. */
function inTeamChannel(channel: string, text: string) {
  const message = channelMessage(connector.url, HR, `<at>Caravane</at> ${text}`);
  return {
    ...message,
    recipient: ADDED.recipient,
    entities: [{ type: 'mention', text: '<at>Caravane</at>', mentioned: ADDED.recipient }],
    conversation: { id: `${channel};messageid=${String(message.id)}`, isGroup: true, conversationType: 'channel', tenantId: TENANT_ID },
    channelData: { channel: { id: channel }, team: { id: TEAM_ID }, tenant: { id: TENANT_ID } },
  };
}

/** A conversationUpdate Teams sends in the team's conversation about a channel or the team itself. */
function teamEvent(eventType: string, channelData: Json) {
  return {
    ...ADDED,
    id: `f:${eventType}-${Math.random()}`,
    serviceUrl: connector.url,
    membersAdded: undefined,
    channelData: { ...(ADDED.channelData as Json), eventType, ...channelData },
  };
}

async function slackChannels(): Promise<string> {
  const res = await postToSlackEndpoint(t.url, { body: slashCommandBody('/caravan', 'channels', { user: 'UHR' }) });
  return String((JSON.parse(await res.text()) as { text?: string }).text ?? '');
}

async function teamsChannels(): Promise<string> {
  const message = inTeamChannel(INSTALLED_CHANNEL, 'caravan channels');
  expect((await postActivity(t.url, message)).status).toBe(200);
  return String(connector.sent().at(-1)?.body?.text ?? '');
}

describe('campaign channels by name', () => {
  it('Teams channels read “Équipe › Canal” from what Teams said; Slack’s from the command; the unknown in short', async () => {
    expect((await postActivity(t.url, { ...ADDED, serviceUrl: connector.url })).status).toBe(200);
    for (const channel of [INSTALLED_CHANNEL, OTHER_CHANNEL]) {
      expect((await postActivity(t.url, inTeamChannel(channel, 'caravan channel'))).status).toBe(200);
    }
    // The other channel is named when it is renamed: Teams says so in the team's conversation.
    expect((await postActivity(t.url, teamEvent('channelRenamed', { channel: { id: OTHER_CHANNEL, name: 'Logistique' }, team: { id: TEAM_ID } }))).status).toBe(
      200,
    );
    // A channel of another team the bot only ever saw messages from (fixture 01's shape).
    expect((await postActivity(t.url, channelMessage(connector.url, HR, '<at>Caravane</at> caravan channel'))).status).toBe(200);
    expect(String(connector.sent().at(-1)?.body?.text)).toContain('campaign channel');
    const slack = await postToSlackEndpoint(t.url, {
      body: slashCommandBody('/caravan', 'channel', { user: 'UHR', channel: 'C0CARAVANE', channelName: 'caravane-2026' }),
    });
    expect(slack.status).toBe(200);

    const onTeams = await teamsChannels();
    expect(onTeams).toContain('TestTeam2022 › 2021 Test Channel');
    expect(onTeams).toContain('TestTeam2022 › Logistique');
    expect(onTeams).toContain('Teams 6848…9aa7');
    expect(onTeams).toContain('Slack #caravane-2026');
    expect(onTeams).not.toContain('@thread');

    const onSlack = await slackChannels();
    expect(onSlack).toContain('TestTeam2022 › 2021 Test Channel');
    expect(onSlack).toContain('<#C0CARAVANE>');
    expect(onSlack).not.toContain('@thread');
  });

  it('a renamed team is shown under its new name everywhere, and a name with markup is text', async () => {
    expect((await postActivity(t.url, teamEvent('teamRenamed', { team: { id: TEAM_ID, name: 'R&D <!here> *Caravane*' } }))).status).toBe(200);
    const onSlack = await slackChannels();
    expect(onSlack).toContain('R&amp;D &lt;!here&gt; \u200B*\u200BCaravane\u200B*\u200B › 2021 Test Channel');
    expect(onSlack).toContain('R&amp;D &lt;!here&gt; \u200B*\u200BCaravane\u200B*\u200B › Logistique');
    expect(onSlack).not.toContain('<!here>');
    const onTeams = await teamsChannels();
    expect(onTeams).toContain('R&D \\<!here\\> \\*Caravane\\* › Logistique');
  });
});
