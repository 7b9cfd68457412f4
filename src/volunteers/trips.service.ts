/**
 * Trip use cases for HR and operators: create a trip in the campaign, change it (never below the
 * people already confirmed), list trips, and the seat counts shown on progress and the public API.
 */
import { operatorLabel, type HrOperator } from '../chat/actor.js';
import { type Coded, type Result, err, ok } from '../shared/result.js';
import type { VolunteerFeatureDeps } from './ports.js';
import { fillSeats, volunteerCampaign } from './signups.service.js';
import type { Signup } from './signup.js';
import { openSeats, roleKey, validateTrip, type Trip, type TripChangeError, type TripError, type TripInput } from './trip.js';

/**
 * Creates a trip in the running campaign (or the next one). Errors: every TripError of
 * `validateTrip`, and `trip.no_campaign` when there is no campaign to attach it to. Only HR (`requireHr`)
 * or the console.
 */
export async function createTrip(deps: VolunteerFeatureDeps, by: HrOperator, input: TripInput): Promise<Result<Trip, TripError | Coded<'trip.no_campaign'>>> {
  const valid = validateTrip(input);
  if (!valid.ok) return valid;
  const campaign = await volunteerCampaign(deps);
  if (!campaign) return err({ code: 'trip.no_campaign' });
  return ok(await deps.volunteers.trips.create(campaign.id, valid.value, operatorLabel(by)));
}

/** Whether the new shape still seats everyone confirmed; the first problem found, else null. */
export function changeProblem(trip: Trip, input: TripInput): TripChangeError | null {
  if (input.seats < trip.confirmed) return { code: 'trip.seats_below_confirmed', confirmed: trip.confirmed };
  const byKey = new Map(input.roles.map((r) => [roleKey(r.name), r]));
  for (const role of trip.roles) {
    const next = byKey.get(role.key);
    if (!next && role.confirmed > 0) return { code: 'trip.role_in_use', role: role.name };
    if (next && next.seats < role.confirmed) return { code: 'trip.role_below_confirmed', role: role.name, confirmed: role.confirmed };
  }
  if (openSeats(input) < trip.openConfirmed) return { code: 'trip.open_below_confirmed', confirmed: trip.openConfirmed };
  return null;
}

/**
 * Changes a trip, then gives any new seat to the waitlist (each person promoted is told).
 * Errors: TripError, TripChangeError (naming the role or the count), `trip.not_found`,
 * and `trip.role_in_use` also when a removed role still has people waiting for it. Only HR (`requireHr`).
 */
export async function updateTrip(
  deps: VolunteerFeatureDeps,
  _by: HrOperator,
  tripId: number,
  input: TripInput,
): Promise<Result<{ trip: Trip; promoted: Signup[] }, TripError | TripChangeError | Coded<'trip.not_found'>>> {
  const valid = validateTrip(input);
  if (!valid.ok) return valid;
  const campaign = await volunteerCampaign(deps);
  const done = await deps.volunteers.signups.withTrip(
    tripId,
    async (unit): Promise<Result<{ trip: Trip; promoted: Signup[] }, TripChangeError | Coded<'trip.not_found'>>> => {
      if (!campaign || unit.trip.campaignId !== campaign.id) return err({ code: 'trip.not_found' });
      const problem = changeProblem(unit.trip, valid.value);
      if (problem) return err(problem);
      const keys = new Set(valid.value.roles.map((r) => roleKey(r.name)));
      const orphan = (await unit.waitlist()).find((s) => s.roleKey !== null && !keys.has(s.roleKey));
      if (orphan) return err({ code: 'trip.role_in_use', role: unit.trip.roles.find((r) => r.key === orphan.roleKey)?.name ?? String(orphan.roleKey) });
      await unit.update(valid.value);
      const promoted = await fillSeats(deps, unit);
      return ok({ trip: unit.trip, promoted });
    },
  );
  return done ?? err({ code: 'trip.not_found' });
}

/** The volunteer campaign's trips, by start date (empty without a campaign). */
export async function campaignTrips(deps: VolunteerFeatureDeps): Promise<{ campaignName: string | null; trips: Trip[] }> {
  const campaign = await volunteerCampaign(deps);
  return campaign ? { campaignName: campaign.name, trips: await deps.volunteers.trips.list(campaign.id) } : { campaignName: null, trips: [] };
}

/** Seats offered, confirmed and waitlisted over a campaign's trips: what /api and the digest show. */
export function volunteerCounts(
  deps: Pick<VolunteerFeatureDeps, 'volunteers'>,
  campaignId: string,
): Promise<{ capacity: number; confirmed: number; waitlisted: number }> {
  return deps.volunteers.signups.counts(campaignId);
}
