import { sql, type Selectable, type Transaction } from 'kysely';
import type { Clock } from '../../src/shared/clock.js';
import type { TripUnit } from '../../src/volunteers/ports.js';
import type { Signup, SignupStatus } from '../../src/volunteers/signup.js';
import type { Trip } from '../../src/volunteers/trip.js';
import { parsePlatform, parseSignupStatus } from '../row-enums.js';
import type { Database, SignupsTable } from '../schema.js';
import { outboxStore } from './outbox.js';
import { readTrip, writeTrip } from './trips.js';
import { contactOf } from './volunteer-contacts.js';

export const toSignup = (r: Selectable<SignupsTable>): Signup => ({
  id: r.id,
  tripId: r.trip_id,
  personId: r.person_id,
  roleKey: r.role_key,
  status: parseSignupStatus(r.status),
  source: parsePlatform(r.source),
  idempotencyKey: r.idempotency_key,
  changes: r.changes,
  createdAt: r.created_at,
});

/**
 * Moves the trip's and the role's counters for one sign-up going from `from` to `to`. The CHECK
 * constraints on these counters make the database itself refuse an overbooked trip.
 */
async function moveCounters(trx: Transaction<Database>, tripId: number, roleKey: string | null, from: SignupStatus | null, to: SignupStatus) {
  const confirmed = (to === 'confirmed' ? 1 : 0) - (from === 'confirmed' ? 1 : 0);
  const waitlisted = (to === 'waitlisted' ? 1 : 0) - (from === 'waitlisted' ? 1 : 0);
  if (confirmed === 0 && waitlisted === 0) return;
  await trx
    .updateTable('trips')
    .set({
      confirmed: sql<number>`confirmed + ${confirmed}`,
      open_confirmed: sql<number>`open_confirmed + ${roleKey === null ? confirmed : 0}`,
      waitlisted: sql<number>`waitlisted + ${waitlisted}`,
    })
    .where('id', '=', tripId)
    .execute();
  if (roleKey !== null && confirmed !== 0) {
    await trx
      .updateTable('trip_roles')
      .set({ confirmed: sql<number>`confirmed + ${confirmed}` })
      .where('trip_id', '=', tripId)
      .where('key', '=', roleKey)
      .execute();
  }
}

/** The next place at the end of the trip's line (safe: the trip row is locked). */
async function nextSeq(trx: Transaction<Database>, tripId: number): Promise<number> {
  const row = await trx
    .selectFrom('signups')
    .select(sql<number>`coalesce(max(waitlist_seq), 0) + 1`.as('next'))
    .where('trip_id', '=', tripId)
    .executeTakeFirstOrThrow();
  return Number(row.next);
}

/** The TripUnit over a transaction that already holds the trip's lock (see lockTrip). */
export function tripUnit(trx: Transaction<Database>, locked: Trip, clock: Clock): TripUnit {
  let trip = locked;
  const refresh = async () => {
    trip = (await readTrip(trx, trip.id)) ?? trip;
  };
  const byId = (id: number) => trx.selectFrom('signups').selectAll().where('id', '=', id).where('trip_id', '=', trip.id);
  return {
    get trip() {
      return trip;
    },
    async activeFor(personId) {
      const row = await trx
        .selectFrom('signups')
        .selectAll()
        .where('trip_id', '=', trip.id)
        .where('person_id', '=', personId)
        .where('status', 'in', ['confirmed', 'waitlisted'])
        .executeTakeFirst();
      return row ? toSignup(row) : null;
    },
    async get(id) {
      const row = Number.isSafeInteger(id) ? await byId(id).executeTakeFirst() : undefined;
      return row ? toSignup(row) : null;
    },
    async insert(input, status) {
      const now = clock.now();
      const row = await trx
        .insertInto('signups')
        .values({
          trip_id: trip.id,
          person_id: input.personId,
          role_key: input.roleKey,
          status,
          waitlist_seq: status === 'waitlisted' ? await nextSeq(trx, trip.id) : null,
          source: input.source,
          idempotency_key: input.idempotencyKey,
          phone: input.phone,
          emergency_name: input.emergencyName,
          emergency_phone: input.emergencyPhone,
          notes: input.notes,
          rules_accepted_at: now,
        })
        .onConflict((oc) => oc.column('idempotency_key').doNothing())
        .returningAll()
        .executeTakeFirst();
      if (!row) {
        const earlier = await trx.selectFrom('signups').selectAll().where('idempotency_key', '=', input.idempotencyKey).executeTakeFirstOrThrow();
        return { signup: toSignup(earlier), duplicate: true };
      }
      await moveCounters(trx, trip.id, row.role_key, null, status);
      await refresh();
      return { signup: toSignup(row), duplicate: false };
    },
    async setStatus(id, status) {
      const current = await byId(id).executeTakeFirstOrThrow();
      const seq = status === 'waitlisted' ? await nextSeq(trx, trip.id) : null;
      const row = await trx
        .updateTable('signups')
        .set({ status, waitlist_seq: seq, changes: sql<number>`changes + 1`, updated_at: clock.now() })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await moveCounters(trx, trip.id, row.role_key, toSignup(current).status, status);
      await refresh();
      return toSignup(row);
    },
    async waitlist() {
      const rows = await trx
        .selectFrom('signups')
        .selectAll()
        .where('trip_id', '=', trip.id)
        .where('status', '=', 'waitlisted')
        .orderBy('waitlist_seq')
        .execute();
      return rows.map(toSignup);
    },
    async position(id) {
      const row = await byId(id).select('waitlist_seq').executeTakeFirst();
      if (!row || row.status !== 'waitlisted' || row.waitlist_seq === null) return null;
      const ahead = await trx
        .selectFrom('signups')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('trip_id', '=', trip.id)
        .where('status', '=', 'waitlisted')
        .where('waitlist_seq', '<=', row.waitlist_seq)
        .executeTakeFirstOrThrow();
      return ahead.n;
    },
    async update(input) {
      await writeTrip(trx, trip.id, input);
      await refresh();
    },
    contact: (personId, prefer) => contactOf(trx, personId, prefer),
    async enqueue(request) {
      await outboxStore(trx, clock).enqueue(request);
    },
  };
}
