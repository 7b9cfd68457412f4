import { sql } from 'kysely';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHART_HEIGHT, CHART_WIDTH } from '../../adapters/charts/progress-chart.js';
import { runDigest } from '../../src/digest/digest.service.js';
import { seedCampaign, startTestBot, type TestBot } from '../support/bot.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import { slackCommand } from '../support/hr.js';
import { deliverAll } from '../support/outbox.js';
import { pathOf } from '../support/photos.js';
import { CHANNEL, channelMessage, person, postActivity } from '../support/teams-activities.js';

let t: TestBot;
let connector: FakeConnector;
const SLACK_CHANNEL = 'CCHART';
const DAY_MS = 86_400_000;

beforeAll(async () => {
  connector = await startFakeConnector();
  t = await startTestBot({ env: { DEFAULT_LOCALE: 'fr' }, outbox: { autostart: false } });
  await seedCampaign(t.bot);
  await slackCommand(t.url, '/pledge', '37 500', 'UDONOR');
  // The bot learns the Teams channel when it is mentioned there; HR made both campaign channels.
  await postActivity(t.url, channelMessage(connector.url, person(2), '<at>Caravane</at> caravan'));
  await t.bot.deps.messaging.channels.add({ destination: { platform: 'slack', channelId: SLACK_CHANNEL }, kind: 'channel', addedBy: 'slack:UHR' });
  await t.bot.deps.messaging.channels.add({ destination: { platform: 'teams', conversationId: CHANNEL }, kind: 'channel', addedBy: 'slack:UHR' });
});
afterAll(async () => {
  await t?.close();
  await connector?.close();
});

/**
 * Runs the next day's digest and delivers it everywhere (`meanwhile` runs between the two); what
 * Slack and Teams received since.
 */
async function nextDigest(meanwhile: { before?: () => Promise<void>; after?: () => Promise<void> } = {}) {
  const slackBefore = t.slack.calls.length;
  const teamsBefore = connector.sent(CHANNEL).length;
  const postedBefore = t.slack.posted.length;
  t.clock.advance(DAY_MS);
  expect((await runDigest(t.bot.deps, t.clock.now())).status).toBe('posted');
  await meanwhile.before?.();
  try {
    await deliverAll(t.bot, t.clock);
  } finally {
    await meanwhile.after?.();
  }
  // Nothing comes later either: no retry posts the text a second time.
  t.clock.advance(60 * 60_000);
  await deliverAll(t.bot, t.clock);
  const calls = t.slack.calls.slice(slackBefore);
  return {
    calls: (method: string) => calls.filter((c) => c.method === method),
    posted: t.slack.posted.slice(postedBefore).filter((p) => p.channel === SLACK_CHANNEL),
    teams: connector.sent(CHANNEL).slice(teamsBefore),
  };
}

async function expectChartPng(png: Buffer): Promise<void> {
  const meta = await sharp(png).metadata();
  expect(meta.format).toBe('png');
  expect([meta.width, meta.height]).toEqual([CHART_WIDTH, CHART_HEIGHT]);
  expect(meta.exif).toBeUndefined();
  expect(meta.icc).toBeUndefined();
  expect(meta.xmp).toBeUndefined();
  for (const chunk of ['tEXt', 'iTXt', 'zTXt', 'eXIf', 'tIME', 'iCCP']) expect(png.includes(Buffer.from(chunk))).toBe(false);
}

/** The file inside the multipart body the Web API client posted to the upload URL. */
async function uploadedFile(body: Buffer): Promise<Buffer> {
  const boundary = body.subarray(2, body.indexOf('\r\n')).toString('latin1');
  const form = await new Response(body, { headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }).formData();
  for (const part of form.values()) if (typeof part !== 'string') return Buffer.from(await part.arrayBuffer());
  return Buffer.alloc(0);
}

const imageBlocks = (form: Record<string, unknown>) => (Array.isArray(form.blocks) ? form.blocks : []).filter((b: { type?: unknown }) => b.type === 'image');

describe('the daily digest carries the campaign chart', () => {
  it('on Slack: a PNG of the stated size with no metadata, uploaded and shown in the one text post', async () => {
    const got = await nextDigest();
    const [asked] = got.calls('files.getUploadURLExternal');
    expect(got.calls('files.getUploadURLExternal')).toHaveLength(1);
    expect(asked?.form.filename).toBe('caravane-progress.png');
    const [fileId, upload] = [...t.slack.uploads.entries()].at(-1) ?? [];
    await expectChartPng(await uploadedFile(upload ?? Buffer.alloc(0)));
    // Uploaded privately: the post below is what shares it, once.
    expect(got.calls('files.completeUploadExternal')[0]?.form.channel_id).toBeUndefined();
    expect(got.posted).toHaveLength(1);
    expect(got.posted[0]?.text).toContain('Le point du jour');
    expect(got.posted[0]?.text).toContain('37 500 MAD');
    const [post] = got.calls('chat.postMessage').filter((c) => c.form.channel === SLACK_CHANNEL);
    expect(imageBlocks(post?.form ?? {})).toEqual([{ type: 'image', slack_file: { id: fileId }, alt_text: expect.stringContaining('Caravane 2026') }]);
  });

  it('on Teams: the text, and a card showing the chart through a signed link that answers 200 with image/png', async () => {
    const got = await nextDigest();
    expect(got.teams).toHaveLength(1);
    const body = got.teams[0]?.body ?? {};
    expect(String(body.text)).toContain('Le point du jour');
    const card = (body.attachments as Array<{ contentType: string; content: { body: Array<{ type: string; url: string; altText: string }> } }>)[0];
    expect(card?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const image = card?.content.body[0];
    expect(image).toMatchObject({ type: 'Image', altText: expect.stringContaining('Caravane 2026') });
    const url = new URL(image?.url ?? '');
    expect(url.searchParams.get('sig')).toBeTruthy();
    const res = await fetch(`${t.url}${pathOf(url.href)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    await expectChartPng(Buffer.from(await res.arrayBuffer()));
    // The same link with its signature changed shows nothing.
    url.searchParams.set('sig', `x${url.searchParams.get('sig') ?? ''}`.slice(0, -1));
    expect((await fetch(`${t.url}${pathOf(url.href)}`)).status).toBe(403);
  });

  it('with the chart upload failing, the text alone is posted once', async () => {
    t.slack.script('files.getUploadURLExternal', { body: { ok: false, error: 'internal_error' } });
    const got = await nextDigest();
    expect(got.posted).toHaveLength(1);
    expect(got.posted[0]?.text).toContain('Le point du jour');
    const posts = got.calls('chat.postMessage').filter((c) => c.form.channel === SLACK_CHANNEL);
    expect(posts).toHaveLength(1);
    expect(imageBlocks(posts[0]?.form ?? {})).toEqual([]);
  });

  it('with Slack refusing the chart in the post, the text alone is posted once and the chart file is removed', async () => {
    t.slack.script('chat.postMessage', { body: { ok: false, error: 'invalid_blocks' } });
    const got = await nextDigest();
    expect(got.posted).toHaveLength(1);
    expect(got.posted[0]?.text).toContain('Le point du jour');
    expect(got.calls('files.delete')).toHaveLength(1);
    const posts = got.calls('chat.postMessage').filter((c) => c.form.channel === SLACK_CHANNEL);
    expect(posts.map((p) => imageBlocks(p.form).length)).toEqual([1, 0]);
  });

  // The database failing while the post goes out, in the one place the chart needs and the text does not.
  const renamed = (table: string) => ({
    before: async () => void (await sql.raw(`alter table ${table} rename to ${table}_away`).execute(t.bot.database.db)),
    after: async () => void (await sql.raw(`alter table ${table}_away rename to ${table}`).execute(t.bot.database.db)),
  });

  it('on Teams, with the chart link impossible to sign, the text alone is posted once', async () => {
    const got = await nextDigest(renamed('app_secrets'));
    expect(got.teams).toHaveLength(1);
    expect(String(got.teams[0]?.body?.text)).toContain('Le point du jour');
    expect(String(got.teams[0]?.body?.text)).toContain('37 500 MAD');
    expect(got.teams[0]?.body?.attachments ?? []).toEqual([]);
  });

  it('on Teams, with the chart impossible to draw, the text alone is posted once (and on Slack too)', async () => {
    // The chart reads the pledges per day; the digest's text was written when it was queued.
    const got = await nextDigest(renamed('pledges'));
    expect(got.teams).toHaveLength(1);
    expect(String(got.teams[0]?.body?.text)).toContain('Le point du jour');
    expect(got.teams[0]?.body?.attachments ?? []).toEqual([]);
    expect(got.posted).toHaveLength(1);
    expect(got.calls('files.getUploadURLExternal')).toEqual([]);
    expect(imageBlocks(got.calls('chat.postMessage').find((c) => c.form.channel === SLACK_CHANNEL)?.form ?? {})).toEqual([]);
    // With the database back, the next digest has its chart again.
    expect(JSON.stringify((await nextDigest()).teams[0]?.body?.attachments)).toContain('"type":"Image"');
  });

  it('a milestone post carries the chart too, on Slack and on Teams', async () => {
    const slackBefore = t.slack.calls.length;
    const teamsBefore = connector.sent(CHANNEL).length;
    await slackCommand(t.url, '/pledge', '40 000', 'UDONOR2'); // 77 500 of 150 000: past 50 %
    await deliverAll(t.bot, t.clock);
    const posts = t.slack.calls.slice(slackBefore).filter((c) => c.method === 'chat.postMessage' && c.form.channel === SLACK_CHANNEL);
    expect(posts).toHaveLength(1);
    expect(String(posts[0]?.form.text)).toContain('50 % de l’objectif');
    expect(imageBlocks(posts[0]?.form ?? {})).toHaveLength(1);
    const teams = connector.sent(CHANNEL).slice(teamsBefore);
    expect(teams).toHaveLength(1);
    expect(String(teams[0]?.body?.text)).toContain('50 % de l’objectif');
    expect(JSON.stringify(teams[0]?.body?.attachments)).toMatch(/"type":"Image","url":"http[^"]+\/charts\/[0-9a-f-]+\/progress\.png\?exp=/);
  });
});
