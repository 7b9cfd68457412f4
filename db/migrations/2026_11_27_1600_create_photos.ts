import { sql, type Kysely } from 'kysely';

/**
 * Photos after the event: batches (one upload, its consent and HR's review), the cleaned photos of
 * each batch (files live in the photo storage, only their keys here), and every copy the bot put on
 * a platform (so a withdrawal can delete it there too).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('photo_batches')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('campaign_id', 'uuid', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('uploader_person_id', 'uuid', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('uploader_platform', 'text', (c) => c.notNull().check(sql`uploader_platform in ('slack', 'teams')`))
    .addColumn('uploader_tenant_id', 'text', (c) => c.notNull())
    .addColumn('uploader_user_id', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('source_key', 'text', (c) => c.notNull().unique())
    .addColumn('caption', 'text')
    .addColumn('place', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('awaiting_consent', 'in_review', 'approved', 'rejected', 'discarded')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('consented_at', 'timestamptz')
    .addColumn('reviewed_at', 'timestamptz')
    .addColumn('reviewed_by', 'text')
    .addColumn('reject_reason', 'text')
    .execute();
  await db.schema.createIndex('photo_batches_status_idx').on('photo_batches').columns(['campaign_id', 'status']).execute();
  await db.schema.createIndex('photo_batches_uploader_idx').on('photo_batches').column('uploader_person_id').execute();
  await db.schema
    .createTable('photos')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('batch_id', 'bigint', (c) => c.notNull().references('photo_batches.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('web_key', 'text', (c) => c.notNull())
    .addColumn('thumb_key', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('web_bytes', 'integer', (c) => c.notNull())
    .addColumn('thumb_bytes', 'integer', (c) => c.notNull())
    .addColumn('withdrawn_at', 'timestamptz')
    .addColumn('withdrawn_by', 'text')
    .addColumn('posted_at', 'timestamptz')
    .addColumn('album_key', 'text')
    .addUniqueConstraint('photos_batch_position', ['batch_id', 'position'])
    .execute();
  await db.schema
    .createTable('photo_posts')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('photo_id', 'bigint', (c) => c.notNull().references('photos.id').onDelete('cascade'))
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('file', 'message')`))
    .addColumn('destination', 'jsonb', (c) => c.notNull())
    .addColumn('platform_ref', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('retracted_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('photo_posts_photo_idx').on('photo_posts').column('photo_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('photo_posts').ifExists().execute();
  await db.schema.dropTable('photos').ifExists().execute();
  await db.schema.dropTable('photo_batches').ifExists().execute();
}
