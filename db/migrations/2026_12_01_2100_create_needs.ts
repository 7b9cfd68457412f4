import { sql, type Kysely } from 'kysely';

/**
 * In-kind needs: the sites of a campaign (villages, schools, associations), what each needs, and the
 * items people pledge and hand in. Counters live on the need row, which every change locks; CHECK
 * constraints refuse a need pledged beyond its quantity or received beyond what was pledged,
 * whatever code writes it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sites')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('campaign_id', 'uuid', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('beneficiaries', 'integer', (c) => c.check(sql`beneficiaries is null or beneficiaries >= 0`))
    .addColumn('contact', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('sites_name_unique', ['campaign_id', 'name_key'])
    .execute();

  await db.schema
    .createTable('needs')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id').onDelete('cascade'))
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('item_label', 'text', (c) => c.notNull())
    .addColumn('size', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
    .addColumn('unit_price_minor', 'bigint', (c) => c.check(sql`unit_price_minor is null or unit_price_minor > 0`))
    .addColumn('pledged', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('received', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('needs_item_unique', ['site_id', 'item_key', 'size'])
    .addCheckConstraint('needs_no_overpledge', sql`pledged >= 0 and pledged <= quantity`)
    .addCheckConstraint('needs_received', sql`received >= 0 and received <= pledged`)
    .execute();

  await db.schema
    .createTable('item_pledges')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('need_id', 'integer', (c) => c.notNull().references('needs.id').onDelete('cascade'))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
    .addColumn('received', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pledged', 'cancelled')`))
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('slack', 'teams')`))
    .addColumn('idempotency_key', 'text', (c) => c.unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('item_pledges_received', sql`received >= 0 and received <= quantity`)
    .addCheckConstraint('item_pledges_cancel', sql`status = 'pledged' or received = 0`)
    .execute();
  await db.schema.createIndex('item_pledges_person_idx').on('item_pledges').columns(['person_id', 'need_id']).execute();
  await db.schema.createIndex('item_pledges_need_idx').on('item_pledges').columns(['need_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['item_pledges', 'needs', 'sites']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
