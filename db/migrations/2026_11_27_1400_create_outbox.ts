import { sql, type Kysely } from 'kysely';

/**
 * Campaign channels, the durable outbox (one row per message, one row per target), lanes (pacing and
 * what is due per destination, shared by every bot instance), digest runs with the totals they
 * showed, and milestones (HR-added amounts, and one claim row per milestone reached).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('campaign_channels')
    .addColumn('destination_key', 'text', (c) => c.primaryKey())
    .addColumn('platform', 'text', (c) => c.notNull().check(sql`platform in ('slack', 'teams')`))
    .addColumn('destination', 'jsonb', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('channel', 'group')`))
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('added_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('outbox_messages')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('campaign_id', 'uuid', (c) => c.references('campaigns.id').onDelete('set null'))
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('not_before', 'timestamptz', (c) => c.notNull())
    .addColumn('target_count', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('outbox_messages_recent_idx').on('outbox_messages').columns(['kind', 'created_at']).execute();

  await db.schema
    .createTable('outbox_targets')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('message_id', 'uuid', (c) => c.notNull().references('outbox_messages.id').onDelete('cascade'))
    .addColumn('destination_key', 'text', (c) => c.notNull())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('destination', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('pending')
        .check(sql`status in ('pending', 'sending', 'sent', 'failed')`),
    )
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('throttles', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('possible_duplicates', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_at', 'timestamptz')
    .addColumn('sent_at', 'timestamptz')
    .addColumn('platform_message_id', 'text')
    .addUniqueConstraint('outbox_targets_once', ['message_id', 'destination_key'])
    .execute();
  // Workers look for due work per destination; finished rows drop out of both indexes.
  await db.schema
    .createIndex('outbox_targets_due_idx')
    .on('outbox_targets')
    .columns(['platform', 'next_attempt_at'])
    .where(sql.ref('status'), 'in', ['pending', 'sending'])
    .execute();
  await db.schema
    .createIndex('outbox_targets_lane_idx')
    .on('outbox_targets')
    .columns(['destination_key', 'next_attempt_at', 'id'])
    .where(sql.ref('status'), 'in', ['pending', 'sending'])
    .execute();

  // One row per destination (a lane) and per shared budget (a Teams tenant): the next time a send may
  // leave, and when the oldest target nobody holds is due (null: nothing to do there).
  await db.schema
    .createTable('outbox_lanes')
    .addColumn('lane_key', 'text', (c) => c.primaryKey())
    .addColumn('platform', 'text')
    .addColumn('next_at', 'timestamptz', (c) => c.notNull())
    .addColumn('due_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('outbox_lanes_due_idx').on('outbox_lanes').columns(['due_at']).where(sql.ref('due_at'), 'is not', null).execute();

  await db.schema
    .createTable('digest_runs')
    .addColumn('campaign_id', 'uuid', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('day', 'date', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('daily', 'closing')`))
    .addColumn('totals', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('digest_runs_pk', ['campaign_id', 'day'])
    .execute();

  await db.schema
    .createTable('campaign_milestones')
    .addColumn('campaign_id', 'uuid', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('amount_minor', 'bigint', (c) => c.notNull().check(sql`amount_minor > 0`))
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('added_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('campaign_milestones_pk', ['campaign_id', 'amount_minor'])
    .execute();

  await db.schema
    .createTable('milestone_claims')
    .addColumn('campaign_id', 'uuid', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('milestone_key', 'text', (c) => c.notNull())
    .addColumn('reached_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('milestone_claims_pk', ['campaign_id', 'milestone_key'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['milestone_claims', 'campaign_milestones', 'digest_runs', 'outbox_lanes', 'outbox_targets', 'outbox_messages', 'campaign_channels']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
