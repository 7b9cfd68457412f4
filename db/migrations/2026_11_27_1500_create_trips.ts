import { sql, type Kysely } from 'kysely';

/**
 * Caravan trips with their roles, volunteers' sign-ups and reminder claims. Seat counters live on the
 * trip and role rows, which every change locks; CHECK constraints refuse any state with more
 * confirmed people than seats, whatever code writes it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('trips')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('campaign_id', 'uuid', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'date', (c) => c.notNull())
    .addColumn('ends_on', 'date', (c) => c.notNull())
    .addColumn('seats', 'integer', (c) => c.notNull().check(sql`seats > 0`))
    .addColumn('reserved_seats', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('confirmed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('open_confirmed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('waitlisted', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`waitlisted >= 0`),
    )
    .addColumn('meeting_point', 'text')
    .addColumn('meeting_time', 'text')
    .addColumn('deadline', 'date')
    .addColumn('purged_at', 'timestamptz')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('trips_window', sql`ends_on >= starts_on`)
    .addCheckConstraint('trips_reserved', sql`reserved_seats >= 0 and reserved_seats <= seats`)
    .addCheckConstraint('trips_no_overbooking', sql`confirmed >= 0 and confirmed <= seats`)
    .addCheckConstraint('trips_open_pool', sql`open_confirmed >= 0 and open_confirmed <= seats - reserved_seats`)
    .execute();
  await db.schema.createIndex('trips_campaign_idx').on('trips').columns(['campaign_id', 'starts_on']).execute();

  await db.schema
    .createTable('trip_roles')
    .addColumn('trip_id', 'integer', (c) => c.notNull().references('trips.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('seats', 'integer', (c) => c.notNull().check(sql`seats > 0`))
    .addColumn('confirmed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('trip_roles_pk', ['trip_id', 'key'])
    .addCheckConstraint('trip_roles_no_overbooking', sql`confirmed >= 0 and confirmed <= seats`)
    .execute();

  await db.schema
    .createTable('signups')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('trip_id', 'integer', (c) => c.notNull().references('trips.id').onDelete('cascade'))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('role_key', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('confirmed', 'waitlisted', 'withdrawn', 'removed')`))
    .addColumn('waitlist_seq', 'bigint')
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('slack', 'teams')`))
    .addColumn('idempotency_key', 'text', (c) => c.unique())
    .addColumn('phone', 'text')
    .addColumn('emergency_name', 'text')
    .addColumn('emergency_phone', 'text')
    .addColumn('notes', 'text')
    .addColumn('rules_accepted_at', 'timestamptz', (c) => c.notNull())
    .addColumn('changes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('signups_waitlist_seq', sql`(status = 'waitlisted') = (waitlist_seq is not null)`)
    .execute();
  // One active sign-up per person per trip; withdrawn and removed ones stay as history.
  await db.schema
    .createIndex('signups_one_active_idx')
    .on('signups')
    .columns(['trip_id', 'person_id'])
    .unique()
    .where(sql<boolean>`status in ('confirmed', 'waitlisted')`)
    .execute();
  // Two people can never share a place in line.
  await db.schema
    .createIndex('signups_waitlist_idx')
    .on('signups')
    .columns(['trip_id', 'waitlist_seq'])
    .unique()
    .where(sql<boolean>`status = 'waitlisted'`)
    .execute();
  await db.schema.createIndex('signups_person_idx').on('signups').columns(['person_id', 'trip_id']).execute();

  await db.schema
    .createTable('volunteer_reminders')
    .addColumn('signup_id', 'bigint', (c) => c.notNull().references('signups.id').onDelete('cascade'))
    .addColumn('days_before', 'integer', (c) => c.notNull())
    .addColumn('claimed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('volunteer_reminders_pk', ['signup_id', 'days_before'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['volunteer_reminders', 'signups', 'trip_roles', 'trips']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
