import type { Kysely } from 'kysely';
import { adminStore } from './repositories/admins.js';
import { campaignStore } from './repositories/campaigns.js';
import { peopleStore } from './repositories/people.js';
import { pledgeStore } from './repositories/pledges.js';
import type { Database } from './schema.js';

/** Every store the core uses, over one database. */
export function createStores(db: Kysely<Database>) {
  return {
    people: peopleStore(db),
    admins: adminStore(db),
    campaigns: campaignStore(db),
    pledges: pledgeStore(db),
  };
}
