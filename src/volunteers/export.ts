/**
 * The volunteers CSV for HR: one line per active sign-up, with the personal data HR needs on the
 * day (phone, emergency contact, notes) until the retention job deletes it. Handed only to HR: the
 * CLI, a file in HR's direct messages, or a short-lived signed link.
 */
import { csvRow } from '../shared/csv.js';
import type { SignupStore } from './ports.js';

export const VOLUNTEER_CSV_HEADER = [
  'signup', 'trip', 'trip_name', 'starts_on', 'ends_on', 'role', 'status', 'waitlist_position', 'name', 'identities',
  'phone', 'emergency_contact', 'emergency_phone', 'notes', 'signed_up_at',
];

/** The campaign's sign-ups (or one trip's), header first, trip by trip. */
export async function* volunteersCsv(signups: SignupStore, campaignId: string, tripId: number | null, timeZone: string): AsyncIterable<string> {
  yield csvRow(VOLUNTEER_CSV_HEADER);
  const stamp = new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'medium' });
  for await (const row of signups.exportRows(campaignId, tripId)) {
    const { signup, trip } = row;
    const role = signup.roleKey === null ? 'anywhere' : (trip.roles.find((r) => r.key === signup.roleKey)?.name ?? signup.roleKey);
    yield csvRow([
      signup.id,
      trip.id,
      trip.name,
      trip.startsOn,
      trip.endsOn,
      role,
      signup.status,
      row.position,
      row.displayName,
      row.identities,
      row.private?.phone,
      row.private?.emergencyName,
      row.private?.emergencyPhone,
      row.private?.notes,
      stamp.format(signup.createdAt),
    ]);
  }
}

/** The whole CSV as one string (small: a few hundred lines), for a file upload. */
export async function volunteersCsvText(signups: SignupStore, campaignId: string, tripId: number | null, timeZone: string): Promise<string> {
  let text = '';
  for await (const line of volunteersCsv(signups, campaignId, tripId, timeZone)) text += line;
  return text;
}
