import type { Kysely, Selectable, Transaction } from 'kysely';
import type { TripStore } from '../../src/volunteers/ports.js';
import { roleKey, type Trip, type TripInput } from '../../src/volunteers/trip.js';
import type { Database, TripRolesTable, TripsTable } from '../schema.js';

export function toTrip(row: Selectable<TripsTable>, roles: ReadonlyArray<Selectable<TripRolesTable>>): Trip {
  return {
    id: row.id,
    campaignId: row.campaign_id,
    name: row.name,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    seats: row.seats,
    roles: roles
      .filter((r) => r.trip_id === row.id)
      .sort((a, b) => a.position - b.position)
      .map((r) => ({ key: r.key, name: r.name, seats: r.seats, confirmed: r.confirmed })),
    meetingPoint: row.meeting_point,
    meetingTime: row.meeting_time,
    deadline: row.deadline,
    confirmed: row.confirmed,
    openConfirmed: row.open_confirmed,
    waitlisted: row.waitlisted,
    purgedAt: row.purged_at,
  };
}

/** Trips with their roles, two queries whatever the number of trips. */
export async function tripsWhere(db: Kysely<Database>, rows: Array<Selectable<TripsTable>>): Promise<Trip[]> {
  if (rows.length === 0) return [];
  const roles = await db
    .selectFrom('trip_roles')
    .selectAll()
    .where(
      'trip_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  return rows.map((r) => toTrip(r, roles));
}

/** Reads a trip inside the transaction that already holds its lock (or that does not need one). */
export async function readTrip(db: Kysely<Database>, id: number): Promise<Trip | null> {
  const row = await db.selectFrom('trips').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? ((await tripsWhere(db, [row]))[0] ?? null) : null;
}

/**
 * Locks the trip row (`SELECT … FOR UPDATE`) until the transaction ends: every other sign-up,
 * withdrawal or move on this trip waits here, so seat counts are read and written one at a time.
 */
export async function lockTrip(trx: Transaction<Database>, id: number): Promise<Trip | null> {
  const row = await trx.selectFrom('trips').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  return row ? ((await tripsWhere(trx, [row]))[0] ?? null) : null;
}

const roleRows = (tripId: number, input: TripInput) =>
  input.roles.map((r, i) => ({ trip_id: tripId, key: roleKey(r.name), name: r.name, seats: r.seats, position: i }));

const reserved = (input: TripInput) => input.roles.reduce((sum, r) => sum + r.seats, 0);

/** Writes a locked trip's new details and roles. Roles left out are deleted (the caller checked nobody holds them). */
export async function writeTrip(trx: Transaction<Database>, tripId: number, input: TripInput): Promise<void> {
  const keys = input.roles.map((r) => roleKey(r.name));
  let gone = trx.deleteFrom('trip_roles').where('trip_id', '=', tripId);
  if (keys.length > 0) gone = gone.where('key', 'not in', keys);
  await gone.execute();
  await trx
    .updateTable('trips')
    .set({
      name: input.name,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      seats: input.seats,
      reserved_seats: reserved(input),
      meeting_point: input.meetingPoint,
      meeting_time: input.meetingTime,
      deadline: input.deadline,
      updated_at: new Date(),
    })
    .where('id', '=', tripId)
    .execute();
  if (keys.length === 0) return;
  await trx
    .insertInto('trip_roles')
    .values(roleRows(tripId, input))
    .onConflict((oc) =>
      oc.columns(['trip_id', 'key']).doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        seats: eb.ref('excluded.seats'),
        position: eb.ref('excluded.position'),
      })),
    )
    .execute();
}

export function tripStore(db: Kysely<Database>): TripStore {
  return {
    async create(campaignId, input, createdBy) {
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('trips')
          .values({
            campaign_id: campaignId,
            name: input.name,
            starts_on: input.startsOn,
            ends_on: input.endsOn,
            seats: input.seats,
            reserved_seats: reserved(input),
            meeting_point: input.meetingPoint,
            meeting_time: input.meetingTime,
            deadline: input.deadline,
            created_by: createdBy,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        if (input.roles.length > 0) await trx.insertInto('trip_roles').values(roleRows(row.id, input)).execute();
        const trip = await readTrip(trx, row.id);
        if (!trip) throw new Error('trip vanished inside its own transaction');
        return trip;
      });
    },

    get: (id) => (Number.isSafeInteger(id) && id > 0 && id < 2 ** 31 ? readTrip(db, id) : Promise.resolve(null)),

    async list(campaignId) {
      const rows = await db.selectFrom('trips').selectAll().where('campaign_id', '=', campaignId).orderBy('starts_on').orderBy('id').execute();
      return tripsWhere(db, rows);
    },
  };
}
