import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { photoStore } from '../../db/repositories/photos.js';
import { createStores } from '../../db/stores.js';
import type { NewBatch, PhotoStore } from '../../src/photos/ports.js';
import { minor } from '../../src/shared/money.js';
import { testDatabase, type TestDatabase } from '../support/db.js';

let db: TestDatabase;
let store: PhotoStore;
let campaignId: string;
let personId: string;
const at = new Date('2026-12-20T10:00:00Z');

beforeAll(async () => {
  db = await testDatabase();
  store = photoStore(db.db);
  const stores = createStores(db.db);
  const campaign = await stores.campaigns.create({
    name: 'Caravane 2026',
    currency: 'MAD',
    goalMinor: minor(15_000_000),
    startsOn: '2026-11-15',
    endsOn: '2026-12-15',
  });
  campaignId = campaign.id;
  personId = (await stores.people.resolve({ platform: 'slack', tenantId: 'T1', userId: 'U1', displayName: 'Amina', locale: 'en' })).id;
});
afterAll(async () => db?.drop());

const photo = (n: number) => ({ webKey: `k${n}/web.jpg`, thumbKey: `k${n}/thumb.jpg`, width: 800, height: 600, webBytes: 1000 + n, thumbBytes: 100 + n });
const newBatch = (sourceKey: string, count = 2): NewBatch => ({
  campaignId,
  uploader: { personId, platform: 'slack', tenantId: 'T1', userId: 'U1' },
  locale: 'en',
  sourceKey,
  caption: 'Parkas',
  photos: Array.from({ length: count }, (_, i) => photo(i)),
  createdAt: at,
});

describe(`photo metadata (${process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('stores a batch once per upload, its photos in order', async () => {
    const first = await store.createBatch(newBatch('slack:T1:D1:1.1', 3));
    const again = await store.createBatch(newBatch('slack:T1:D1:1.1', 3));
    expect(first.created).toBe(true);
    expect(again).toMatchObject({ created: false, batch: { id: first.batch.id } });
    expect(first.batch.photos.map((p) => p.position)).toEqual([1, 2, 3]);
    expect(first.batch).toMatchObject({ status: 'awaiting_consent', caption: 'Parkas', place: null, consentedAt: null, locale: 'en' });
    expect(await store.batchOfPhoto(first.batch.photos[1]?.id ?? 0)).toMatchObject({ id: first.batch.id });
  });

  it('moves a batch forward only from the status it is in: the first decision wins', async () => {
    const { batch } = await store.createBatch(newBatch('slack:T1:D1:2.2'));
    expect(await store.setStatus(batch.id, 'in_review', { status: 'approved', at, by: 'slack:UHR' })).toBe(false);
    expect(await store.setStatus(batch.id, 'awaiting_consent', { status: 'in_review', at, caption: 'Match', place: 'Anergui' })).toBe(true);
    const [a, b] = await Promise.all([
      store.setStatus(batch.id, 'in_review', { status: 'approved', at, by: 'slack:UHR' }),
      store.setStatus(batch.id, 'in_review', { status: 'rejected', at, by: 'teams:hr2', reason: 'no' }),
    ]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    expect(await store.getBatch(batch.id)).toMatchObject({ caption: 'Match', place: 'Anergui', consentedAt: at, reviewedAt: at });
  });

  it('lists only approved, consented, not withdrawn photos for the album and the gallery', async () => {
    const approved = (await store.createBatch(newBatch('slack:T1:D1:3.3', 3))).batch;
    await store.setStatus(approved.id, 'awaiting_consent', { status: 'in_review', at, caption: null, place: null });
    await store.setStatus(approved.id, 'in_review', { status: 'approved', at, by: 'slack:UHR' });
    const [p1, p2, p3] = approved.photos;
    if (!p1 || !p2 || !p3) throw new Error('photos missing');
    expect(await store.withdraw([p2.id], 'slack:U1', at)).toEqual([p2.id]);
    expect(await store.withdraw([p2.id], 'slack:U1', at)).toEqual([]);
    // Only this batch's photos: the other tests' batches share the campaign.
    const ids = (batches: Awaited<ReturnType<PhotoStore['unposted']>>) => batches.filter((b) => b.id === approved.id).flatMap((b) => b.photos.map((p) => p.id));
    const unposted = ids(await store.unposted(campaignId, 100));
    expect(unposted).toContain(p1.id);
    expect(unposted).not.toContain(p2.id);
    await store.markPosted([p1.id], 'album:x', at);
    expect(ids(await store.unposted(campaignId, 100))).toEqual([p3.id]);
    expect(ids(await store.published(campaignId))).toEqual(expect.arrayContaining([p1.id, p3.id]));
    expect(ids(await store.published(campaignId))).not.toContain(p2.id);
    // Batches still waiting (consent or review) never appear.
    const waiting = await store.createBatch(newBatch('slack:T1:D1:4.4', 1));
    const everyone = (await store.published(campaignId)).flatMap((b) => b.photos.map((p) => p.id));
    expect(everyone).not.toContain(waiting.batch.photos[0]?.id);
  });

  it('remembers platform copies until they are retracted', async () => {
    const { batch } = await store.createBatch(newBatch('slack:T1:D1:5.5', 1));
    const id = batch.photos[0]?.id ?? 0;
    await store.recordPost({ photoId: id, platform: 'slack', kind: 'file', destination: { platform: 'slack', channelId: 'C1' }, platformRef: 'F123' });
    const posts = await store.posts(id);
    expect(posts).toMatchObject([{ platform: 'slack', kind: 'file', platformRef: 'F123', destination: { channelId: 'C1' } }]);
    await store.markRetracted(
      posts.map((p) => p.id),
      at,
    );
    expect(await store.posts(id)).toEqual([]);
  });

  it('knows the language and name people use', async () => {
    expect(await store.localeOf('slack', 'U1')).toBe('en');
    expect(await store.localeOf('teams', 'nobody')).toBeNull();
    expect(await store.displayName(personId)).toBe('Amina');
  });
});
