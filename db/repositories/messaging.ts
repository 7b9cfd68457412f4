import type { Kysely } from 'kysely';
import type { MessagingDeps, MessagingStores } from '../../src/messaging/deps.js';
import type { Clock } from '../../src/shared/clock.js';
import type { Database } from '../schema.js';
import { channelStore } from './channels.js';
import { digestStore } from './digests.js';
import { milestoneStore } from './milestones.js';
import { outboxStore } from './outbox.js';

/** The messaging stores over a database or a transaction (a Transaction is a Kysely too). */
export function messagingStores(db: Kysely<Database>, clock: Clock): MessagingStores {
  return {
    channels: channelStore(db),
    outbox: outboxStore(db, clock),
    milestones: milestoneStore(db),
    digests: digestStore(db),
  };
}

/** Campaign messaging over `db`, with what the volunteers and needs features add to the digest and announcements. */
export function messagingDeps(db: Kysely<Database>, clock: Clock, directories: Pick<MessagingDeps, 'volunteers' | 'needs'>): MessagingDeps {
  return {
    ...messagingStores(db, clock),
    ...directories,
    transaction: (work) => db.transaction().execute((trx) => work(messagingStores(trx, clock))),
  };
}
