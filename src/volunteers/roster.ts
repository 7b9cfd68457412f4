/**
 * HR's roster of a trip, by role: who is confirmed, then the waitlist in order. Names and sign-up
 * numbers only: phones, emergency contacts and notes stay in the private CSV export.
 */
import { message, type MessageReply } from '../chat/reply.js';
import type { Catalogue } from '../shared/i18n/index.js';
import type { RosterEntry } from './ports.js';
import { roleName, tripDates } from './texts.js';
import { openSeats, type Trip } from './trip.js';
import { personText } from '../chat/text.js';

export function rosterReply(c: Catalogue, trip: Trip, entries: readonly RosterEntry[]): MessageReply {
  const h = c.volunteers.hr;
  const name = (e: RosterEntry) => e.displayName ?? h.unnamed;
  const confirmed = entries.filter((e) => e.signup.status === 'confirmed');
  const pools: Array<{ key: string | null; label: string; seats: number }> = [
    ...trip.roles.map((r) => ({ key: r.key as string | null, label: r.name, seats: r.seats })),
    ...(openSeats(trip) > 0 || confirmed.some((e) => e.signup.roleKey === null) ? [{ key: null, label: c.volunteers.anywhere, seats: openSeats(trip) }] : []),
  ];
  const lines: string[] = [];
  for (const pool of pools) {
    const people = confirmed.filter((e) => e.signup.roleKey === pool.key);
    lines.push(
      h.roleLine(
        pool.label,
        people.length,
        pool.seats,
        people.length === 0 ? h.nobody : people.map((e) => h.entry(e.signup.id, personText(name(e)))).join(', '),
      ),
    );
  }
  const waiting = entries.filter((e) => e.signup.status === 'waitlisted');
  lines.push('', h.waitlistTitle(waiting.length));
  for (const e of waiting) lines.push(h.waitEntry(e.position ?? 0, e.signup.id, personText(name(e)), roleName(c, trip, e.signup.roleKey)));
  return message('info', lines, h.rosterTitle(personText(trip.name), tripDates(c, trip)));
}
