import { rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { APP_ID, fakeCredentials, OUTBOUND_TOKEN, signToken, startOpenIdServer, type OpenIdServer } from '../support/bot-framework-jwt.js';
import { seedCampaign, startTestBot, type TestBot } from '../support/bot.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import { metadataTraces, phoneJpeg, pngImage, textAsJpg } from '../support/images.js';
import { deliverAll, deliverUntil, runOnce, undelivered } from '../support/outbox.js';
import { pathOf, signedLink, storedPhotos, tempDataDir } from '../support/photos.js';
import { CHANNEL, channelMessage, executeInvoke, person, personalMessage, postActivity, submitMessage } from '../support/teams-activities.js';

let t: TestBot;
let openid: OpenIdServer;
let connector: FakeConnector;
let files: Server;
let filesUrl = '';
const filesAuth: Array<string | undefined> = [];
let dataDir: string;
const HR = person('photo-hr');
const UPLOADER = person('photo-up');
const OTHER = person('photo-other');

beforeAll(async () => {
  openid = await startOpenIdServer();
  connector = await startFakeConnector();
  dataDir = await tempDataDir();
  const png = await pngImage();
  // Where Teams keeps attached files (OneDrive/SharePoint): short-lived URLs that need no token.
  files = createServer((req, res) => {
    filesAuth.push(req.headers.authorization);
    const body = req.url?.includes('notes') ? textAsJpg() : png;
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    res.end(body);
  });
  await new Promise<void>((r) => files.listen(0, '127.0.0.1', () => r()));
  filesUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
  t = await startTestBot({
    env: {
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_PASSWORD: 'not-used-by-the-fake-credentials',
      MICROSOFT_OPENID_METADATA_URL: openid.metadataUrl,
      // The file host is "allowed" too: even so it must never receive the bot's token.
      TEAMS_ALLOWED_SERVICE_URLS: `${connector.url},${filesUrl}/`,
      ADMINS: `teams:${HR.aadObjectId}`,
      DATA_DIR: dataDir,
    },
    teamsCredentials: fakeCredentials(),
    outbox: { autostart: false },
  });
  await seedCampaign(t.bot);
  connector.attachments.set('IMG1', { body: await phoneJpeg(), contentType: 'image/jpeg' });
  await post(personalMessage(connector.url, HR, 'caravan help'));
  await post(channelMessage(connector.url, HR, '<at>Caravane</at> caravan'));
  await t.bot.deps.messaging.channels.add({ destination: { platform: 'teams', conversationId: CHANNEL }, kind: 'channel', addedBy: `teams:${HR.aadObjectId}` });
  await t.bot.deps.messaging.channels.add({ destination: { platform: 'slack', channelId: 'CALBUM' }, kind: 'channel', addedBy: `teams:${HR.aadObjectId}` });
});
afterAll(async () => {
  await t?.close();
  await Promise.all([openid?.close(), connector?.close(), new Promise<void>((r) => files?.close(() => r()))]);
  await rm(dataDir, { recursive: true, force: true });
});

const post = (activity: Record<string, unknown>) =>
  postActivity(t.url, activity, { authorization: `Bearer ${signToken(openid.key, { serviceurl: connector.url })}` });
const personal = (who: { aadObjectId: string }) => `a:personal-${who.aadObjectId}`;
const lastTo = (who: { aadObjectId: string }) => JSON.stringify(connector.sent(personal(who)).at(-1)?.body ?? {});
const invoke = (who: typeof HR, data: Record<string, unknown>) => post(executeInvoke(connector.url, who, data));
let batch = 0;
let second = 0;

interface AlbumCard {
  body: Array<{ type: string; images?: Array<{ url?: string; selectAction?: { url?: string } }> }>;
  actions?: Array<{ type: string; title?: string; url?: string }>;
}
const albumCard = z.looseObject({
  body: z.array(
    z.looseObject({
      type: z.string(),
      images: z.array(z.looseObject({ url: z.string().optional(), selectAction: z.looseObject({ url: z.string().optional() }).optional() })).optional(),
    }),
  ),
  actions: z.array(z.looseObject({ type: z.string(), title: z.string().optional(), url: z.string().optional() })).optional(),
});
const albumCardIn = (activity: unknown): AlbumCard =>
  albumCard.parse(z.looseObject({ attachments: z.array(z.looseObject({ content: z.unknown() })).min(1) }).parse(activity).attachments[0]?.content);

describe('photos on Teams, from a 1:1 chat to the album', () => {
  it('takes pasted images with the bot token (Bot Connector only) and attached files without it; refuses a text file', async () => {
    const message = personalMessage(connector.url, UPLOADER, 'Convoy in the snow', {
      id: 'upload-1',
      attachments: [
        { contentType: 'image/*', contentUrl: `${connector.url}v3/attachments/IMG1/views/original` },
        {
          contentType: 'application/vnd.microsoft.teams.file.download.info',
          name: 'notes.jpg',
          contentUrl: `${filesUrl}/notes.jpg`,
          content: { downloadUrl: `${filesUrl}/dl/notes`, uniqueId: 'u1', fileType: 'jpg' },
        },
        {
          contentType: 'application/vnd.microsoft.teams.file.download.info',
          name: 'camp.png',
          content: { downloadUrl: `${filesUrl}/dl/camp`, uniqueId: 'u2', fileType: 'png' },
        },
        // An image/* on another host: fetched, but without the token.
        { contentType: 'image/*', contentUrl: `${filesUrl}/v3/attachments/X/views/original` },
        { contentType: 'text/html', content: '<div>Convoy in the snow</div>' },
      ],
    });
    expect((await post(message)).status).toBe(200);
    const card = lastTo(UPLOADER);
    expect(card).toContain('3 photos received');
    expect(card).toMatch(/notes\.jpg.*text file/);
    expect(card).toContain('photos.consent');
    expect(card).toContain('Convoy in the snow');
    const attachmentGet = connector.calls.find((c) => c.method === 'GET' && c.path.includes('/v3/attachments/IMG1'));
    expect(attachmentGet?.authorization).toBe(OUTBOUND_TOKEN);
    expect(filesAuth).toHaveLength(3);
    expect(filesAuth.every((a) => a === undefined)).toBe(true);
    batch = Number(/"caravane":"photos.consent","batch":(\d+)/.exec(card)?.[1]);
    expect(batch).toBeGreaterThan(0);
    // Teams sends the same activity again: nothing new is stored or answered.
    const sent = connector.sent(personal(UPLOADER)).length;
    const stored = (await storedPhotos(dataDir)).length;
    expect((await post(message)).status).toBe(200);
    expect(connector.sent(personal(UPLOADER)).length).toBe(sent);
    expect((await storedPhotos(dataDir)).length).toBe(stored);
  });

  it('consent comes from the card; HR gets the photos inline in a private card, never as a link', async () => {
    const refused = await invoke(OTHER, { caravane: 'photos.consent', batch, caption: 'x', place: 'y' });
    expect(JSON.stringify(refused.body)).toContain('These photos are not yours.');
    const before = connector.sent(personal(HR)).length;
    const res = await invoke(UPLOADER, { caravane: 'photos.consent', batch, caption: 'Convoy in the snow', place: 'Imilchil' });
    expect(JSON.stringify(res.body)).toContain('gone to the HR team');
    await deliverUntil(t.bot, t.clock, () => connector.sent(personal(HR)).length > before, 'the review card');
    const review = lastTo(HR);
    expect(review).toContain('photos.approve');
    expect(review).toContain('Imilchil');
    expect(review).not.toMatch(/\/photos\/\d+\//);
    const uris = [...review.matchAll(/data:image\/jpeg;base64,([A-Za-z0-9+/=]+)/g)].map((m) => Buffer.from(m[1] ?? '', 'base64'));
    expect(uris).toHaveLength(3);
    for (const bytes of uris) expect(metadataTraces(bytes)).toEqual([]);
    const stored = await t.bot.deps.photos?.store.getBatch(batch);
    const link = await signedLink(t.bot, `/photos/${stored?.photos[0]?.id}/web.jpg`, new Date(t.clock.now().getTime() + 60_000));
    expect((await fetch(`${t.url}${link}`)).status).toBe(404);
  });

  it('only HR approves; the uploader is told with a Withdraw button', async () => {
    expect(JSON.stringify((await invoke(UPLOADER, { caravane: 'photos.approve', batch })).body)).toContain('HR team only');
    const res = await invoke(HR, { caravane: 'photos.approve', batch, reason: '' });
    expect(JSON.stringify(res.body)).toContain('You approved');
    await deliverUntil(t.bot, t.clock, () => lastTo(UPLOADER).includes('photos.withdraw'), 'the approval notice');
  });

  it('the next album reaches the Teams channel (thumbnails, a gallery button) and Slack (uploaded files)', async () => {
    expect((await post(personalMessage(connector.url, HR, 'caravan photos'))).status).toBe(200);
    expect(lastTo(HR)).toContain('3 photos are on the way to 2 campaign channels');
    await deliverAll(t.bot, t.clock);
    const card = albumCardIn(connector.sent(CHANNEL).at(-1)?.body);
    // One row of thumbnails, each opening the full picture; no photo stretched across the card.
    const set = card.body.find((b) => b.type === 'ImageSet');
    expect(set?.images?.map((i) => /\/photos\/\d+\/thumb\.jpg\?sig=/.test(i.url ?? ''))).toEqual([true, true, true]);
    expect(set?.images?.map((i) => /\/photos\/\d+\/web\.jpg\?sig=/.test(i.selectAction?.url ?? ''))).toEqual([true, true, true]);
    expect(card.body.filter((b) => b.type === 'Image')).toEqual([]);
    // The gallery is a button, not a signed URL printed as text.
    expect(card.actions?.map((a) => [a.type, a.title, /\/album\/[0-9a-f-]+\?exp=\d+&sig=/.test(a.url ?? '')])).toEqual([
      ['Action.OpenUrl', 'Toutes les photos', true],
    ]);
    expect(JSON.stringify(card.body)).not.toContain('/album/');
    // Months later the post still shows its pictures: the image links do not expire.
    const now = t.clock.now();
    t.clock.advance(400 * 86_400_000);
    for (const image of set?.images ?? []) {
      for (const url of [image.url ?? '', image.selectAction?.url ?? '']) {
        const res = await fetch(`${t.url}${pathOf(url)}`);
        expect(res.status).toBe(200);
        expect(metadataTraces(Buffer.from(await res.arrayBuffer()))).toEqual([]);
      }
    }
    t.clock.set(now);
    const forged = pathOf(set?.images?.[0]?.url ?? '').replace(/\/photos\/(\d+)\//, (_m, id: string) => `/photos/${Number(id) + 1}/`);
    expect((await fetch(`${t.url}${forged}`)).status).toBe(403);
    const complete = t.slack.callsTo('files.completeUploadExternal').find((c) => c.form.channel_id === 'CALBUM');
    expect((complete?.form.files as unknown[]).length).toBe(3);
  });

  it('withdrawn from the card (Action.Submit): the Teams album card is deleted, the Slack files too, and nothing is served', async () => {
    const deletes = t.slack.callsTo('files.delete').length;
    const res = await post(submitMessage(connector.url, UPLOADER, { caravane: 'photos.withdraw', batch }, 'notice-activity'));
    expect(res.status).toBe(200);
    expect(JSON.stringify(connector.updated(personal(UPLOADER)).at(-1)?.body ?? {})).toContain('withdrawn');
    expect(connector.deleted(CHANNEL)).toHaveLength(1);
    expect(t.slack.callsTo('files.delete').length - deletes).toBe(3);
    // HR's review card loses its photos too: a short notice in HR's own language (English), not the campaign's.
    const replaced = JSON.stringify(connector.updated(personal(HR)).at(-1)?.body ?? {});
    // In the language HR reads the card in (English here), not the bot's default French.
    expect(replaced).toContain('These photos were removed.');
    expect(replaced).not.toContain('Ces photos ont été retirées');
    expect(replaced).not.toContain('data:image');
    expect(await storedPhotos(dataDir)).toEqual([]);
    const album = JSON.stringify(connector.sent(CHANNEL).at(-1)?.body ?? {});
    const image = /"url":"(http[^"]*\/photos\/\d+\/web\.jpg\?[^"]+)"/.exec(album)?.[1] ?? '';
    expect((await fetch(`${t.url}${pathOf(image)}`)).status).toBe(404);
  });

  it('an album caption typed `*Imlil* _2026_` is shown literally on Teams: no bold, no italic', async () => {
    const upload = personalMessage(connector.url, UPLOADER, '', {
      id: 'upload-caption',
      attachments: [{ contentType: 'image/*', contentUrl: `${connector.url}v3/attachments/IMG1/views/original` }],
    });
    expect((await post(upload)).status).toBe(200);
    const captioned = Number(/"caravane":"photos.consent","batch":(\d+)/.exec(lastTo(UPLOADER))?.[1]);
    expect(captioned).toBeGreaterThan(batch);
    expect(JSON.stringify((await invoke(UPLOADER, { caravane: 'photos.consent', batch: captioned, caption: '*Imlil* _2026_', place: '' })).body)).toContain(
      'gone to the HR team',
    );
    expect(JSON.stringify((await invoke(HR, { caravane: 'photos.approve', batch: captioned, reason: '' })).body)).toContain('You approved');
    expect((await post(personalMessage(connector.url, HR, 'caravan photos'))).status).toBe(200);
    await deliverAll(t.bot, t.clock);
    const texts = JSON.stringify(albumCardIn(connector.sent(CHANNEL).at(-1)?.body).body);
    // Backslash-escaped in the card's markdown (doubled once more by JSON): Teams shows the stars and underscores.
    expect(texts).toContain('\\\\*Imlil\\\\* \\\\_2026\\\\_');
    expect(texts).not.toContain('**Imlil**');
  });

  it('images sent in a channel are not taken as photos (only the 1:1 chat is private)', async () => {
    const before = (await storedPhotos(dataDir)).length;
    const res = await post(
      channelMessage(connector.url, UPLOADER, '<at>Caravane</at> look', {
        attachments: [{ contentType: 'image/*', contentUrl: `${connector.url}v3/attachments/IMG1/views/original` }],
      }),
    );
    expect(res.status).toBe(200);
    expect((await storedPhotos(dataDir)).length).toBe(before);
  });

  /**
   * Runs `during` while the Bot Connector answers 500 to `method` calls in HR's personal chat, then lets
   * Teams come back and the outbox catch up; resolves to the connector's call count when it came back.
   */
  async function whileHrChatRefuses(method: 'POST' | 'PUT', during: () => Promise<void>): Promise<number> {
    connector.respond((call) =>
      call.method === method && call.conversationId === personal(HR) ? { status: 500, body: { error: { code: 'ServiceError', message: 'down' } } } : undefined,
    );
    try {
      await during();
    } finally {
      connector.respond(null);
    }
    const back = connector.calls.length;
    await deliverAll(t.bot, t.clock, { stepMs: 5_000 });
    t.clock.advance(60_000);
    await runOnce(t.bot);
    return back;
  }

  it('a review queued while Teams is down reaches HR when it is back, once', async () => {
    const upload = personalMessage(connector.url, UPLOADER, 'Second day', {
      id: 'upload-2',
      attachments: [{ contentType: 'image/*', contentUrl: `${connector.url}v3/attachments/IMG1/views/original` }],
    });
    expect((await post(upload)).status).toBe(200);
    second = Number(/"caravane":"photos.consent","batch":(\d+)/.exec(lastTo(UPLOADER))?.[1]);
    expect(second).toBeGreaterThan(batch);
    const toHr = (from: number) => connector.calls.slice(from).filter((c) => c.method === 'POST' && c.conversationId === personal(HR));
    const down = connector.calls.length;
    const back = await whileHrChatRefuses('POST', async () => {
      // The uploader's answer does not wait for Teams: the review is queued.
      expect(JSON.stringify((await invoke(UPLOADER, { caravane: 'photos.consent', batch: second, caption: '', place: '' })).body)).toContain(
        'gone to the HR team',
      );
      await runOnce(t.bot);
      expect(toHr(down).length).toBeGreaterThan(0);
      expect(await undelivered(t.bot)).toBe(1);
    });
    const delivered = toHr(back);
    expect(delivered).toHaveLength(1);
    const card = JSON.stringify(delivered[0]?.body ?? {});
    expect(card).toContain('photos.approve');
    expect(card).toContain(`"batch":${second}`);
    expect(card).toMatch(/data:image\/jpeg;base64,/);
    // HR's delivery status keeps to the campaign's messages: the album, not each private review.
    expect((await post(personalMessage(connector.url, HR, 'caravan announce status'))).status).toBe(200);
    expect(lastTo(HR)).toContain('Photo album');
    expect(lastTo(HR)).not.toMatch(/to review|Notice about photos/);
  });

  it('withdrawn while Teams refuses edits: the answer says what stayed, and HR’s card is replaced once Teams is back', async () => {
    const photo = (await t.bot.deps.photos?.store.getBatch(second))?.photos[0]?.id;
    expect(photo).toBeGreaterThan(0);
    const editsToHr = (from: number) => connector.calls.slice(from).filter((c) => c.method === 'PUT' && c.conversationId === personal(HR));
    const back = await whileHrChatRefuses('PUT', async () => {
      expect((await post(personalMessage(connector.url, UPLOADER, `caravan photos withdraw ${photo}`))).status).toBe(200);
      expect(lastTo(UPLOADER)).toContain('could not be deleted');
    });
    const replaced = editsToHr(back);
    expect(replaced).toHaveLength(1);
    const card = JSON.stringify(replaced[0]?.body ?? {});
    expect(card).toContain('This photo was removed.');
    expect(card).not.toContain('data:image');
  });
});
