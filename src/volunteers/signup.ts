/**
 * A volunteer's sign-up for a trip, the seat rules, and the sign-up form's checks. Pure.
 *
 * Seat rule: a role's seats go only to people who chose that role; "anywhere useful" takes the seats
 * no role reserves. A sign-up is confirmed while its pool has a seat, else it joins the trip's one
 * waitlist (first come, first served). Because the pools add up to the trip's seats, the trip can
 * never hold more confirmed people than it has seats.
 */
import type { Platform } from '../ports.js';
import { normalizePhone, type PhoneError } from './phone.js';
import { openSeats, type Trip } from './trip.js';

export type SignupStatus = 'confirmed' | 'waitlisted' | 'withdrawn' | 'removed';
export const ACTIVE: readonly SignupStatus[] = ['confirmed', 'waitlisted'];

export interface Signup {
  id: number;
  tripId: number;
  personId: string;
  /** Null: "anywhere useful". */
  roleKey: string | null;
  status: SignupStatus;
  source: Platform;
  idempotencyKey: string | null;
  /** Bumped on every status change: with the id, it names one change (the key of the DM about it). */
  changes: number;
  createdAt: Date;
}

/** What only the person and HR may see. Deleted by the retention job after the trip. */
export interface SignupPrivate {
  phone: string;
  emergencyName: string;
  emergencyPhone: string;
  notes: string | null;
}

export interface NewSignup extends SignupPrivate {
  tripId: number;
  personId: string;
  roleKey: string | null;
  source: Platform;
  idempotencyKey: string | null;
}

/** Whether a sign-up for `roleKey` would be confirmed on `trip` as it stands now. */
export function hasSeat(trip: Pick<Trip, 'seats' | 'roles' | 'confirmed' | 'openConfirmed'>, roleKey: string | null): boolean {
  if (trip.confirmed >= trip.seats) return false;
  if (roleKey === null) return trip.openConfirmed < openSeats(trip);
  const role = trip.roles.find((r) => r.key === roleKey);
  return role !== undefined && role.confirmed < role.seats;
}

/** The first waitlisted sign-up (in queue order) that a free seat fits, skipping `except`. */
export function firstFitting<S extends Pick<Signup, 'id' | 'roleKey'>>(
  trip: Parameters<typeof hasSeat>[0],
  waitlist: readonly S[],
  except: number | null = null,
): S | undefined {
  return waitlist.find((s) => s.id !== except && hasSeat(trip, s.roleKey));
}

/** The sign-up form as typed. `choice` is `<tripId>:<roleKey>` or `<tripId>:*` for anywhere useful. */
export interface SignupFormValues {
  choice: string;
  phone: string;
  emergencyName: string;
  emergencyPhone: string;
  notes: string;
  rules: boolean;
}

export type SignupField = keyof SignupFormValues;

export type SignupFieldError =
  | PhoneError['code']
  | 'choice.missing'
  | 'choice.invalid'
  | 'emergency.name_missing'
  | 'emergency.name_too_long'
  | 'emergency.same_phone'
  | 'notes.too_long'
  | 'rules.required';

export const NOTES_MAX = 500;
export const NAME_MAX = 120;

export interface CheckedSignupForm extends SignupPrivate {
  tripId: number;
  roleKey: string | null;
}

export type FieldErrors = Partial<Record<SignupField, SignupFieldError>>;
export type SignupFormCheck = { ok: true; value: CheckedSignupForm } | { ok: false; fields: FieldErrors };

/** `3:chauffeur` → trip 3, role `chauffeur`; `3:*` → anywhere useful. */
export function parseChoice(choice: string): { tripId: number; roleKey: string | null } | null {
  const m = /^(\d{1,9}):(\*|[a-z0-9\u0600-\u06ff-]{1,60})$/.exec(choice.trim());
  if (!m || !m[1] || !m[2]) return null;
  return { tripId: Number(m[1]), roleKey: m[2] === '*' ? null : m[2] };
}

/**
 * Checks every field at once, so each bad one can be shown on its field. Nothing is stored here;
 * the caller stores only a form that passed.
 */
export function checkSignupForm(v: SignupFormValues): SignupFormCheck {
  const fields: Partial<Record<SignupField, SignupFieldError>> = {};
  const choice = v.choice.trim() === '' ? null : parseChoice(v.choice);
  if (v.choice.trim() === '') fields.choice = 'choice.missing';
  else if (!choice) fields.choice = 'choice.invalid';
  const phone = normalizePhone(v.phone);
  if (!phone.ok) fields.phone = phone.error.code;
  const emergencyName = v.emergencyName.trim();
  if (emergencyName === '') fields.emergencyName = 'emergency.name_missing';
  else if (emergencyName.length > NAME_MAX) fields.emergencyName = 'emergency.name_too_long';
  const emergencyPhone = normalizePhone(v.emergencyPhone);
  if (!emergencyPhone.ok) fields.emergencyPhone = emergencyPhone.error.code;
  else if (phone.ok && phone.value === emergencyPhone.value) fields.emergencyPhone = 'emergency.same_phone';
  const notes = v.notes.trim();
  if (notes.length > NOTES_MAX) fields.notes = 'notes.too_long';
  if (!v.rules) fields.rules = 'rules.required';
  if (Object.keys(fields).length > 0 || !choice || !phone.ok || !emergencyPhone.ok) return { ok: false, fields };
  return {
    ok: true,
    value: {
      tripId: choice.tripId,
      roleKey: choice.roleKey,
      phone: phone.value,
      emergencyName,
      emergencyPhone: emergencyPhone.value,
      notes: notes === '' ? null : notes,
    },
  };
}

/** What `/volunteer …` asks for. */
export type VolunteerCommand = { kind: 'form' } | { kind: 'status' } | { kind: 'cancel'; number: number | null } | { kind: 'cancel_usage' } | { kind: 'help' };

export function parseVolunteerCommand(text: string): VolunteerCommand {
  const [verb = '', arg, ...rest] = text
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '');
  if (verb === '') return { kind: 'form' };
  if (['status', 'statut', 'etat', 'état', 'moi', 'me'].includes(verb)) return { kind: 'status' };
  if (['cancel', 'annuler', 'withdraw', 'retirer', 'desister', 'désister'].includes(verb)) {
    const n = (arg ?? '').replace(/^(n°|#)/, '');
    if (arg === undefined) return { kind: 'cancel', number: null };
    return /^\d{1,9}$/.test(n) && rest.length === 0 ? { kind: 'cancel', number: Number(n) } : { kind: 'cancel_usage' };
  }
  if (['signup', 'inscription', 'inscrire', 'join'].includes(verb)) return { kind: 'form' };
  return { kind: 'help' };
}
