import type { Kysely } from 'kysely';
import type { Clock } from '../../src/shared/clock.js';
import type { ReminderStore } from '../../src/volunteers/ports.js';
import type { Database } from '../schema.js';
import { outboxStore } from './outbox.js';
import { tripsWhere } from './trips.js';
import { toSignup } from './trip-unit.js';
import { contactOf } from './volunteer-contacts.js';

export function reminderStore(db: Kysely<Database>, clock: Clock): ReminderStore {
  return {
    async confirmedLeavingOn(day) {
      const trips = await tripsWhere(db, await db.selectFrom('trips').selectAll().where('starts_on', '=', day).execute());
      if (trips.length === 0) return [];
      const rows = await db
        .selectFrom('signups')
        .selectAll()
        .where(
          'trip_id',
          'in',
          trips.map((t) => t.id),
        )
        .where('status', '=', 'confirmed')
        .orderBy('id')
        .execute();
      return rows.flatMap((r) => {
        const trip = trips.find((t) => t.id === r.trip_id);
        return trip ? [{ signup: toSignup(r), trip }] : [];
      });
    },

    /**
     * `insert … on conflict do nothing returning`: of every instance trying the same reminder, exactly
     * one gets the row back and queues the message, in the same transaction as its claim.
     */
    async claim(signupId, daysBefore, send) {
      return db.transaction().execute(async (trx) => {
        const still = await trx.selectFrom('signups').select('id').where('id', '=', signupId).where('status', '=', 'confirmed').executeTakeFirst();
        if (!still) return false;
        const claimed = await trx
          .insertInto('volunteer_reminders')
          .values({ signup_id: signupId, days_before: daysBefore, claimed_at: clock.now() })
          .onConflict((oc) => oc.columns(['signup_id', 'days_before']).doNothing())
          .returning('signup_id')
          .executeTakeFirst();
        if (!claimed) return false;
        await send({
          contact: (personId, prefer) => contactOf(trx, personId, prefer),
          enqueue: async (request) => {
            await outboxStore(trx, clock).enqueue(request);
          },
        });
        return true;
      });
    },

    async purgeEndedBy(day) {
      return db.transaction().execute(async (trx) => {
        const trips = await trx
          .updateTable('trips')
          .set({ purged_at: clock.now() })
          .where('ends_on', '<=', day)
          .where('purged_at', 'is', null)
          .returning('id')
          .execute();
        if (trips.length === 0) return 0;
        await trx
          .updateTable('signups')
          .set({ phone: null, emergency_name: null, emergency_phone: null, notes: null })
          .where(
            'trip_id',
            'in',
            trips.map((t) => t.id),
          )
          .execute();
        return trips.length;
      });
    },
  };
}
