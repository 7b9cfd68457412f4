import { rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCampaign, startTestBot, type TestBot } from '../support/bot.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import { elfAsJpg, metadataTraces, peAsJpg, phoneJpeg, SECRET_PLACE, textAsJpg } from '../support/images.js';
import { deliverAll, deliverUntil } from '../support/outbox.js';
import { pathOf, signedLink, storedPhotos, tempDataDir, until } from '../support/photos.js';
import { payloadBody, postToSlackEndpoint, slashCommandBody } from '../support/slack-sign.js';
import { channelMessage, person, postActivity } from '../support/teams-activities.js';
import { tamperAfter } from '../support/tamper.js';

let t: TestBot;
let connector: FakeConnector;
let dataDir: string;
let elsewhere: Server;
let elsewhereUrl = '';
const elsewhereAuth: Array<string | undefined> = [];
const HR_TEAMS = person('hr-photos');
let gps: Buffer;

beforeAll(async () => {
  dataDir = await tempDataDir();
  connector = await startFakeConnector();
  gps = await phoneJpeg();
  // A host that is not Slack: it must never see the bot token.
  elsewhere = createServer((req, res) => {
    elsewhereAuth.push(req.headers.authorization);
    res.writeHead(200, { 'content-type': 'image/jpeg' });
    res.end(gps);
  });
  await new Promise<void>((r) => elsewhere.listen(0, '127.0.0.1', () => r()));
  elsewhereUrl = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}`;
  t = await startTestBot({ env: { ADMINS: `slack:UHR,teams:${HR_TEAMS.aadObjectId}`, DATA_DIR: dataDir, DEFAULT_LOCALE: 'en' }, outbox: { autostart: false } });
  await seedCampaign(t.bot);
  t.slack.users.set('U1', { locale: 'en-US', name: 'Youssef' });
  t.slack.users.set('UHR', { locale: 'en-US', name: 'Hanae' });
  await t.bot.deps.messaging.channels.add({ destination: { platform: 'slack', channelId: 'CALBUM' }, kind: 'channel', addedBy: 'slack:UHR' });
  // A Teams campaign channel, known to the bot from a message there.
  await postActivity(t.url, channelMessage(connector.url, HR_TEAMS, '<at>Caravane</at> caravan'));
  await t.bot.deps.messaging.channels.add({
    destination: { platform: 'teams', conversationId: '19:6848757105754c8981c67612732d9aa7@thread.tacv2' },
    kind: 'channel',
    addedBy: 'slack:UHR',
  });
});
afterAll(async () => {
  await t?.close();
  await connector?.close();
  await new Promise<void>((r) => elsewhere?.close(() => r()));
  await rm(dataDir, { recursive: true, force: true });
});

let seq = 0;
interface Shared {
  id: string;
  name: string;
  body?: Buffer;
  contentType?: string;
  url?: string;
}

/** A direct message to the bot with files, as Slack sends it (fixture 06's shape, in the bot's DM). */
async function share(user: string, files: Shared[], text = '') {
  for (const f of files) if (f.body) t.slack.files.set(f.id, { body: f.body, contentType: f.contentType ?? 'image/jpeg' });
  const ts = `1766000000.${String(++seq).padStart(6, '0')}`;
  const event = {
    type: 'message',
    subtype: 'file_share',
    channel: `D${user}`,
    channel_type: 'im',
    user,
    text,
    ts,
    event_ts: ts,
    upload: false,
    display_as_bot: false,
    files: files.map((f) => {
      const url = f.url ?? `${t.slack.url}/files/${f.id}`;
      return {
        id: f.id,
        name: f.name,
        title: f.name,
        mimetype: 'image/jpeg',
        filetype: 'jpg',
        size: f.body?.length ?? 1000,
        mode: 'hosted',
        url_private: url,
        url_private_download: url,
      };
    }),
  };
  const body = JSON.stringify({
    token: 'x',
    team_id: 'T111',
    api_app_id: 'A111',
    type: 'event_callback',
    event_id: `EvPhoto${seq}`,
    event_time: 1766000000,
    event,
    authorizations: [{ team_id: 'T111', user_id: 'UBOT', is_bot: true }],
  });
  const before = t.slack.callsTo('chat.postMessage').length;
  const res = await postToSlackEndpoint(t.url, { body, contentType: 'application/json' });
  expect(res.status).toBe(200);
  await until(
    () =>
      t.slack
        .callsTo('chat.postMessage')
        .slice(before)
        .some((c) => c.form.channel === `D${user}`),
    'the answer to an upload',
  );
  return t.slack
    .callsTo('chat.postMessage')
    .slice(before)
    .find((c) => c.form.channel === `D${user}`);
}

const blocksText = (call: { form: Record<string, unknown> } | undefined) => JSON.stringify(call?.form.blocks ?? '') + String(call?.form.text ?? '');
/** The value of the button with this action id in a message's blocks ('' when there is none). */
function buttonValue(call: { form: Record<string, unknown> } | undefined, actionId: string): string {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.action_id === actionId && typeof o.value === 'string') found.push(o.value);
      Object.values(o).forEach(walk);
    }
  };
  walk(call?.form.blocks);
  return found[0] ?? '';
}

async function click(user: string, actionId: string, value: string, extra: Record<string, unknown> = {}) {
  const payload = {
    type: 'block_actions',
    user: { id: user, team_id: 'T111' },
    team: { id: 'T111' },
    api_app_id: 'A111',
    trigger_id: `trig.${++seq}`,
    container: { type: 'message', channel_id: `D${user}`, message_ts: `17.${seq}` },
    actions: [{ action_id: actionId, block_id: 'b', value, type: 'button', action_ts: '1' }],
    ...extra,
  };
  const res = await postToSlackEndpoint(t.url, { body: payloadBody(payload) });
  expect(res.status).toBe(200);
}

async function caravan(user: string, text: string): Promise<string> {
  const res = await postToSlackEndpoint(t.url, { body: slashCommandBody('/caravan', text, { user, channel: `D${user}` }) });
  expect(res.status).toBe(200);
  const raw = await res.text();
  return raw ? String((JSON.parse(raw) as { text?: string }).text ?? '') : '';
}

const photoUrl = (id: string, variant = 'web') => `/photos/${id}/${variant}.jpg`;
/** The files on disk that belong to a batch's photos. */
async function filesOf(batch: string): Promise<string[]> {
  const stored = await t.bot.deps.photos?.store.getBatch(Number(batch));
  const keys = (stored?.photos ?? []).flatMap((p) => [p.webKey, p.thumbKey]);
  return (await storedPhotos(dataDir)).map((f) => f.path).filter((path) => keys.some((k) => path.endsWith(k)));
}
const fetchPath = (path: string) => fetch(`${t.url}${path}`);
let photoId = '';
let batchId = '';

describe('photos on Slack, from a direct message to the album', () => {
  it('keeps a JPEG with GPS tags only as clean versions, refuses a text file, programs named .jpg and an HTML answer, and stores none of them', async () => {
    const answer = await share(
      'U1',
      [
        { id: 'FGPS', name: 'IMG_0001.jpg', body: gps },
        { id: 'FTXT', name: 'notes.jpg', body: textAsJpg(), contentType: 'image/jpeg' },
        { id: 'FELF', name: 'holiday.jpg', body: elfAsJpg() },
        { id: 'FEXE', name: 'setup.jpg', body: peAsJpg() },
        // Not in the fake's files: Slack answers its HTML sign-in page, with status 200.
        { id: 'FHTML', name: 'private.jpg' },
      ],
      'Parkas for the school',
    );
    const shown = blocksText(answer);
    expect(shown).toContain('1 photo received');
    expect(shown).toMatch(/notes\.jpg.*text file/);
    expect(shown).toMatch(/holiday\.jpg.*program/);
    expect(shown).toMatch(/setup\.jpg.*program/);
    expect(shown).toMatch(/private\.jpg.*sign-in page/);
    expect(shown).toContain('I confirm consent');
    const files = await storedPhotos(dataDir);
    expect(files).toHaveLength(2); // the web version and the thumbnail of the one photo; nothing else
    for (const f of files) {
      expect(metadataTraces(f.bytes)).toEqual([]);
      expect(f.bytes.includes(Buffer.from(SECRET_PLACE))).toBe(false);
    }
    // The fake Slack serves a file only with the right bearer token (HTML otherwise): this photo came with it.
    batchId = buttonValue(answer, 'photos.consent');
    expect(batchId).toMatch(/^\d+$/);
    photoId = (await t.bot.deps.photos?.store.getBatch(Number(batchId)))?.photos[0]?.id.toString() ?? '';
    expect(photoId).toMatch(/^\d+$/);
  });

  it('never sends the bot token to a host that is not Slack', async () => {
    await share('U2', [{ id: 'FOUT', name: 'elsewhere.jpg', url: `${elsewhereUrl}/f.jpg` }]);
    expect(elsewhereAuth.length).toBeGreaterThan(0);
    expect(elsewhereAuth.every((a) => a === undefined)).toBe(true);
  });

  it('refuses a photo over PHOTO_MAX_MB before downloading it', async () => {
    const answer = await share('U2', [{ id: 'FBIG', name: 'huge.jpg', body: Buffer.alloc(16 * 1024 * 1024, 1) }]);
    expect(blocksText(answer)).toContain('larger than 15 MB');
    expect(blocksText(answer)).toContain('No photo was stored');
  });

  it('before consent: nothing to post, and its URL is refused even with a valid signature', async () => {
    const link = await signedLink(t.bot, photoUrl(photoId), new Date(t.clock.now().getTime() + 3_600_000));
    expect((await fetchPath(link)).status).toBe(404);
    expect(await caravan('UHR', 'photos')).toContain('No new approved photos');
  });

  it('someone else cannot consent for the uploader; the uploader can, with a caption and the village', async () => {
    const before = t.slack.callsTo('chat.postMessage').length;
    await click('U2', 'photos.consent', batchId);
    await until(() => t.slack.callsTo('chat.postMessage').length > before, 'a refusal');
    expect(blocksText(t.slack.callsTo('chat.postMessage').at(-1))).toContain('This photo is not yours.');
    const reviewsBefore = t.slack.callsTo('files.completeUploadExternal').length;
    await click('U1', 'photos.consent', batchId, {
      state: {
        values: {
          'photos.caption': { value: { type: 'plain_text_input', value: 'Parkas & <b>boots</b> <!channel>' } },
          'photos.place': { value: { type: 'plain_text_input', value: 'Anergui' } },
        },
      },
    });
    await until(() => t.slack.callsTo('chat.update').some((c) => String(c.form.text).includes('gone to the HR team')), 'the consent notice');
    // HR's private review: the photo uploaded into HR's own DM, then Approve / Reject.
    await deliverUntil(t.bot, t.clock, () => t.slack.callsTo('files.completeUploadExternal').length > reviewsBefore, 'the review upload');
    expect(t.slack.callsTo('files.completeUploadExternal').at(-1)?.form.channel_id).toBe('DUHR');
    await deliverUntil(
      t.bot,
      t.clock,
      () => t.slack.callsTo('chat.postMessage').some((c) => c.form.channel === 'DUHR' && blocksText(c).includes('photos.approve')),
      'the review message',
    );
  });

  it('consented but not approved: still not served and not posted', async () => {
    const link = await signedLink(t.bot, photoUrl(photoId, 'thumb'), new Date(t.clock.now().getTime() + 3_600_000));
    expect((await fetchPath(link)).status).toBe(404);
    expect(await caravan('UHR', 'photos')).toContain('No new approved photos');
    // HR can ask for what waits: the review comes again, privately.
    const reviews = t.slack.callsTo('chat.postMessage').filter((c) => c.form.channel === 'DUHR').length;
    expect(await caravan('UHR', 'photos pending')).toContain('1 upload waiting for approval');
    await deliverUntil(
      t.bot,
      t.clock,
      () => t.slack.callsTo('chat.postMessage').filter((c) => c.form.channel === 'DUHR').length > reviews,
      'the review sent again',
    );
    expect(await caravan('U1', 'photos pending')).toContain('HR team only');
  });

  it('only HR approves; then the uploader is told, with a Withdraw button', async () => {
    await click('U1', 'photos.approve', batchId);
    await until(() => blocksText(t.slack.callsTo('chat.postMessage').at(-1)).includes('HR team'), 'the refusal');
    await click('UHR', 'photos.approve', batchId);
    await deliverUntil(
      t.bot,
      t.clock,
      () => t.slack.callsTo('chat.postMessage').some((c) => c.form.channel === 'U1' && blocksText(c).includes('photos.withdraw')),
      'the approval notice',
    );
  });

  it('the album goes to every campaign channel: Slack gets the clean file uploaded, Teams a card with a lasting signed image', async () => {
    expect(await caravan('UHR', 'photos')).toContain('1 photo is on the way to 2 campaign channels');
    await deliverAll(t.bot, t.clock);
    const complete = t.slack.callsTo('files.completeUploadExternal').find((c) => c.form.channel_id === 'CALBUM');
    expect(complete).toBeDefined();
    const fileId = (complete?.form.files as Array<{ id: string }>)[0]?.id ?? '';
    const uploaded = t.slack.uploads.get(fileId) ?? Buffer.alloc(0);
    expect(uploaded.length).toBeGreaterThan(1000);
    expect(metadataTraces(uploaded)).toEqual([]);
    // People's words cannot become Slack markup: no <!channel> mention, no tags.
    expect(String(complete?.form.initial_comment)).toContain('Anergui — Parkas &amp; &lt;b&gt;boots&lt;/b&gt; &lt;!channel&gt;');
    expect(String(complete?.form.initial_comment)).not.toContain('<!channel>');
    // Its headline is bold, as in every other post of the bot.
    expect(String(complete?.form.initial_comment)).toMatch(/^\*📸 Caravane 2026 — 1 new photo\*\n/);
    const card = JSON.stringify(connector.sent('19:6848757105754c8981c67612732d9aa7@thread.tacv2').at(-1)?.body ?? {});
    // The full picture behind the thumbnail: signed, with no expiry (it works while the photo may be shown).
    const image = /"url":"(http[^"]*\/photos\/\d+\/web\.jpg\?sig=[^"]+)"/.exec(card)?.[1] ?? '';
    expect(image).not.toBe('');
    const served = await fetchPath(pathOf(image));
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    expect(served.headers.get('cache-control')).toContain('private');
    expect(metadataTraces(Buffer.from(await served.arrayBuffer()))).toEqual([]);
    // A second run posts nothing again.
    expect(await caravan('UHR', 'photos')).toContain('No new approved photos');
  });

  it('the gallery behind the album link shows the approved photo, privately; a tampered or expired link gets 403', async () => {
    const comment = String(t.slack.callsTo('files.completeUploadExternal').find((c) => c.form.channel_id === 'CALBUM')?.form.initial_comment);
    const gallery = pathOf(/<(http[^|>]+\/album\/[^|>]+)\|/.exec(comment)?.[1] ?? 'http://x/none');
    const page = await fetchPath(gallery);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toContain('private');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('x-robots-tag')).toContain('noindex');
    const html = await page.text();
    expect(html).toContain('Anergui — Parkas &amp; &lt;b&gt;boots&lt;/b&gt; &lt;!channel&gt;');
    expect(html).not.toContain('<b>');
    const thumb = /<img src="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&') ?? '';
    expect(thumb).toMatch(/^\/photos\/\d+\/thumb\.jpg\?exp=\d+&sig=/);
    expect((await fetchPath(thumb)).status).toBe(200);
    expect((await fetchPath(tamperAfter(thumb, 'sig='))).status).toBe(403);
    expect((await fetchPath(tamperAfter(gallery, '/album/'))).status).toBe(403);
    t.clock.advance(31 * 24 * 3_600_000);
    expect((await fetchPath(gallery)).status).toBe(403);
    expect((await fetchPath(thumb)).status).toBe(403);
    t.clock.advance(-31 * 24 * 3_600_000);
  });

  it('withdraw: gone from the gallery and from future posts, its Slack files deleted and the Teams card redrawn or deleted', async () => {
    const comment = String(t.slack.callsTo('files.completeUploadExternal').find((c) => c.form.channel_id === 'CALBUM')?.form.initial_comment);
    const gallery = pathOf(/<(http[^|>]+\/album\/[^|>]+)\|/.exec(comment)?.[1] ?? 'http://x/none');
    const deletesBefore = t.slack.callsTo('files.delete').length;
    const reply = await caravan('U1', `photos withdraw ${photoId}`);
    expect(reply).toContain(`#${photoId} withdrawn`);
    expect(reply).toContain('earlier posts deleted');
    // The album copy in #CALBUM and HR's two review copies (the second from `photos pending`).
    expect(t.slack.callsTo('files.delete').length - deletesBefore).toBe(3);
    expect(connector.deleted().length + connector.updated().length).toBeGreaterThan(0);
    expect(await (await fetchPath(gallery)).text()).not.toContain(`/photos/${photoId}/`);
    const link = await signedLink(t.bot, photoUrl(photoId), new Date(t.clock.now().getTime() + 3_600_000));
    expect((await fetchPath(link)).status).toBe(404);
    expect(await filesOf(batchId)).toEqual([]);
    expect(await caravan('UHR', 'photos')).toContain('No new approved photos');
    expect(await caravan('U1', `photos withdraw ${photoId}`)).toContain('already withdrawn');
  });

  it('HR rejects with a reason, typed in a modal: the uploader reads it and the files are deleted', async () => {
    const answer = await share('U3', [{ id: 'FREJ', name: 'match.jpg', body: await phoneJpeg(600, 400) }], 'Football match');
    const id = buttonValue(answer, 'photos.consent');
    await click('U3', 'photos.consent', id);
    await deliverUntil(
      t.bot,
      t.clock,
      () => t.slack.callsTo('chat.postMessage').some((c) => c.form.channel === 'DUHR' && blocksText(c).includes(`"value":"${id}"`)),
      'the review',
    );
    expect(await filesOf(id)).toHaveLength(2);
    await click('UHR', 'photos.reject', id);
    await until(() => t.slack.callsTo('views.open').length > 0, 'the reason form');
    const view = t.slack.callsTo('views.open').at(-1)?.form.view as { private_metadata: string; callback_id: string };
    const submission = {
      type: 'view_submission',
      user: { id: 'UHR', team_id: 'T111' },
      team: { id: 'T111' },
      api_app_id: 'A111',
      trigger_id: 'x',
      view: {
        id: 'V1',
        team_id: 'T111',
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        state: { values: { 'photos.reason': { value: { type: 'plain_text_input', value: 'A child can be recognised' } } } },
      },
    };
    expect((await postToSlackEndpoint(t.url, { body: payloadBody(submission) })).status).toBe(200);
    await deliverUntil(
      t.bot,
      t.clock,
      () => t.slack.callsTo('chat.postMessage').some((c) => c.form.channel === 'U3' && blocksText(c).includes('A child can be recognised')),
      'the rejection notice',
    );
    expect(await filesOf(id)).toEqual([]);
    expect(await caravan('UHR', 'photos')).toContain('No new approved photos');
  });

  it('a review whose message Slack refused for a while is posted again without uploading the photos twice', async () => {
    const id = buttonValue(await share('U4', [{ id: 'FRETRY', name: 'van.jpg', body: await phoneJpeg(600, 400) }]), 'photos.consent');
    const uploads = () => t.slack.callsTo('files.completeUploadExternal').filter((c) => c.form.channel_id === 'DUHR').length;
    const reviews = () => t.slack.callsTo('chat.postMessage').filter((c) => c.form.channel === 'DUHR' && blocksText(c).includes(`"value":"${id}"`));
    const before = uploads();
    t.slack.script('chat.postMessage', { body: { ok: false, error: 'internal_error' } });
    await click('U4', 'photos.consent', id);
    await deliverUntil(t.bot, t.clock, () => reviews().length >= 2, 'the review posted again');
    expect(uploads() - before).toBe(1);
    expect(reviews()).toHaveLength(2);
    expect(t.slack.posted.filter((m) => m.channel === 'DUHR' && m.text.includes('to review')).length).toBeGreaterThan(0);
  });

  it('people see their own photos and where they stand', async () => {
    const mine = await caravan('U1', 'photos');
    expect(mine).toContain('Your photos');
    expect(mine).toContain(`#${photoId} — withdrawn`);
    expect(await caravan('U3', 'photos mine')).toContain('rejected');
  });

  it('answers nonsense politely and changes nothing', async () => {
    expect(await caravan('U1', 'photos withdraw twelve')).toContain('Give the photo number');
    expect(await caravan('U1', 'photos withdraw 999999')).toContain('cannot find');
    const before = t.slack.callsTo('chat.postMessage').length;
    await click('U1', 'photos.consent', '424242');
    await until(() => t.slack.callsTo('chat.postMessage').length > before, 'a refusal');
    expect(blocksText(t.slack.callsTo('chat.postMessage').at(-1))).toContain('cannot find');
    expect(t.logs.join('')).not.toContain(SECRET_PLACE);
  });
});
