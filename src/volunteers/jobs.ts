/**
 * The volunteers' scheduled jobs. They take the time to act for explicitly: node-cron fires them
 * with the clock's time, tests with the time they choose. Safe to run on every instance at once:
 * each reminder is claimed in Postgres before it is queued.
 */
import type { VolunteerFeatureDeps } from './ports.js';
import { addDays, localDay } from '../shared/clock.js';
import { reminderMessage, tellPerson } from './notify.js';

/** Reminders go out from 09:00 campaign time on their day. */
export const REMINDER_HOUR = 9;

function localHour(at: Date, timeZone: string): number {
  const hour = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone }).format(at);
  return Number(hour);
}

/**
 * Queues the day's reminders: for each configured offset N, every confirmed volunteer of a trip
 * leaving N days after `now`'s day gets one direct message with the trip, their role and the
 * meeting point and time. Before 09:00 nothing is due yet. A late run (after a restart) the same
 * day still sends; a reminder already claimed by any instance is never sent again.
 */
export async function sendTripReminders(deps: VolunteerFeatureDeps, now: Date): Promise<{ queued: number; alreadyClaimed: number; unreachable: number }> {
  const counts = { queued: 0, alreadyClaimed: 0, unreachable: 0 };
  if (localHour(now, deps.timeZone) < REMINDER_HOUR) return counts;
  const day = localDay(now, deps.timeZone);
  for (const daysBefore of new Set(deps.volunteers.reminderDays)) {
    for (const { signup, trip } of await deps.volunteers.reminders.confirmedLeavingOn(addDays(day, daysBefore))) {
      let reached = true;
      const claimed = await deps.volunteers.reminders.claim(signup.id, daysBefore, async (unit) => {
        reached = await tellPerson(
          deps,
          unit,
          signup,
          'reminder',
          `reminder:${signup.id}:${daysBefore}`,
          (c) => reminderMessage(c, trip, signup, daysBefore),
          trip.campaignId,
        );
      });
      if (!claimed) counts.alreadyClaimed += 1;
      else if (reached) counts.queued += 1;
      else counts.unreachable += 1;
    }
  }
  return counts;
}

/**
 * Deletes phone numbers, emergency contacts and notes of trips that ended at least the retention
 * period before `now`'s day. Sign-ups, their states and so every count stay.
 */
export async function purgeVolunteerData(deps: VolunteerFeatureDeps, now: Date): Promise<{ trips: number }> {
  const cutoff = addDays(localDay(now, deps.timeZone), -deps.volunteers.retentionDays);
  return { trips: await deps.volunteers.reminders.purgeEndedBy(cutoff) };
}
