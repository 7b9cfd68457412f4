/**
 * A caption reads back exactly as its author typed it — `<3`, `>`, `&`, `*` included — from the
 * upload through HR's review and page to the album on Slack and Teams and the gallery, and it never
 * becomes markup anywhere: `<!channel>` is no Slack mention, `<b>` no HTML tag, `*…*` no bold.
 */
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { seedCampaign, startTestBot, type TestBot } from '../support/bot.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import { signIn } from '../support/hr.js';
import { phoneJpeg } from '../support/images.js';
import { deliverAll, deliverUntil } from '../support/outbox.js';
import { pathOf, tempDataDir, until } from '../support/photos.js';
import { blocksText, buttonValue, caravanDm, click, shareJpeg } from '../support/slack-photos.js';
import { payloadBody, postToSlackEndpoint } from '../support/slack-sign.js';
import { CHANNEL, channelMessage, person, postActivity } from '../support/teams-activities.js';
import { htmlShows, slackShows, teamsShows } from '../support/shown.js';

/** Typed with the photos; then `<!channel>` added in the consent form (in a message Slack would make it a mention). */
const TYPED = "Tizi n'Test > Imlil : <b>parkas</b> & *bottes* pour les enfants <3";
const CAPTION = `${TYPED} <!channel>`;

let t: TestBot;
let connector: FakeConnector;
let dataDir: string;
const HR_TEAMS = person('hr-captions');

beforeAll(async () => {
  dataDir = await tempDataDir();
  connector = await startFakeConnector();
  t = await startTestBot({ env: { ADMINS: `slack:UHR,teams:${HR_TEAMS.aadObjectId}`, DATA_DIR: dataDir }, outbox: { autostart: false } });
  await seedCampaign(t.bot);
  t.slack.users.set('U1', { locale: 'fr-FR', name: 'Youssef' });
  t.slack.users.set('UHR', { locale: 'fr-FR', name: 'Hanae' });
  await t.bot.deps.messaging.channels.add({ destination: { platform: 'slack', channelId: 'CALBUM' }, kind: 'channel', addedBy: 'slack:UHR' });
  // A Teams campaign channel, known to the bot from a message there.
  await postActivity(t.url, channelMessage(connector.url, HR_TEAMS, '<at>Caravane</at> caravan'));
  await t.bot.deps.messaging.channels.add({ destination: { platform: 'teams', conversationId: CHANNEL }, kind: 'channel', addedBy: 'slack:UHR' });
});
afterAll(async () => {
  await t?.close();
  await connector?.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** The uploader presses consent with the caption field as it is in the form. */
async function consent(batchId: string, caption: string): Promise<void> {
  const payload = {
    type: 'block_actions',
    user: { id: 'U1', team_id: 'T111' },
    team: { id: 'T111' },
    api_app_id: 'A111',
    trigger_id: 'trig.caption',
    container: { type: 'message', channel_id: 'DU1', message_ts: '17.1' },
    state: { values: { 'photos.caption': { value: { type: 'plain_text_input', value: caption } } } },
    actions: [{ action_id: 'photos.consent', block_id: 'b', value: batchId, type: 'button', action_ts: '1' }],
  };
  expect((await postToSlackEndpoint(t.url, { body: payloadBody(payload) })).status).toBe(200);
}

const albumCard = z.looseObject({
  attachments: z.array(z.looseObject({ content: z.looseObject({ body: z.array(z.looseObject({ text: z.string().optional() })) }) })).min(1),
});

describe('a caption shows as typed, from the upload to the album', () => {
  let batchId = '';

  it('the consent form offers the caption as typed, and HR’s review shows it literally', async () => {
    // Slack sends what people type with `&`, `<` and `>` as entities.
    const asSlackSends = TYPED.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const answer = await shareJpeg(t, 'U1', 'FCAPTION', await phoneJpeg(640, 480), asSlackSends);
    batchId = buttonValue(answer, 'photos.consent');
    expect(batchId).toMatch(/^\d+$/);
    const field = z.array(z.looseObject({ block_id: z.string().optional(), element: z.looseObject({ initial_value: z.string().optional() }).optional() }));
    expect(field.parse(answer?.form.blocks).find((b) => b.block_id === 'photos.caption')?.element?.initial_value).toBe(TYPED);
    const posts = t.slack.callsTo('chat.postMessage').length;
    await consent(batchId, CAPTION);
    await deliverUntil(
      t.bot,
      t.clock,
      () => t.slack.callsTo('chat.postMessage').some((c) => c.form.channel === 'DUHR' && blocksText(c).includes('photos.approve')),
      'the review message',
    );
    const review = t.slack
      .callsTo('chat.postMessage')
      .slice(posts)
      .find((c) => c.form.channel === 'DUHR');
    const shown = z.array(z.looseObject({ text: z.looseObject({ text: z.string() }).optional() })).parse(review?.form.blocks);
    const mrkdwn = shown.map((b) => b.text?.text ?? '').join('\n');
    expect(slackShows(mrkdwn)).toContain(`Légende : ${CAPTION}`);
    expect(mrkdwn).not.toContain('<!channel>');
  });

  it('on HR’s page the caption is text, not markup', async () => {
    const cookie = await signIn(t.url, 'UHR');
    const html = await (await fetch(`${t.url}/hr/photos`, { headers: { cookie } })).text();
    const heading = /<h3 id="batch-\d+">([^]*?)<\/h3>/.exec(html)?.[1] ?? '';
    expect(htmlShows(heading)).toContain(CAPTION);
    expect(heading).not.toContain('<b>');
  });

  it('the album on Slack and Teams and the gallery behind it show it as typed', async () => {
    await click(t, 'UHR', 'photos.approve', batchId);
    await until(async () => (await t.bot.deps.photos?.store.getBatch(Number(batchId)))?.status === 'approved', 'the approval');
    expect(await caravanDm(t, 'UHR', 'photos')).toContain('1 photo part');
    await deliverAll(t.bot, t.clock);

    const comment = String(t.slack.callsTo('files.completeUploadExternal').find((c) => c.form.channel_id === 'CALBUM')?.form.initial_comment);
    expect(slackShows(comment)).toContain(`• ${CAPTION} (#`);
    expect(comment).not.toContain('<!channel>');
    expect(comment).not.toContain('*bottes*');

    const card = albumCard.parse(connector.sent(CHANNEL).at(-1)?.body).attachments[0]?.content.body ?? [];
    const texts = card.map((b) => b.text ?? '').join('\n');
    expect(teamsShows(texts)).toContain(`• ${CAPTION} (#`);
    expect(texts).not.toContain('*bottes*');

    const gallery = pathOf(/(http[^\s|>]+\/album\/[^\s|>]+)/.exec(comment)?.[1] ?? 'http://x/none');
    const page = await (await fetch(`${t.url}${gallery}`)).text();
    const title = /<h2>([^<]*)<\/h2>/.exec(page)?.[1] ?? '';
    expect(htmlShows(title)).toContain(CAPTION);
    expect(page).not.toContain('<b>');
  });
});
