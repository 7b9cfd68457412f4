import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCampaign, startTestBot, type TestBot } from '../support/bot.js';
import { csrfIn, postForm, signIn } from '../support/hr.js';
import { phoneJpeg } from '../support/images.js';
import { deliverAll, deliverUntil } from '../support/outbox.js';
import { storedPhotos, tempDataDir, until } from '../support/photos.js';
import { blocksText, buttonValue, caravanDm, click, shareJpeg, submitReason } from '../support/slack-photos.js';

// HR works in English; the two people who sent photos read French. Each decision is taken once from
// chat and once from the page, and both must leave the same rows, files and messages behind.
let t: TestBot;
let dataDir: string;
let cookie = '';
let csrf = '';

beforeAll(async () => {
  dataDir = await tempDataDir();
  t = await startTestBot({ env: { ADMINS: 'slack:UHR', DATA_DIR: dataDir, DEFAULT_LOCALE: 'en' }, outbox: { autostart: false } });
  await seedCampaign(t.bot);
  t.slack.users.set('UHR', { locale: 'en-US', name: 'Hanae' });
  t.slack.users.set('UCHAT', { locale: 'fr-FR', name: 'Youssef' });
  t.slack.users.set('UPAGE', { locale: 'fr-MA', name: 'Amina' });
  await t.bot.deps.messaging.channels.add({ destination: { platform: 'slack', channelId: 'CALBUM' }, kind: 'channel', addedBy: 'slack:UHR' });
  // The bot learns a person's language from Slack after their first word to it.
  for (const user of ['UHR', 'UCHAT', 'UPAGE']) await caravanDm(t, user, '');
  const stored = (user: string) => t.bot.database.db.selectFrom('identities').select('locale').where('user_id', '=', user).executeTakeFirst();
  for (const [user, locale] of [
    ['UHR', 'en'],
    ['UCHAT', 'fr'],
    ['UPAGE', 'fr'],
  ] as const)
    await until(async () => (await stored(user))?.locale === locale, `${user}'s language`);
  cookie = await signIn(t.url, 'UHR');
  csrf = csrfIn(await (await fetch(`${t.url}/hr/photos`, { headers: { cookie } })).text());
});
afterAll(async () => {
  await t?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const page = (path: string) => fetch(`${t.url}${path}`, { headers: { cookie } });

/** `user` sends one photo and consents; resolves once HR's review copy is out. Returns the batch. */
async function inReview(user: string, fileId: string) {
  const answer = await shareJpeg(t, user, fileId, await phoneJpeg(640, 480), 'Départ du car');
  const batchId = Number(buttonValue(answer, 'photos.consent'));
  const uploads = t.slack.callsTo('files.completeUploadExternal').length;
  await click(t, user, 'photos.consent', String(batchId));
  await deliverUntil(t.bot, t.clock, () => t.slack.callsTo('files.completeUploadExternal').length > uploads, 'HR’s review copy');
  const batch = await t.bot.deps.photos?.store.getBatch(batchId);
  if (!batch) throw new Error('no batch');
  return batch;
}

/** What the bot said to `user` since `from`, with numbers and the person's id blanked, for comparison. */
function toldSince(user: string, from: number): string[] {
  return t.slack
    .callsTo('chat.postMessage')
    .slice(from)
    .filter((c) => c.form.channel === user)
    .map((c) => blocksText(c).replaceAll(user, 'USER').replace(/\d+/g, 'N'));
}

const filesOf = async (keys: string[]) => (await storedPhotos(dataDir)).filter((f) => keys.some((k) => f.path.endsWith(k)));
const keysOf = (batch: { photos: Array<{ webKey: string; thumbKey: string }> }) => batch.photos.flatMap((p) => [p.webKey, p.thumbKey]);

describe('photo decisions from the HR page have the same effect as from chat', () => {
  it('reject with a reason: the batch is rejected, its files and HR’s copies deleted, the person told in French', async () => {
    const viaChat = await inReview('UCHAT', 'FCHAT1');
    const viaPage = await inReview('UPAGE', 'FPAGE1');
    const reason = 'On reconnaît un enfant';
    const posts = t.slack.callsTo('chat.postMessage').length;

    let deletes = t.slack.callsTo('files.delete').length;
    await click(t, 'UHR', 'photos.reject', String(viaChat.id));
    await until(() => t.slack.callsTo('views.open').length > 0, 'the reason form');
    await submitReason(t, 'UHR', reason);
    await until(async () => (await t.bot.deps.photos?.store.getBatch(viaChat.id))?.status === 'rejected', 'the chat rejection');
    // The notice is queued after the decision is stored: deliver until it is there.
    await deliverUntil(t.bot, t.clock, () => toldSince('UCHAT', posts).length > 0, 'the notice from chat');
    const chatDeletes = t.slack.callsTo('files.delete').length - deletes;

    deletes = t.slack.callsTo('files.delete').length;
    const res = await postForm(t.url, '/hr/photos/review', cookie, [
      ['_csrf', csrf],
      ['batch', String(viaPage.id)],
      ['decision', 'reject'],
      ['reason', reason],
    ]);
    expect(res.status).toBe(303);
    expect(await (await page('/hr/photos')).text()).toContain(`rejected and deleted; the person is told`);
    // The notice is queued after the decision is stored: deliver until it is there.
    await deliverUntil(t.bot, t.clock, () => toldSince('UPAGE', posts).length > 0, 'the notice from the page');
    const pageDeletes = t.slack.callsTo('files.delete').length - deletes;

    for (const id of [viaChat.id, viaPage.id]) {
      const stored = await t.bot.deps.photos?.store.getBatch(id);
      expect(stored?.status).toBe('rejected');
      expect(stored?.rejectReason).toBe(reason);
      expect(stored?.reviewedBy).toBe('slack:UHR');
    }
    expect(await filesOf([...keysOf(viaChat), ...keysOf(viaPage)])).toEqual([]);
    // HR's review copy goes the same way: deleted from Slack.
    expect(chatDeletes).toBeGreaterThan(0);
    expect(pageDeletes).toBe(chatDeletes);
    // The same words, in the person's language, to the person's direct messages, once.
    const fromChat = toldSince('UCHAT', posts);
    expect(fromChat).toHaveLength(1);
    expect(fromChat[0]).toContain('L’équipe RH n’a pas retenu votre photo #');
    expect(fromChat[0]).toContain(`Motif : ${reason}`);
    expect(toldSince('UPAGE', posts)).toEqual(fromChat);
    expect(await caravanDm(t, 'UHR', 'photos')).toContain('No new approved photos');
  });

  it('withdraw a published photo: gone from disk, from the album and from the page, the person told in French', async () => {
    const viaChat = await inReview('UCHAT', 'FCHAT2');
    const viaPage = await inReview('UPAGE', 'FPAGE2');
    for (const b of [viaChat, viaPage]) await click(t, 'UHR', 'photos.approve', String(b.id));
    await until(async () => (await t.bot.deps.photos?.store.getBatch(viaPage.id))?.status === 'approved', 'the approvals');
    expect(await caravanDm(t, 'UHR', 'photos')).toContain('2 photos');
    await deliverAll(t.bot, t.clock);
    const chatPhoto = viaChat.photos[0]?.id ?? 0;
    const pagePhoto = viaPage.photos[0]?.id ?? 0;
    expect(await (await page('/hr/photos')).text()).toContain(`/hr/photos/${pagePhoto}/thumb.jpg`);
    const posts = t.slack.callsTo('chat.postMessage').length;

    let deletes = t.slack.callsTo('files.delete').length;
    expect(await caravanDm(t, 'UHR', `photos withdraw ${chatPhoto}`)).toContain(`#${chatPhoto} withdrawn`);
    // The notice is queued after the decision is stored: deliver until it is there.
    await deliverUntil(t.bot, t.clock, () => toldSince('UCHAT', posts).length > 0, 'the notice from chat');
    const chatDeletes = t.slack.callsTo('files.delete').length - deletes;

    deletes = t.slack.callsTo('files.delete').length;
    const res = await postForm(t.url, '/hr/photos/withdraw', cookie, [
      ['_csrf', csrf],
      ['photo', String(pagePhoto)],
    ]);
    expect(res.status).toBe(303);
    const after = await (await page('/hr/photos')).text();
    expect(after).toContain(`Photo #${pagePhoto} withdrawn.`);
    expect(after).not.toContain(`/hr/photos/${pagePhoto}/thumb.jpg`);
    // The notice is queued after the decision is stored: deliver until it is there.
    await deliverUntil(t.bot, t.clock, () => toldSince('UPAGE', posts).length > 0, 'the notice from the page');
    const pageDeletes = t.slack.callsTo('files.delete').length - deletes;

    const rows = await t.bot.database.db.selectFrom('photos').select(['id', 'withdrawn_by']).where('id', 'in', [chatPhoto, pagePhoto]).orderBy('id').execute();
    expect(rows).toEqual([
      { id: chatPhoto, withdrawn_by: 'slack:UHR' },
      { id: pagePhoto, withdrawn_by: 'slack:UHR' },
    ]);
    expect(await filesOf([...keysOf(viaChat), ...keysOf(viaPage)])).toEqual([]);
    // The album copy in #CALBUM and HR's review copy, each time.
    expect(chatDeletes).toBeGreaterThanOrEqual(2);
    expect(pageDeletes).toBe(chatDeletes);
    const fromChat = toldSince('UCHAT', posts);
    expect(fromChat).toHaveLength(1);
    expect(fromChat[0]).toContain('L’équipe RH a retiré votre photo #');
    expect(toldSince('UPAGE', posts)).toEqual(fromChat);
    expect(await (await page(`/hr/photos/${pagePhoto}/thumb.jpg`)).status).toBe(404);
  });

  it('a decision the chat would refuse is refused on the page too, politely, and changes nothing', async () => {
    const posts = t.slack.callsTo('chat.postMessage').length;
    const rejected = (await t.bot.deps.photos?.store.getBatch(1))?.status;
    const again = await postForm(t.url, '/hr/photos/review', cookie, [
      ['_csrf', csrf],
      ['batch', '1'],
      ['decision', 'approve'],
    ]);
    expect(again.status).toBe(303);
    expect(await (await page('/hr/photos')).text()).toMatch(/already/);
    expect((await t.bot.deps.photos?.store.getBatch(1))?.status).toBe(rejected);
    await postForm(t.url, '/hr/photos/withdraw', cookie, [
      ['_csrf', csrf],
      ['photo', 'seven'],
    ]);
    expect(await (await page('/hr/photos')).text()).toContain('role="status"');
    await deliverAll(t.bot, t.clock);
    expect(
      t.slack
        .callsTo('chat.postMessage')
        .slice(posts)
        .filter((c) => c.form.channel !== 'DUHR'),
    ).toEqual([]);
  });
});
