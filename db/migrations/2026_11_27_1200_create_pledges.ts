import { sql, type Kysely } from 'kysely';

/** People and their platform identities, HR admins, campaigns with running totals, pledges, event dedupe. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('people')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('display_name', 'text')
    .addColumn('locale', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('identities')
    .addColumn('platform', 'text', (c) => c.notNull().check(sql`platform in ('slack', 'teams')`))
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('display_name', 'text')
    .addColumn('locale', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('identities_pk', ['platform', 'tenant_id', 'user_id'])
    .execute();
  await db.schema.createIndex('identities_person_idx').on('identities').column('person_id').execute();
  await db.schema
    .createTable('admins')
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('added_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('admins_pk', ['platform', 'user_id'])
    .execute();
  await db.schema
    .createTable('campaigns')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull().defaultTo('MAD'))
    .addColumn('goal_minor', 'bigint', (c) => c.notNull().check(sql`goal_minor > 0`))
    .addColumn('starts_on', 'date', (c) => c.notNull())
    .addColumn('ends_on', 'date', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('campaigns_window', sql`ends_on >= starts_on`)
    .execute();
  await db.schema.createIndex('campaigns_window_idx').on('campaigns').columns(['starts_on', 'ends_on']).execute();
  // Running totals, split over a few shard rows per campaign so that concurrent pledges do not queue
  // on one hot row; reading the totals sums a fixed handful of rows, never the pledges.
  await db.schema
    .createTable('campaign_totals')
    .addColumn('campaign_id', 'uuid', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('shard', 'smallint', (c) => c.notNull())
    .addColumn('pledged_minor', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('collected_minor', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('donors', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pledges', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('campaign_totals_pk', ['campaign_id', 'shard'])
    .execute();
  await db.schema
    .createTable('campaign_donors')
    .addColumn('campaign_id', 'uuid', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('active_pledges', 'integer', (c) => c.notNull().check(sql`active_pledges >= 0`))
    .addPrimaryKeyConstraint('campaign_donors_pk', ['campaign_id', 'person_id'])
    .execute();
  await db.schema
    .createTable('pledges')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('campaign_id', 'uuid', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('amount_minor', 'bigint', (c) => c.notNull().check(sql`amount_minor > 0`))
    .addColumn('anonymous', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('note', 'text')
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('pledged')
        .check(sql`status in ('pledged', 'collected', 'cancelled')`),
    )
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('cancelled_at', 'timestamptz')
    .addColumn('collected_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('pledges_person_idx').on('pledges').columns(['campaign_id', 'person_id', 'id']).execute();
  await db.schema
    .createTable('slack_events')
    .addColumn('event_id', 'text', (c) => c.primaryKey())
    .addColumn('seen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['slack_events', 'pledges', 'campaign_donors', 'campaign_totals', 'campaigns', 'admins', 'identities', 'people']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
