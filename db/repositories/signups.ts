import { sql, type Kysely } from 'kysely';
import type { Clock } from '../../src/shared/clock.js';
import { phoneHint } from '../../src/volunteers/phone.js';
import type { RosterEntry, SignupStore, VolunteerExportRow } from '../../src/volunteers/ports.js';
import type { Database } from '../schema.js';
import { lockTrip, tripsWhere } from './trips.js';
import { toSignup, tripUnit } from './trip-unit.js';
import { confirmedContacts } from './volunteer-contacts.js';

const ACTIVE = ['confirmed', 'waitlisted'];

/** The name to show for a person: the freshest name a platform gave, else the one first recorded. */
const nameOf = sql<
  string | null
>`coalesce((select i.display_name from identities i where i.person_id = s.person_id and i.display_name is not null order by i.updated_at desc limit 1), (select p.display_name from people p where p.id = s.person_id))`;

/** Active sign-ups of some trips with names and places in line: confirmed first, then the line in order. */
async function activeRows(db: Kysely<Database>, tripIds: number[]) {
  if (tripIds.length === 0) return [];
  const rows = await db
    .selectFrom('signups as s')
    .selectAll('s')
    .select(nameOf.as('display_name'))
    .where('s.trip_id', 'in', tripIds)
    .where('s.status', 'in', ACTIVE)
    .orderBy('s.trip_id')
    .orderBy(sql`s.status = 'waitlisted'`)
    .orderBy(sql`coalesce(s.waitlist_seq, 0)`)
    .orderBy('s.id')
    .execute();
  const line = new Map<number, number>();
  return rows.map((r) => {
    const position = r.status === 'waitlisted' ? (line.get(r.trip_id) ?? 0) + 1 : null;
    if (position !== null) line.set(r.trip_id, position);
    return { row: r, position };
  });
}

export function signupStore(db: Kysely<Database>, clock: Clock): SignupStore {
  return {
    async withTrip(tripId, work) {
      if (!Number.isSafeInteger(tripId) || tripId <= 0 || tripId >= 2 ** 31) return null;
      return db.transaction().execute(async (trx) => {
        const trip = await lockTrip(trx, tripId);
        return trip ? work(tripUnit(trx, trip, clock)) : null;
      });
    },

    async tripOf(signupId) {
      if (!Number.isSafeInteger(signupId) || signupId <= 0) return null;
      const row = await db.selectFrom('signups').select('trip_id').where('id', '=', signupId).executeTakeFirst();
      return row?.trip_id ?? null;
    },

    async displayName(signupId) {
      if (!Number.isSafeInteger(signupId) || signupId <= 0) return null;
      const row = await db.selectFrom('signups as s').select(nameOf.as('name')).where('s.id', '=', signupId).executeTakeFirst();
      return row?.name ?? null;
    },

    async mine(campaignId, personId) {
      const tripRows = await db
        .selectFrom('trips')
        .selectAll()
        .where('campaign_id', '=', campaignId)
        .where('id', 'in', db.selectFrom('signups').select('trip_id').where('person_id', '=', personId).where('status', 'in', ACTIVE))
        .orderBy('starts_on')
        .execute();
      const trips = await tripsWhere(db, tripRows);
      const rows = await activeRows(
        db,
        trips.map((t) => t.id),
      );
      return rows
        .filter(({ row }) => row.person_id === personId)
        .flatMap(({ row, position }) => {
          const trip = trips.find((t) => t.id === row.trip_id);
          return trip ? [{ signup: toSignup(row), trip, position, phoneHint: phoneHint(row.phone) }] : [];
        });
    },

    async roster(tripId) {
      return (await activeRows(db, [tripId])).map(({ row, position }): RosterEntry => ({ signup: toSignup(row), displayName: row.display_name, position }));
    },

    async *exportRows(campaignId, tripId) {
      let q = db.selectFrom('trips').selectAll().where('campaign_id', '=', campaignId);
      if (tripId !== null) q = q.where('id', '=', tripId);
      const trips = await tripsWhere(db, await q.orderBy('starts_on').orderBy('id').execute());
      for (const trip of trips) {
        const rows = await activeRows(db, [trip.id]);
        const people = rows.map((r) => r.row.person_id);
        const ids =
          people.length === 0 ? [] : await db.selectFrom('identities').select(['person_id', 'platform', 'user_id']).where('person_id', 'in', people).execute();
        for (const { row, position } of rows) {
          const identities = ids
            .filter((i) => i.person_id === row.person_id)
            .map((i) => `${i.platform}:${i.user_id}`)
            .join(' ');
          const hasPrivate = row.phone !== null && row.emergency_name !== null && row.emergency_phone !== null;
          const privateData = hasPrivate
            ? { phone: row.phone ?? '', emergencyName: row.emergency_name ?? '', emergencyPhone: row.emergency_phone ?? '', notes: row.notes }
            : null;
          const exported: VolunteerExportRow = { signup: toSignup(row), trip, position, displayName: row.display_name, identities, private: privateData };
          yield exported;
        }
      }
    },

    async counts(campaignId) {
      const row = await db
        .selectFrom('trips')
        .select([
          sql<number>`coalesce(sum(seats), 0)::int`.as('capacity'),
          sql<number>`coalesce(sum(confirmed), 0)::int`.as('confirmed'),
          sql<number>`coalesce(sum(waitlisted), 0)::int`.as('waitlisted'),
        ])
        .where('campaign_id', '=', campaignId)
        .executeTakeFirstOrThrow();
      return { capacity: row.capacity, confirmed: row.confirmed, waitlisted: row.waitlisted };
    },

    confirmedContacts: (campaignId) => confirmedContacts(db, campaignId),
  };
}
