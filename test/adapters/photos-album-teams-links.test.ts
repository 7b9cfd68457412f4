/**
 * The album card on Teams turns only the bot's own links into buttons. A caption that holds a URL,
 * `<…>` or `|` stays text exactly as typed: it never becomes a button on the bot's card, and it
 * never stops the album from being drawn.
 */
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { seedCampaign, startTestBot, type TestBot } from '../support/bot.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import { phoneJpeg } from '../support/images.js';
import { deliverAll, deliverUntil } from '../support/outbox.js';
import { tempDataDir, until } from '../support/photos.js';
import { blocksText, buttonValue, caravanDm, click, shareJpeg } from '../support/slack-photos.js';
import { payloadBody, postToSlackEndpoint } from '../support/slack-sign.js';
import { CHANNEL, channelMessage, person, postActivity } from '../support/teams-activities.js';
import { teamsShows } from '../support/shown.js';

const CAPTIONS = ['Toutes les photos https://evil.example/login', '<https://x.y>', 'Voir https://x.y|clic ici'];

const albumCard = z.looseObject({
  body: z.array(z.looseObject({ text: z.string().optional() })),
  actions: z.array(z.looseObject({ type: z.string(), title: z.string(), url: z.string() })).optional(),
});
const cardIn = (activity: unknown) =>
  albumCard.parse(z.looseObject({ attachments: z.array(z.looseObject({ content: z.unknown() })).min(1) }).parse(activity).attachments[0]?.content);

describe.each([
  ['fr', 'Toutes les photos'],
  ['en', 'All the photos'],
] as const)('captions with links in the Teams album, in %s', (locale, label) => {
  let t: TestBot;
  let connector: FakeConnector;
  let dataDir: string;
  const HR_TEAMS = person(`hr-links-${locale}`);

  beforeAll(async () => {
    dataDir = await tempDataDir();
    connector = await startFakeConnector();
    t = await startTestBot({
      env: { ADMINS: `slack:UHR,teams:${HR_TEAMS.aadObjectId}`, DATA_DIR: dataDir, DEFAULT_LOCALE: locale },
      outbox: { autostart: false },
    });
    await seedCampaign(t.bot);
    t.slack.users.set('U1', { locale: 'fr-FR', name: 'Youssef' });
    t.slack.users.set('UHR', { locale: 'fr-FR', name: 'Hanae' });
    await postActivity(t.url, channelMessage(connector.url, HR_TEAMS, '<at>Caravane</at> caravan'));
    await t.bot.deps.messaging.channels.add({ destination: { platform: 'teams', conversationId: CHANNEL }, kind: 'channel', addedBy: 'slack:UHR' });
  });
  afterAll(async () => {
    await t?.close();
    await connector?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  /** One photo shared, consented with `caption` in the form, and approved by HR. */
  async function approved(fileId: string, caption: string): Promise<void> {
    const batchId = buttonValue(await shareJpeg(t, 'U1', fileId, await phoneJpeg(640, 480)), 'photos.consent');
    const payload = {
      type: 'block_actions',
      user: { id: 'U1', team_id: 'T111' },
      team: { id: 'T111' },
      api_app_id: 'A111',
      trigger_id: `trig.${fileId}`,
      container: { type: 'message', channel_id: 'DU1', message_ts: '17.1' },
      state: { values: { 'photos.caption': { value: { type: 'plain_text_input', value: caption } } } },
      actions: [{ action_id: 'photos.consent', block_id: 'b', value: batchId, type: 'button', action_ts: '1' }],
    };
    expect((await postToSlackEndpoint(t.url, { body: payloadBody(payload) })).status).toBe(200);
    const review = () => t.slack.callsTo('chat.postMessage').some((c) => c.form.channel === 'DUHR' && blocksText(c).includes(`"value":"${batchId}"`));
    await deliverUntil(t.bot, t.clock, review, 'the review message');
    await click(t, 'UHR', 'photos.approve', batchId);
    await until(async () => (await t.bot.deps.photos?.store.getBatch(Number(batchId)))?.status === 'approved', 'the approval');
  }

  it('keeps each caption as text, and only the gallery as a button', async () => {
    for (const [i, caption] of CAPTIONS.entries()) await approved(`FLINKS${i}`, caption);
    await caravanDm(t, 'UHR', 'photos');
    await deliverAll(t.bot, t.clock);

    const sent = connector.sent(CHANNEL).filter((c) => JSON.stringify(c.body).includes('ImageSet'));
    expect(sent).toHaveLength(1);
    // The strict connector took the card (it answers 400 to a card that breaks Teams' rules).
    expect(connector.calls.filter((c) => c.method === 'POST' && c.conversationId === CHANNEL && c.body === sent[0]?.body)).toHaveLength(1);
    const card = cardIn(sent[0]?.body);
    const shown = teamsShows(card.body.map((b) => b.text ?? '').join('\n'));
    for (const caption of CAPTIONS) expect(shown).toContain(`• ${caption} (#`);
    const actions = card.actions ?? [];
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({ type: 'Action.OpenUrl', title: label });
    expect(actions[0]?.url).toMatch(/\/album\/.*\?exp=\d+&sig=/);
    expect(JSON.stringify(actions)).not.toMatch(/evil|x\.y/);
  });
});
