/**
 * Volunteer texts built from the one catalogue: role names, states, trip lines, error messages.
 * Adapters only lay these out.
 */
import { personText } from '../chat/text.js';
import type { Catalogue } from '../shared/i18n/index.js';
import type { Coded } from '../shared/result.js';
import type { FieldErrors, Signup, SignupField } from './signup.js';
import type { Trip, TripChangeError, TripError } from './trip.js';

/** A role as people read it; null is "anywhere useful". HR named the others: they are person text. */
export function roleName(c: Catalogue, trip: Pick<Trip, 'roles'>, key: string | null): string {
  if (key === null) return c.volunteers.anywhere;
  return personText(trip.roles.find((r) => r.key === key)?.name ?? key);
}

/** The role inside a sentence about the person: "anywhere useful" lowercased and in their person (`rôle : là où vous serez utile`). */
export function roleInSentence(c: Catalogue, trip: Pick<Trip, 'roles'>, key: string | null): string {
  return key === null ? c.volunteers.anywhereInSentence : roleName(c, trip, key);
}

/** Where and when to meet, the place as HR typed it; null when HR said neither. */
export function meetingText(c: Catalogue, trip: Pick<Trip, 'meetingPoint' | 'meetingTime'>): string | null {
  return c.volunteers.meeting(trip.meetingPoint === null ? null : personText(trip.meetingPoint), trip.meetingTime);
}

export function stateText(c: Catalogue, signup: Pick<Signup, 'status'>, position: number | null): string {
  return signup.status === 'confirmed' ? c.volunteers.confirmedState : c.volunteers.waitlistedState(position ?? 0);
}

export const tripDates = (c: Catalogue, trip: Pick<Trip, 'startsOn' | 'endsOn'>): string => c.volunteers.dates(trip.startsOn, trip.endsOn);

/** The sign-up form's error codes in the person's words, field by field. */
export function signupFieldTexts(c: Catalogue, fields: FieldErrors): Partial<Record<SignupField, string>> {
  const texts: Partial<Record<SignupField, string>> = {};
  for (const [field, code] of Object.entries(fields) as Array<[SignupField, keyof Catalogue['volunteers']['errors']]>) {
    texts[field] = c.volunteers.errors[code];
  }
  return texts;
}

/** Why a trip was refused, in the person's words. */
export function tripErrorText(c: Catalogue, error: TripError | TripChangeError | Coded<'trip.no_campaign'>): string {
  const e = c.volunteers.trip.errors;
  switch (error.code) {
    case 'trip.name_too_long':
    case 'trip.bad_seats':
    case 'trip.too_many_roles':
    case 'trip.meeting_too_long':
      return e[error.code](error.max);
    case 'trip.bad_role':
    case 'trip.duplicate_role':
    case 'trip.role_in_use':
      return e[error.code](error.role);
    case 'trip.roles_exceed_seats':
      return e[error.code](error.reserved, error.seats);
    case 'trip.seats_below_confirmed':
    case 'trip.open_below_confirmed':
      return e[error.code](error.confirmed);
    case 'trip.role_below_confirmed':
      return e[error.code](error.role, error.confirmed);
    case 'trip.name_missing':
    case 'trip.bad_date':
    case 'trip.ends_before_start':
    case 'trip.bad_time':
    case 'trip.bad_deadline':
    case 'trip.deadline_after_start':
    case 'trip.no_campaign':
      return e[error.code];
  }
}
