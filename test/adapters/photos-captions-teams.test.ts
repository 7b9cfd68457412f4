/**
 * A caption typed in Teams with the photos reads back exactly as typed. Teams sends the message as
 * HTML (`&lt;`, `&gt;`, `&#39;`, sometimes inside `<p>`): only real tags are dropped, so `<` and `>`
 * the person typed stay in HR's review and in the album.
 */
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCampaign, startTestBot, type TestBot } from '../support/bot.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import { phoneJpeg } from '../support/images.js';
import { deliverAll, deliverUntil } from '../support/outbox.js';
import { tempDataDir } from '../support/photos.js';
import { CHANNEL, channelMessage, executeInvoke, person, personalMessage, postActivity } from '../support/teams-activities.js';
import { teamsShows } from '../support/shown.js';

const TYPED = ["Tizi n'Test < Imlil > Anergui", 'Les enfants <3 et les profs >_<'];
/** As Teams sends them: HTML text, entities for what the person typed. */
const AS_TEAMS_SENDS = ['Tizi n&#39;Test &lt; Imlil &gt; Anergui', '<p>Les enfants &lt;3 et les profs &gt;_&lt;</p>'];

let t: TestBot;
let connector: FakeConnector;
let dataDir: string;
const HR = person('captions-hr');
const UPLOADER = person('captions-up');

beforeAll(async () => {
  dataDir = await tempDataDir();
  connector = await startFakeConnector();
  t = await startTestBot({ env: { ADMINS: `teams:${HR.aadObjectId}`, DATA_DIR: dataDir }, outbox: { autostart: false } });
  await seedCampaign(t.bot);
  connector.attachments.set('IMGCAP', { body: await phoneJpeg(640, 480), contentType: 'image/jpeg' });
  await postActivity(t.url, personalMessage(connector.url, HR, 'caravan help'));
  await postActivity(t.url, channelMessage(connector.url, HR, '<at>Caravane</at> caravan'));
  await t.bot.deps.messaging.channels.add({ destination: { platform: 'teams', conversationId: CHANNEL }, kind: 'channel', addedBy: `teams:${HR.aadObjectId}` });
});
afterAll(async () => {
  await t?.close();
  await connector?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const personal = (who: { aadObjectId: string }) => `a:personal-${who.aadObjectId}`;
const lastTo = (who: { aadObjectId: string }) => JSON.stringify(connector.sent(personal(who)).at(-1)?.body ?? {});
const invoke = (who: typeof HR, data: Record<string, unknown>) => postActivity(t.url, executeInvoke(connector.url, who, data));
/** The texts a card shows, as Teams shows them. */
const shownIn = (json: string) =>
  teamsShows([...json.matchAll(/"(?:text|value)":"((?:[^"\\]|\\.)*)"/g)].map((m) => JSON.parse(`"${m[1] ?? ''}"`) as string).join('\n'));

describe('a caption typed in Teams with < and > shows as typed', () => {
  const batches: number[] = [];

  it('the consent card offers it as typed, and HR’s review shows it literally', async () => {
    for (const [i, text] of AS_TEAMS_SENDS.entries()) {
      const message = personalMessage(connector.url, UPLOADER, text, {
        id: `upload-caption-${i}`,
        attachments: [
          { contentType: 'image/*', contentUrl: `${connector.url}v3/attachments/IMGCAP/views/original` },
          { contentType: 'text/html', content: `<div>${text}</div>` },
        ],
      });
      expect((await postActivity(t.url, message)).status).toBe(200);
      const card = lastTo(UPLOADER);
      const batch = Number(/"caravane":"photos.consent","batch":(\d+)/.exec(card)?.[1]);
      expect(batch).toBeGreaterThan(0);
      expect((await t.bot.deps.photos?.store.getBatch(batch))?.caption).toBe(TYPED[i]);
      expect(shownIn(card)).toContain(TYPED[i]);
      batches.push(batch);

      const before = connector.sent(personal(HR)).length;
      const consented = await invoke(UPLOADER, { caravane: 'photos.consent', batch, caption: TYPED[i], place: '' });
      expect(JSON.stringify(consented.body)).toContain('gone to the HR team');
      await deliverUntil(t.bot, t.clock, () => connector.sent(personal(HR)).length > before, 'the review card');
      expect(shownIn(lastTo(HR))).toContain(TYPED[i]);
    }
  });

  it('the album on Teams shows it as typed', async () => {
    for (const batch of batches) expect(JSON.stringify((await invoke(HR, { caravane: 'photos.approve', batch, reason: '' })).body)).toContain('You approved');
    expect((await postActivity(t.url, personalMessage(connector.url, HR, 'caravan photos'))).status).toBe(200);
    await deliverAll(t.bot, t.clock);
    const album = JSON.stringify(connector.sent(CHANNEL).find((c) => JSON.stringify(c.body).includes('ImageSet'))?.body ?? {});
    for (const typed of TYPED) expect(shownIn(album)).toContain(`• ${typed} (#`);
  });
});
