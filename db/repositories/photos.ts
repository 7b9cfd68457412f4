import type { Kysely, Selectable } from 'kysely';
import type { Photo, PhotoBatch } from '../../src/photos/photo.js';
import type { PhotoPost, PhotoStore } from '../../src/photos/ports.js';
import { parseOutgoingMessage } from '../../src/outbox/payload.js';
import { parseBatchStatus, parseLocale, parsePhotoPostKind, parsePlatform } from '../row-enums.js';
import type { Database } from '../schema.js';

type BatchRow = Selectable<Database['photo_batches']>;
type PhotoRow = Selectable<Database['photos']>;

function toPhoto(r: PhotoRow): Photo {
  return {
    id: r.id,
    batchId: r.batch_id,
    position: r.position,
    webKey: r.web_key,
    thumbKey: r.thumb_key,
    width: r.width,
    height: r.height,
    webBytes: r.web_bytes,
    thumbBytes: r.thumb_bytes,
    withdrawnAt: r.withdrawn_at,
    postedAt: r.posted_at,
  };
}

function toBatch(r: BatchRow, photos: PhotoRow[]): PhotoBatch {
  return {
    id: r.id,
    campaignId: r.campaign_id,
    uploader: { personId: r.uploader_person_id, platform: parsePlatform(r.uploader_platform), tenantId: r.uploader_tenant_id, userId: r.uploader_user_id },
    locale: parseLocale(r.locale),
    caption: r.caption,
    place: r.place,
    status: parseBatchStatus(r.status),
    createdAt: r.created_at,
    consentedAt: r.consented_at,
    reviewedAt: r.reviewed_at,
    reviewedBy: r.reviewed_by,
    rejectReason: r.reject_reason,
    photos: photos
      .filter((p) => p.batch_id === r.id)
      .sort((a, b) => a.position - b.position)
      .map(toPhoto),
  };
}

/** Photo metadata over Postgres/PGlite. The files themselves are in the photo storage. */
export function photoStore(db: Kysely<Database>): PhotoStore {
  /** Batches with all their photos, or only the photos `onlyIds` names (in the order the batches came). */
  async function withPhotos(rows: BatchRow[], onlyIds?: number[]): Promise<PhotoBatch[]> {
    if (rows.length === 0) return [];
    let query = db
      .selectFrom('photos')
      .selectAll()
      .where(
        'batch_id',
        'in',
        rows.map((r) => r.id),
      );
    if (onlyIds) query = query.where('id', 'in', onlyIds.length > 0 ? onlyIds : [-1]);
    const photos = await query.execute();
    return rows.map((r) => toBatch(r, photos));
  }

  async function one(where: { id?: number; sourceKey?: string }): Promise<PhotoBatch | null> {
    let query = db.selectFrom('photo_batches').selectAll();
    if (where.id !== undefined) query = query.where('id', '=', where.id);
    if (where.sourceKey !== undefined) query = query.where('source_key', '=', where.sourceKey);
    const row = await query.executeTakeFirst();
    return row ? ((await withPhotos([row]))[0] ?? null) : null;
  }

  return {
    async createBatch(batch) {
      const created = await db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('photo_batches')
          .values({
            campaign_id: batch.campaignId,
            uploader_person_id: batch.uploader.personId,
            uploader_platform: batch.uploader.platform,
            uploader_tenant_id: batch.uploader.tenantId,
            uploader_user_id: batch.uploader.userId,
            locale: batch.locale,
            source_key: batch.sourceKey,
            caption: batch.caption,
            status: 'awaiting_consent',
            created_at: batch.createdAt,
          })
          .onConflict((oc) => oc.column('source_key').doNothing())
          .returning('id')
          .executeTakeFirst();
        if (!row) return false;
        const photos = batch.photos.map((p, i) => ({
          batch_id: row.id,
          position: i + 1,
          web_key: p.webKey,
          thumb_key: p.thumbKey,
          width: p.width,
          height: p.height,
          web_bytes: p.webBytes,
          thumb_bytes: p.thumbBytes,
        }));
        if (photos.length > 0) await trx.insertInto('photos').values(photos).execute();
        return true;
      });
      const stored = await one({ sourceKey: batch.sourceKey });
      if (!stored) throw new Error('photo batch vanished after insert');
      return { batch: stored, created };
    },

    getBatch: (id) => one({ id }),

    async batchOfPhoto(photoId) {
      const row = await db.selectFrom('photos').select('batch_id').where('id', '=', photoId).executeTakeFirst();
      return row ? one({ id: row.batch_id }) : null;
    },

    async setStatus(id, from, change) {
      const set =
        change.status === 'in_review'
          ? { status: change.status, consented_at: change.at, caption: change.caption, place: change.place }
          : change.status === 'approved'
            ? { status: change.status, reviewed_at: change.at, reviewed_by: change.by }
            : change.status === 'rejected'
              ? { status: change.status, reviewed_at: change.at, reviewed_by: change.by, reject_reason: change.reason }
              : { status: change.status };
      const result = await db.updateTable('photo_batches').set(set).where('id', '=', id).where('status', '=', from).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async withdraw(photoIds, by, at) {
      if (photoIds.length === 0) return [];
      const rows = await db
        .updateTable('photos')
        .set({ withdrawn_at: at, withdrawn_by: by })
        .where('id', 'in', photoIds)
        .where('withdrawn_at', 'is', null)
        .returning('id')
        .execute();
      return rows.map((r) => r.id);
    },

    async unposted(campaignId, limit) {
      const ids = await db
        .selectFrom('photos as p')
        .innerJoin('photo_batches as b', 'b.id', 'p.batch_id')
        .select('p.id')
        .where('b.campaign_id', '=', campaignId)
        .where('b.status', '=', 'approved')
        .where('b.consented_at', 'is not', null)
        .where('p.withdrawn_at', 'is', null)
        .where('p.posted_at', 'is', null)
        .orderBy('b.id')
        .orderBy('p.position')
        .limit(limit)
        .execute();
      if (ids.length === 0) return [];
      const photoIds = ids.map((r) => r.id);
      const batches = await db
        .selectFrom('photo_batches')
        .selectAll()
        .where('id', 'in', db.selectFrom('photos').select('batch_id').where('id', 'in', photoIds))
        .orderBy('id')
        .execute();
      return withPhotos(batches, photoIds);
    },

    async markPosted(photoIds, albumKey, at) {
      if (photoIds.length === 0) return;
      await db.updateTable('photos').set({ posted_at: at, album_key: albumKey }).where('id', 'in', photoIds).where('posted_at', 'is', null).execute();
    },

    async published(campaignId) {
      const batches = await db
        .selectFrom('photo_batches')
        .selectAll()
        .where('campaign_id', '=', campaignId)
        .where('status', '=', 'approved')
        .where('consented_at', 'is not', null)
        .orderBy('id', 'desc')
        .execute();
      const all = await withPhotos(batches);
      return all.map((b) => ({ ...b, photos: b.photos.filter((p) => p.withdrawnAt === null) })).filter((b) => b.photos.length > 0);
    },

    async byUploader(campaignId, personId) {
      const batches = await db
        .selectFrom('photo_batches')
        .selectAll()
        .where('campaign_id', '=', campaignId)
        .where('uploader_person_id', '=', personId)
        .orderBy('id', 'desc')
        .limit(50)
        .execute();
      return withPhotos(batches);
    },

    async inReview(campaignId) {
      const batches = await db
        .selectFrom('photo_batches')
        .selectAll()
        .where('campaign_id', '=', campaignId)
        .where('status', '=', 'in_review')
        .orderBy('id')
        .limit(20)
        .execute();
      return withPhotos(batches);
    },

    async localeOf(platform, userId) {
      const row = await db
        .selectFrom('identities as i')
        .innerJoin('people as p', 'p.id', 'i.person_id')
        .select(['i.locale as identityLocale', 'p.locale as personLocale'])
        .where('i.platform', '=', platform)
        .where('i.user_id', '=', userId)
        .orderBy('i.updated_at', 'desc')
        .executeTakeFirst();
      return row ? (parseLocale.nullable(row.identityLocale) ?? parseLocale.nullable(row.personLocale)) : null;
    },

    async displayName(personId) {
      const row = await db.selectFrom('people').select('display_name').where('id', '=', personId).executeTakeFirst();
      return row?.display_name ?? null;
    },

    async recordPost(post) {
      await db
        .insertInto('photo_posts')
        .values({
          photo_id: post.photoId,
          platform: post.platform,
          kind: post.kind,
          destination: JSON.stringify(post.destination),
          platform_ref: post.platformRef,
        })
        .execute();
    },

    async posts(photoId) {
      const rows = await db.selectFrom('photo_posts').selectAll().where('photo_id', '=', photoId).where('retracted_at', 'is', null).orderBy('id').execute();
      return rows.map((r): PhotoPost => ({
        id: r.id,
        photoId: r.photo_id,
        platform: parsePlatform(r.platform),
        kind: parsePhotoPostKind(r.kind),
        destination: r.destination,
        platformRef: r.platform_ref,
      }));
    },

    async markRetracted(postIds, at) {
      if (postIds.length === 0) return;
      await db.updateTable('photo_posts').set({ retracted_at: at }).where('id', 'in', postIds).execute();
    },

    async albumPost(photoId) {
      const row = await db
        .selectFrom('photos as p')
        .innerJoin('outbox_messages as m', 'm.dedupe_key', 'p.album_key')
        .select('m.payload')
        .where('p.id', '=', photoId)
        .executeTakeFirst();
      return row ? parseOutgoingMessage(row.payload) : null;
    },
  };
}
