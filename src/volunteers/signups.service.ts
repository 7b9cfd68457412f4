/**
 * Volunteer use cases: sign up, withdraw, see one's sign-ups, and fill freed seats from the waitlist.
 * Every change to a trip's seats runs inside `signups.withTrip` (the trip row locked), so two
 * sign-ups for the last seat are decided one after the other.
 */
import type { Campaign } from '../campaigns/campaign.js';
import { today } from '../campaigns/campaigns.service.js';
import type { CampaignDeps } from '../campaigns/ports.js';
import type { Platform } from '../ports.js';
import { err, ok, type Result } from '../shared/result.js';
import { tellSeatNews } from './notify.js';
import type { MySignup, TripUnit, VolunteerFeatureDeps } from './ports.js';
import { firstFitting, hasSeat, type CheckedSignupForm, type Signup } from './signup.js';
import { isOpenForSignup, lastSignupDay, type Trip } from './trip.js';

/** The campaign whose trips people sign up for: the running one, else the next one. */
export async function volunteerCampaign(deps: CampaignDeps): Promise<Campaign | null> {
  const day = today(deps);
  return (await deps.campaigns.current(day)) ?? (await deps.campaigns.upcoming(day));
}

/** The campaign's trips, split into those still taking sign-ups and those closed. */
export async function tripsForSignup(deps: VolunteerFeatureDeps): Promise<Result<{ campaign: Campaign; open: Trip[]; closed: Trip[] }, 'campaign.none'>> {
  const campaign = await volunteerCampaign(deps);
  if (!campaign) return err('campaign.none');
  const trips = await deps.volunteers.trips.list(campaign.id);
  const day = today(deps);
  return ok({ campaign, open: trips.filter((t) => isOpenForSignup(t, day)), closed: trips.filter((t) => !isOpenForSignup(t, day)) });
}

export type SignupError = 'trip.not_found' | 'trip.closed' | 'signup.already' | 'choice.invalid';

export interface SignupOutcome {
  signup: Signup;
  trip: Trip;
  /** Place in the waitlist, or null when confirmed. */
  position: number | null;
  /** The same submission seen again (a redelivery): nothing new was stored. */
  duplicate: boolean;
}

/**
 * Stores a checked sign-up form: confirmed while the role's pool has a seat, else waitlisted.
 * Errors: `trip.not_found` (not a trip of the campaign), `trip.closed` (details.trip, details.day:
 * the last day to sign up), `choice.invalid` (no such role on the trip), `signup.already` (details.trip,
 * details.number, and the existing sign-up's state in details.status / details.position).
 */
export async function signUp(
  deps: VolunteerFeatureDeps,
  personId: string,
  form: CheckedSignupForm,
  source: Platform,
  idempotencyKey: string | null,
): Promise<Result<SignupOutcome, SignupError>> {
  const campaign = await volunteerCampaign(deps);
  const day = today(deps);
  const outcome = await deps.volunteers.signups.withTrip(form.tripId, async (unit): Promise<Result<SignupOutcome, SignupError>> => {
    const trip = unit.trip;
    if (!campaign || trip.campaignId !== campaign.id) return err('trip.not_found');
    if (form.roleKey !== null && !trip.roles.some((r) => r.key === form.roleKey)) return err('choice.invalid');
    const existing = await unit.activeFor(personId);
    if (existing && existing.idempotencyKey !== null && existing.idempotencyKey === idempotencyKey) {
      return ok({ signup: existing, trip, position: await unit.position(existing.id), duplicate: true });
    }
    if (existing) {
      return err('signup.already', { trip: trip.name, number: existing.id, status: existing.status, position: (await unit.position(existing.id)) ?? 0 });
    }
    if (!isOpenForSignup(trip, day)) return err('trip.closed', { trip: trip.name, day: lastSignupDay(trip) });
    const status = hasSeat(trip, form.roleKey) ? 'confirmed' : 'waitlisted';
    const { signup, duplicate } = await unit.insert({ ...form, personId, source, idempotencyKey }, status);
    return ok({ signup, trip: unit.trip, position: await unit.position(signup.id), duplicate });
  });
  return outcome ?? err('trip.not_found');
}

/**
 * Gives every free seat to the first waitlisted person it fits, in queue order, and tells each one
 * by direct message. `except` stays where it is (HR just moved them to the waitlist on purpose).
 */
export async function fillSeats(deps: VolunteerFeatureDeps, unit: TripUnit, except: number | null = null): Promise<Signup[]> {
  const promoted: Signup[] = [];
  for (;;) {
    const next = firstFitting(unit.trip, await unit.waitlist(), except);
    if (!next) return promoted;
    const confirmed = await unit.setStatus(next.id, 'confirmed');
    await tellSeatNews(deps, unit, confirmed, 'promoted');
    promoted.push(confirmed);
  }
}

export type WithdrawError = 'signup.none' | 'signup.which' | 'signup.not_found';

/**
 * Withdraws one of the person's active sign-ups (`number` null: their only one) and gives the freed
 * seat to the waitlist. Allowed after the deadline. Errors: `signup.none` (nothing to withdraw),
 * `signup.which` (several: a number is needed), `signup.not_found` (no such active sign-up of theirs).
 */
export async function withdraw(
  deps: VolunteerFeatureDeps,
  personId: string,
  number: number | null,
): Promise<Result<{ signup: Signup; trip: Trip; promoted: Signup[] }, WithdrawError>> {
  const campaign = await volunteerCampaign(deps);
  const mine = campaign ? await deps.volunteers.signups.mine(campaign.id, personId) : [];
  if (number === null && mine.length === 0) return err('signup.none');
  if (number === null && mine.length > 1) return err('signup.which');
  const target = number === null ? mine[0] : mine.find((m) => m.signup.id === number);
  if (!target) return err('signup.not_found');
  const done = await deps.volunteers.signups.withTrip(target.trip.id, async (unit) => {
    const current = await unit.get(target.signup.id);
    if (!current || current.personId !== personId || (current.status !== 'confirmed' && current.status !== 'waitlisted')) return null;
    const signup = await unit.setStatus(current.id, 'withdrawn');
    const promoted = current.status === 'confirmed' ? await fillSeats(deps, unit) : [];
    return { signup, trip: unit.trip, promoted };
  });
  return done ? ok(done) : err('signup.not_found');
}

/** The person's active sign-ups in the volunteer campaign. */
export async function mySignups(deps: VolunteerFeatureDeps, personId: string): Promise<MySignup[]> {
  const campaign = await volunteerCampaign(deps);
  return campaign ? deps.volunteers.signups.mine(campaign.id, personId) : [];
}
