/**
 * HR's hand on the seats: move a sign-up between confirmed and the waitlist, or remove it. The
 * person is told by direct message; a seat freed this way goes to the first waitlisted person it fits.
 * The caller checks that the actor is HR.
 */
import type { VolunteerFeatureDeps } from './ports.js';
import type { HrActor } from '../chat/actor.js';
import { err, ok, type Result } from '../shared/result.js';
import { tellSeatNews } from './notify.js';
import { hasSeat, type Signup } from './signup.js';
import { fillSeats } from './signups.service.js';
import type { Trip } from './trip.js';

export type HrMove = 'confirmed' | 'waitlisted' | 'removed';

export type HrMoveError = 'signup.not_found' | 'signup.already_there' | 'signup.no_seat';

export interface HrMoveOutcome {
  signup: Signup;
  trip: Trip;
  position: number | null;
  promoted: Signup[];
}

/**
 * Moves sign-up `number`. `confirmed` needs a free seat in the person's pool (no overbooking, even
 * for HR): else `signup.no_seat` (details.role: the role's name, '' for
 * anywhere useful). `waitlisted` puts them at the end of the line and
 * gives their seat to the first who fits. `signup.not_found`: no active sign-up with that number.
 * `signup.already_there`: nothing to do. Only HR (`requireHr`).
 */
export async function hrMoveSignup(deps: VolunteerFeatureDeps, _hr: HrActor, number: number, to: HrMove): Promise<Result<HrMoveOutcome, HrMoveError>> {
  const tripId = await deps.volunteers.signups.tripOf(number);
  if (tripId === null) return err('signup.not_found');
  const done = await deps.volunteers.signups.withTrip(tripId, async (unit): Promise<Result<HrMoveOutcome, HrMoveError>> => {
    const current = await unit.get(number);
    if (!current || (current.status !== 'confirmed' && current.status !== 'waitlisted')) return err('signup.not_found');
    if (current.status === to) return err('signup.already_there', { status: to });
    if (to === 'confirmed' && !hasSeat(unit.trip, current.roleKey)) {
      return err('signup.no_seat', { role: unit.trip.roles.find((r) => r.key === current.roleKey)?.name ?? '' });
    }
    const signup = await unit.setStatus(number, to);
    const news = to === 'confirmed' ? 'confirmedByHr' : to === 'waitlisted' ? 'waitlistedByHr' : 'removedByHr';
    await tellSeatNews(deps, unit, signup, news);
    const promoted = current.status === 'confirmed' ? await fillSeats(deps, unit, to === 'waitlisted' ? number : null) : [];
    return ok({ signup, trip: unit.trip, position: await unit.position(number), promoted });
  });
  return done ?? err('signup.not_found');
}
