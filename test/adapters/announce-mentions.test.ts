/**
 * HR's announcement keeps what HR typed on purpose — bold, links, a mention of everyone — on Slack
 * and on Teams, each in that platform's form; anything else that looks like markup arrives as text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCampaign, startTestBot, type TestBot } from '../support/bot.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import { deliverAll } from '../support/outbox.js';
import { postToSlackEndpoint, slashCommandBody } from '../support/slack-sign.js';
import { CHANNEL, channelMessage, executeInvoke, person, personalMessage, postActivity } from '../support/teams-activities.js';

let t: TestBot;
let connector: FakeConnector;
const HR_TEAMS = person('hr-mentions');

beforeAll(async () => {
  connector = await startFakeConnector();
  t = await startTestBot({ env: { ADMINS: `slack:UHR,teams:${HR_TEAMS.aadObjectId}`, DEFAULT_LOCALE: 'fr' }, outbox: { autostart: false } });
  await seedCampaign(t.bot);
  await caravan('channel');
  expect((await postActivity(t.url, channelMessage(connector.url, HR_TEAMS, '<at>Caravane</at> caravan channel'))).status).toBe(200);
});
afterAll(async () => {
  await t?.close();
  await connector?.close();
});

async function caravan(text: string) {
  const res = await postToSlackEndpoint(t.url, { body: slashCommandBody('/caravan', text, { user: 'UHR', channel: 'CANN' }) });
  expect(res.status).toBe(200);
}

/** What each platform received for the announcement containing `marker`: Slack's text and blocks, Teams' text. */
async function delivered(marker: string) {
  await deliverAll(t.bot, t.clock);
  const slack = t.slack.callsTo('chat.postMessage').filter((c) => c.form.channel === 'CANN' && JSON.stringify(c.form).includes(marker));
  const teams = connector.sent(CHANNEL).filter((c) => String(c.body?.text ?? '').includes(marker));
  expect(slack).toHaveLength(1);
  expect(teams).toHaveLength(1);
  return { slack: `${String(slack[0]?.form.text)}\n${JSON.stringify(slack[0]?.form.blocks)}`, teams: String(teams[0]?.body?.text) };
}

describe('mentions of everyone in an announcement', () => {
  it('typed by HR on Slack (`<!here>`, `@channel`): a real mention on Slack, the readable words on Teams', async () => {
    await caravan('announce <!here> Départ *samedi* à 8 h, @channel : https://caravane.example/plan');
    const { slack, teams } = await delivered('Départ');
    expect(slack).toContain('<!here> Départ *samedi* à 8 h, <!channel> : <https://caravane.example/plan>');
    expect(teams).toContain('@here Départ **samedi** à 8 h, @channel : [https://caravane.example/plan](https://caravane.example/plan)');
    expect(teams).not.toContain('<!');
  });

  it('typed by HR on Teams (`@everyone`): Slack gets its own `<!everyone>`', async () => {
    const res = await postActivity(t.url, channelMessage(connector.url, HR_TEAMS, '<at>Caravane</at> caravan announce @everyone Réunion à 14 h'));
    expect(res.status).toBe(200);
    const { slack, teams } = await delivered('Réunion à 14 h');
    expect(slack).toContain('<!everyone> Réunion à 14 h');
    expect(teams).toContain('@everyone Réunion à 14 h');
  });

  it('anything else that looks like a mention, a channel or a disguised link is text on both platforms', async () => {
    await caravan('announce Merci <@U0TRESOR> et <#C0GENERAL> ; <!subteam^S1|rh> <javascript:alert(1)|ici> & à bientôt');
    const { slack, teams } = await delivered('bientôt');
    expect(slack).toContain('Merci &lt;@U0TRESOR&gt; et &lt;#C0GENERAL&gt; ; &lt;!subteam^S1|rh&gt; &lt;javascript:alert(1)|ici&gt; &amp; à bientôt');
    expect(slack).not.toMatch(/<[@#!]/);
    expect(teams).toContain('Merci \\<@U0TRESOR\\> et \\<\\#C0GENERAL\\> ; \\<!subteam^S1\\|rh\\> \\<javascript:alert(1)\\|ici\\> & à bientôt');
  });

  it('without a mention HR typed, no mention goes out at all', async () => {
    await caravan('announce Pause café à 10 h');
    const { slack, teams } = await delivered('Pause café');
    expect(slack).not.toMatch(/<!(here|channel|everyone)/);
    expect(teams).not.toContain('@');
  });
});

type Card = { body: unknown[]; actions?: Array<{ data?: Record<string, unknown> }> };
const cardOf = (answer: unknown) => (answer as { value: Card }).value;

describe('the announcement form on Teams', () => {
  it('compose, preview exactly as the channels will read it, send once; Slack gets its own mention', async () => {
    const chat = personalMessage(connector.url, HR_TEAMS, 'caravan announce');
    expect((await postActivity(t.url, chat)).status).toBe(200);
    const compose = (connector.sent(String((chat.conversation as { id: string }).id)).at(-1)?.body?.attachments as Array<{ content: Card }>)[0]?.content;
    const data = compose?.actions?.[0]?.data ?? {};
    const preview = await postActivity(
      t.url,
      executeInvoke(connector.url, HR_TEAMS, { ...data, text: '@here Départ du car *samedi* <@U0X>', when: 'now', volunteers: 'false' }),
    );
    const shown = JSON.stringify(cardOf(preview.body));
    expect(shown).toContain('@here Départ du car **samedi** \\\\<@U0X\\\\>');
    expect(shown).not.toContain('<!here>');
    const send = cardOf(preview.body).actions?.[0]?.data ?? {};
    const sent = JSON.stringify((await postActivity(t.url, executeInvoke(connector.url, HR_TEAMS, send))).body);
    expect(sent).toContain('on its way');
    expect(JSON.stringify((await postActivity(t.url, executeInvoke(connector.url, HR_TEAMS, send))).body)).toContain('it will go out once');
    const { slack, teams } = await delivered('Départ du car');
    expect(slack).toContain('<!here> Départ du car *samedi* &lt;@U0X&gt;');
    expect(teams).toContain('@here Départ du car **samedi**');
  });

  it('someone who is not HR cannot send one from a card: refused, nothing queued', async () => {
    const send = { caravane: 'announce.send', token: 'forged-token-123', text: '@here Faux départ', sendAt: null, volunteers: false };
    const answer = JSON.stringify((await postActivity(t.url, executeInvoke(connector.url, person('not-hr'), send))).body);
    expect(answer).toContain('HR team only');
    await deliverAll(t.bot, t.clock);
    expect(connector.sent(CHANNEL).some((c) => String(c.body?.text ?? '').includes('Faux départ'))).toBe(false);
  });
});
