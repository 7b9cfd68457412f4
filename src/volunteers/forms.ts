/**
 * The volunteer sign-up form and HR's trip form, platform-neutral: what to offer, and what a
 * submission comes to (errors field by field, or the answer). Slack lays them out as modals, Teams
 * as Adaptive Cards; both submit here. Nothing is stored unless the whole form is valid.
 */
import type { Actor } from '../chat/actor.js';
import { type FormOutcome, type FormReply, type MessageReply, message } from '../chat/reply.js';
import type { VolunteerFeatureDeps } from './ports.js';
import { checkSignupForm, hasSeat, type SignupField, type SignupFormValues } from './signup.js';
import { signUp, tripsForSignup, type SignupError } from './signups.service.js';
import { meetingText, roleInSentence, roleName, signupFieldTexts, stateText, tripDates } from './texts.js';
import { lastSignupDay, type Trip } from './trip.js';
import { personText } from '../chat/text.js';

export interface ChoiceOption {
  /** `<tripId>:<roleKey>` or `<tripId>:*`. */
  value: string;
  label: string;
}

/** One trip's roles. */
export interface ChoiceGroup {
  label: string;
  options: ChoiceOption[];
}

declare module '../chat/reply.js' {
  interface FormKinds {
    volunteer: {
      privacy: string;
      /** More than one trip: the choice names the trip too. */
      several: boolean;
      groups: ChoiceGroup[];
    };
  }
}

export type VolunteerFormReply = FormReply<'volunteer'>;

/** Roles with a seat left, then "anywhere useful" (always offered: it may be waitlisted). */
function choiceGroup(c: Actor['c'], trip: Trip): ChoiceGroup {
  const roles = trip.roles
    .filter((r) => hasSeat(trip, r.key))
    .map((r) => ({ value: `${trip.id}:${r.key}`, label: `${r.name} (${c.volunteers.seatsLeft(r.seats - r.confirmed)})` }));
  const anywhere = hasSeat(trip, null) ? c.volunteers.anywhere : `${c.volunteers.anywhere} (${c.volunteers.full})`;
  return { label: `${personText(trip.name)} (${tripDates(c, trip)})`, options: [...roles, { value: `${trip.id}:*`, label: anywhere }] };
}

/** `/volunteer`: the form when a trip takes sign-ups, else why not (with the closing dates). */
export async function volunteerForm(deps: VolunteerFeatureDeps, actor: Actor): Promise<VolunteerFormReply | MessageReply> {
  const { c } = actor;
  const trips = await tripsForSignup(deps);
  if (!trips.ok || (trips.value.open.length === 0 && trips.value.closed.length === 0)) return message('info', [c.volunteers.signup.noTrip]);
  const { open, closed } = trips.value;
  if (open.length === 0) {
    return message('info', [closed.map((t) => c.volunteers.signup.closed(personText(t.name), lastSignupDay(t))).join(' ')]);
  }
  const [only] = open;
  return {
    kind: 'form',
    form: 'volunteer',
    intro: open.length === 1 && only ? c.volunteers.form.intro(personText(only.name), tripDates(c, only)) : c.volunteers.form.introSeveral,
    privacy: c.volunteers.form.privacy(deps.volunteers.retentionDays),
    several: open.length > 1,
    groups: open.map((t) => choiceGroup(c, t)),
  };
}

function signupErrorText(c: Actor['c'], error: SignupError): string {
  switch (error.code) {
    case 'trip.not_found':
      return c.volunteers.signup.tripGone;
    case 'choice.invalid':
      return c.volunteers.errors['choice.invalid'];
    case 'trip.closed':
      return c.volunteers.signup.closed(personText(error.trip), error.day);
    case 'signup.already': {
      const state = stateText(c, { status: error.status === 'confirmed' ? 'confirmed' : 'waitlisted' }, error.position);
      return c.volunteers.signup.already(error.number, personText(error.trip), state);
    }
  }
}

/**
 * A submitted sign-up form: every field checked, then the seat decided. Errors that concern the trip
 * or role (closed, already signed up, gone) show on the choice field.
 */
export async function submitSignupForm(
  deps: VolunteerFeatureDeps,
  actor: Actor,
  values: SignupFormValues,
  idempotencyKey: string | null,
): Promise<FormOutcome<SignupField>> {
  const { c } = actor;
  const checked = checkSignupForm(values);
  if (!checked.ok) return { kind: 'errors', errors: signupFieldTexts(c, checked.fields) };
  const result = await signUp(deps, actor.person.id, checked.value, actor.identity.platform, idempotencyKey);
  if (!result.ok) return { kind: 'errors', errors: { choice: signupErrorText(c, result.error) } };
  const { signup, trip, position } = result.value;
  const role = roleInSentence(c, trip, signup.roleKey);
  const meeting = meetingText(c, trip);
  if (signup.status === 'confirmed') {
    return {
      kind: 'done',
      reply: message(
        'ok',
        [...(meeting ? [meeting] : []), c.volunteers.signup.number(signup.id)],
        c.volunteers.signup.confirmed(personText(trip.name), tripDates(c, trip), role),
      ),
    };
  }
  return {
    kind: 'done',
    reply: message(
      'info',
      [c.volunteers.signup.number(signup.id)],
      c.volunteers.signup.waitlisted(personText(trip.name), signup.roleKey === null ? null : roleName(c, trip, signup.roleKey), position ?? 0),
    ),
  };
}
