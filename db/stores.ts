import type { Kysely } from 'kysely';
import { adminStore } from './repositories/admins.js';
import { campaignStore } from './repositories/campaigns.js';
import { KnownPeople, peopleStore } from './repositories/people.js';
import { pledgeStore } from './repositories/pledges.js';
import type { Database } from './schema.js';

/** Every store the core uses, over one database. */
export function createStores(db: Kysely<Database>) {
  // The people a first pledge creates are known to the people store at once, and the other way round.
  const known = new KnownPeople();
  return {
    people: peopleStore(db, known),
    admins: adminStore(db),
    campaigns: campaignStore(db),
    pledges: pledgeStore(db, known),
  };
}
