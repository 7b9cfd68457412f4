/**
 * Direct messages about a person's seat: promoted from the waitlist, moved or removed by HR, and
 * the reminders before departure. Each is enqueued in the outbox inside the transaction that made
 * the change, so the message goes out once the change is committed, and only then.
 */
import type { LocaleDeps } from '../ports.js';
import type { OutgoingMessage } from '../messaging/ports.js';
import type { OutboxKind } from '../outbox/outbox.js';
import { t, type Catalogue } from '../shared/i18n/index.js';
import type { TripUnit } from './ports.js';
import type { Signup } from './signup.js';
import { meetingText, roleInSentence, tripDates } from './texts.js';
import type { Trip } from './trip.js';
import { personText } from '../chat/text.js';

export type SeatNews = 'promoted' | 'confirmedByHr' | 'waitlistedByHr' | 'removedByHr';

/** Meeting point and time as one line, or the promise that HR will say. */
function meetingLine(c: Catalogue, trip: Trip): string {
  return meetingText(c, trip) ?? c.volunteers.dm.reminderNoMeeting;
}

export function seatNewsMessage(c: Catalogue, trip: Trip, signup: Signup, news: SeatNews, position: number | null): OutgoingMessage {
  const dm = c.volunteers.dm;
  const role = roleInSentence(c, trip, signup.roleKey);
  const dates = tripDates(c, trip);
  switch (news) {
    case 'promoted':
      return {
        kind: 'message',
        tone: 'ok',
        headline: dm.promotedHeadline,
        lines: [dm.confirmed(personText(trip.name), dates, role), meetingLine(c, trip), dm.cancelHow],
      };
    case 'confirmedByHr':
      return { kind: 'message', tone: 'ok', headline: dm.hrHeadline, lines: [dm.confirmedByHr(personText(trip.name), dates, role), meetingLine(c, trip)] };
    case 'waitlistedByHr':
      return { kind: 'message', tone: 'info', headline: dm.hrHeadline, lines: [dm.waitlistedByHr(personText(trip.name), position ?? 0)] };
    case 'removedByHr':
      return { kind: 'message', tone: 'info', headline: dm.hrHeadline, lines: [dm.removedByHr(personText(trip.name))] };
  }
}

export function reminderMessage(c: Catalogue, trip: Trip, signup: Signup, daysBefore: number): OutgoingMessage {
  const dm = c.volunteers.dm;
  return {
    kind: 'message',
    tone: 'info',
    headline: dm.reminderHeadline(daysBefore),
    lines: [dm.reminder(personText(trip.name), tripDates(c, trip), roleInSentence(c, trip, signup.roleKey)), meetingLine(c, trip), dm.cancelHow],
  };
}

/**
 * Enqueues a direct message to the person behind `signup`, on the platform they signed up from when
 * possible. False when they cannot be reached privately (e.g. no personal chat with the bot on Teams).
 * The key names the sign-up's change, so the same news is never queued twice.
 */
export async function tellPerson(
  deps: LocaleDeps,
  unit: Pick<TripUnit, 'contact' | 'enqueue'>,
  signup: Signup,
  kind: OutboxKind,
  dedupeKey: string,
  build: (c: Catalogue) => OutgoingMessage,
  campaignId: string,
): Promise<boolean> {
  const contact = await unit.contact(signup.personId, signup.source);
  if (!contact) return false;
  const c = t(contact.locale ?? deps.defaultLocale);
  await unit.enqueue({ kind, campaignId, message: build(c), destinations: [contact.destination], dedupeKey, summary: null });
  return true;
}

/** Tells a person what just happened to their seat (key: the sign-up's change counter). */
export async function tellSeatNews(deps: LocaleDeps, unit: TripUnit, signup: Signup, news: SeatNews): Promise<boolean> {
  const position = news === 'waitlistedByHr' ? await unit.position(signup.id) : null;
  const trip = unit.trip;
  return tellPerson(
    deps,
    unit,
    signup,
    'promotion',
    `volunteer:${signup.id}:${signup.changes}`,
    (c) => seatNewsMessage(c, trip, signup, news, position),
    trip.campaignId,
  );
}
