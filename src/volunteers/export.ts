/**
 * The volunteers CSV for HR: one line per active sign-up, with the personal data HR needs on the
 * day (phone, emergency contact, notes) until the retention job deletes it. Handed only to HR: the
 * CLI, a file in HR's direct messages, or a short-lived signed link.
 */
import type { Campaign } from '../campaigns/campaign.js';
import { csvRow } from '../shared/csv.js';
import type { Locale } from '../shared/money.js';
import { type Coded, type Result, err, ok } from '../shared/result.js';
import type { SignupStore, VolunteerFeatureDeps } from './ports.js';
import { volunteerCampaign } from './signups.service.js';

export const VOLUNTEER_CSV_HEADER = [
  'signup',
  'trip',
  'trip_name',
  'starts_on',
  'ends_on',
  'role',
  'status',
  'waitlist_position',
  'name',
  'identities',
  'phone',
  'emergency_contact',
  'emergency_phone',
  'notes',
  'signed_up_at',
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

/** The file's name as HR gets it, in their language: `benevoles.csv`, `volunteers-3.csv`. */
export const volunteersFileName = (locale: Locale, tripId: number | null) =>
  `${locale === 'fr' ? 'benevoles' : 'volunteers'}${tripId === null ? '' : `-${tripId}`}.csv`;

export type VolunteersExportError = Coded<'campaign.none' | 'trip.not_found'>;

/**
 * HR's volunteers export, from chat or the dashboard: the volunteer campaign's sign-ups, or one of its
 * trips' (`tripId`). The lines are made as they are read. Errors: `campaign.none`, `trip.not_found`.
 */
export async function volunteersExport(
  deps: VolunteerFeatureDeps,
  tripId: number | null,
): Promise<Result<{ campaign: Campaign; lines: AsyncIterable<string> }, VolunteersExportError>> {
  const campaign = await volunteerCampaign(deps);
  if (!campaign) return err({ code: 'campaign.none' });
  if (tripId !== null) {
    const trip = await deps.volunteers.trips.get(tripId);
    if (!trip || trip.campaignId !== campaign.id) return err({ code: 'trip.not_found' });
  }
  return ok({ campaign, lines: volunteersCsv(deps.volunteers.signups, campaign.id, tripId, deps.timeZone) });
}
