/**
 * A caravan trip: dates, seats, the roles that reserve some of those seats, where and when to meet,
 * and the last day to sign up. Pure types and rules; the stores live behind src/volunteers/ports.ts.
 */
import { addDays, isCalendarDay } from '../shared/clock.js';
import { err, ok, type Coded, type Result } from '../shared/result.js';

export interface TripRole {
  /** Stable within the trip (`premiers-secours`), derived from the name. */
  key: string;
  name: string;
  seats: number;
  confirmed: number;
}

export interface Trip {
  id: number;
  campaignId: string;
  name: string;
  startsOn: string;
  endsOn: string;
  seats: number;
  roles: TripRole[];
  meetingPoint: string | null;
  /** `HH:MM`, campaign time. */
  meetingTime: string | null;
  /** Last day to sign up, inclusive; null: the day before the trip. */
  deadline: string | null;
  confirmed: number;
  /** Confirmed on the seats no role reserves ("anywhere useful"). */
  openConfirmed: number;
  waitlisted: number;
  /** When phone numbers, emergency contacts and notes were deleted (retention), else null. */
  purgedAt: Date | null;
}

export interface TripInput {
  name: string;
  startsOn: string;
  endsOn: string;
  seats: number;
  roles: Array<{ name: string; seats: number }>;
  meetingPoint: string | null;
  meetingTime: string | null;
  deadline: string | null;
}

/** A role line that cannot be read, or a role named twice: `role` is its name as typed (60 characters at most). */
export type RoleError = { readonly code: 'trip.bad_role'; readonly role: string } | { readonly code: 'trip.duplicate_role'; readonly role: string };

export type TripError =
  | Coded<'trip.name_missing' | 'trip.bad_date' | 'trip.ends_before_start' | 'trip.bad_time' | 'trip.bad_deadline' | 'trip.deadline_after_start'>
  | { readonly code: 'trip.name_too_long' | 'trip.bad_seats' | 'trip.too_many_roles' | 'trip.meeting_too_long'; readonly max: number }
  | RoleError
  | { readonly code: 'trip.roles_exceed_seats'; readonly reserved: number; readonly seats: number };

/** Changes refused because of the people already confirmed on the trip. */
export type TripChangeError =
  | { readonly code: 'trip.seats_below_confirmed' | 'trip.open_below_confirmed'; readonly confirmed: number }
  | { readonly code: 'trip.role_below_confirmed'; readonly role: string; readonly confirmed: number }
  | { readonly code: 'trip.role_in_use'; readonly role: string };

/** Which form field a trip error belongs on. */
export type TripField = 'name' | 'from' | 'to' | 'seats' | 'roles' | 'meeting' | 'meetingTime' | 'deadline';

export const TRIP_LIMITS = { name: 120, seats: 500, roles: 12, roleName: 40, meeting: 200 } as const;

/** `Premiers secours` → `premiers-secours`: the same role whatever its accents and case. */
export function roleKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9\u0600-\u06ff]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/** `Chauffeur:2, Premiers secours:1` (commas or new lines) → roles; the name may contain spaces. */
export function parseRoles(text: string): Result<Array<{ name: string; seats: number }>, RoleError & { readonly code: 'trip.bad_role' }> {
  const roles: Array<{ name: string; seats: number }> = [];
  for (const part of text
    .split(/[,;\n]/)
    .map((p) => p.trim())
    .filter((p) => p !== '')) {
    const m = /^(.+?)\s*:\s*(\d{1,4})$/.exec(part);
    if (!m || !m[1] || !m[2]) return err({ code: 'trip.bad_role', role: part.slice(0, 60) });
    roles.push({ name: m[1].trim(), seats: Number(m[2]) });
  }
  return ok(roles);
}

/** The roles written back the way `parseRoles` reads them, for an edit form. */
export const rolesText = (roles: ReadonlyArray<{ name: string; seats: number }>): string => roles.map((r) => `${r.name}:${r.seats}`).join('\n');

const fieldOf: Record<(TripError | TripChangeError)['code'], TripField> = {
  'trip.name_missing': 'name',
  'trip.name_too_long': 'name',
  'trip.bad_date': 'from',
  'trip.ends_before_start': 'to',
  'trip.bad_seats': 'seats',
  'trip.bad_role': 'roles',
  'trip.duplicate_role': 'roles',
  'trip.too_many_roles': 'roles',
  'trip.roles_exceed_seats': 'roles',
  'trip.meeting_too_long': 'meeting',
  'trip.bad_time': 'meetingTime',
  'trip.bad_deadline': 'deadline',
  'trip.deadline_after_start': 'deadline',
  'trip.seats_below_confirmed': 'seats',
  'trip.role_below_confirmed': 'roles',
  'trip.role_in_use': 'roles',
  'trip.open_below_confirmed': 'roles',
};

export const tripErrorField = (error: TripError | TripChangeError): TripField => fieldOf[error.code];

function checkRoles(input: TripInput): Result<void, TripError> {
  if (input.roles.length > TRIP_LIMITS.roles) return err({ code: 'trip.too_many_roles', max: TRIP_LIMITS.roles });
  const keys = new Set<string>();
  for (const r of input.roles) {
    const key = roleKey(r.name);
    if (key === '' || r.name.length > TRIP_LIMITS.roleName || !Number.isInteger(r.seats) || r.seats < 1 || r.seats > TRIP_LIMITS.seats) {
      return err({ code: 'trip.bad_role', role: r.name.slice(0, 60) });
    }
    if (keys.has(key)) return err({ code: 'trip.duplicate_role', role: r.name.slice(0, 60) });
    keys.add(key);
  }
  const reserved = input.roles.reduce((sum, r) => sum + r.seats, 0);
  return reserved > input.seats ? err({ code: 'trip.roles_exceed_seats', reserved, seats: input.seats }) : ok(undefined);
}

/** Every rule a trip must follow, first failure first (in form order). Trims the texts it keeps. */
export function validateTrip(raw: TripInput): Result<TripInput, TripError> {
  const input: TripInput = {
    ...raw,
    name: raw.name.trim(),
    roles: raw.roles.map((r) => ({ name: r.name.trim(), seats: r.seats })),
    meetingPoint: raw.meetingPoint?.trim() || null,
    meetingTime: raw.meetingTime?.trim() || null,
    deadline: raw.deadline?.trim() || null,
  };
  if (input.name === '') return err({ code: 'trip.name_missing' });
  if (input.name.length > TRIP_LIMITS.name) return err({ code: 'trip.name_too_long', max: TRIP_LIMITS.name });
  if (!isCalendarDay(input.startsOn)) return err({ code: 'trip.bad_date' });
  if (!isCalendarDay(input.endsOn)) return err({ code: 'trip.bad_date' });
  if (input.endsOn < input.startsOn) return err({ code: 'trip.ends_before_start' });
  if (!Number.isInteger(input.seats) || input.seats < 1 || input.seats > TRIP_LIMITS.seats) return err({ code: 'trip.bad_seats', max: TRIP_LIMITS.seats });
  const roles = checkRoles(input);
  if (!roles.ok) return roles;
  if (input.meetingPoint && input.meetingPoint.length > TRIP_LIMITS.meeting) return err({ code: 'trip.meeting_too_long', max: TRIP_LIMITS.meeting });
  if (input.meetingTime && !/^([01]\d|2[0-3]):[0-5]\d$/.test(input.meetingTime)) return err({ code: 'trip.bad_time' });
  if (input.deadline && !isCalendarDay(input.deadline)) return err({ code: 'trip.bad_deadline' });
  if (input.deadline && input.deadline >= input.startsOn) return err({ code: 'trip.deadline_after_start' });
  return ok(input);
}

/** The last day people may sign up: the deadline, else the day before the trip leaves. */
export const lastSignupDay = (trip: Pick<Trip, 'deadline' | 'startsOn'>): string => trip.deadline ?? addDays(trip.startsOn, -1);

export const isOpenForSignup = (trip: Pick<Trip, 'deadline' | 'startsOn'>, today: string): boolean => today <= lastSignupDay(trip);

/** Seats no role reserves: where "anywhere useful" volunteers sit. */
export const openSeats = (trip: { seats: number; roles: ReadonlyArray<{ seats: number }> }): number => trip.seats - trip.roles.reduce((s, r) => s + r.seats, 0);
