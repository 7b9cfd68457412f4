/**
 * Adaptive Cards for the volunteer sign-up form and HR's trip form: every field as an input, each
 * field's error right under it when the card comes back. Action.Execute with an Action.Submit
 * fallback, as the pledge card does. Words come from the catalogue or the core's reply.
 */
import { randomUUID } from 'node:crypto';
import type { Catalogue } from '../../src/shared/i18n/index.js';
import type { VolunteerFormReply } from '../../src/volunteers/forms.js';
import { NOTES_MAX, type SignupField, type SignupFormValues } from '../../src/volunteers/signup.js';
import type { TripFormReply, TripFormValues } from '../../src/volunteers/trip-form.js';
import type { TripField } from '../../src/volunteers/trip.js';
import { errorUnder, optionalLabel, teamsMarkdown, type Card } from './render.js';
import { teamsPlain } from './text.js';

/** The most seats the card offers (the trip rules' own limit is checked by the core on submit). */
const SEATS_MAX = 500;

export const VOLUNTEER_VERB = 'volunteer.signup';
export const TRIP_VERB = 'trip.save';

export interface CardState<V, F extends string> {
  /** Unique per card: with the person's identity, the idempotency key of its submission. */
  token: string;
  values: V;
  errors: Partial<Record<F, string>>;
}

export const EMPTY_SIGNUP: SignupFormValues = { choice: '', phone: '', emergencyName: '', emergencyPhone: '', notes: '', rules: false };

export const freshState = <V, F extends string>(values: V): CardState<V, F> => ({ token: randomUUID(), values, errors: {} });

const text = (t: string, extra: Record<string, unknown> = {}) => ({
  type: 'TextBlock',
  text: teamsMarkdown(t),
  wrap: true,
  ...extra,
});

function card(title: string, intro: string, body: unknown[], action: { verb: string; title: string; data: Record<string, unknown> }, fallback: string): Card {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    fallbackText: teamsPlain(fallback),
    body: [text(title, { weight: 'Bolder', size: 'Medium' }), text(intro, { isSubtle: true }), ...body],
    actions: [
      {
        type: 'Action.Execute',
        verb: action.verb,
        title: action.title,
        style: 'positive',
        data: action.data,
        fallback: { type: 'Action.Submit', title: action.title, data: action.data },
      },
    ],
  };
}

/** The sign-up card; with several trips, each choice names its trip. */
export function volunteerCard(c: Catalogue, form: VolunteerFormReply, state: CardState<SignupFormValues, SignupField>): Card {
  const f = c.volunteers.form;
  const e = c.volunteers.errors;
  const { values, errors } = state;
  // A choice's title is not markdown: the trip's name shows as typed, without its marks (teamsPlain).
  const choices = form.groups.flatMap((g) => g.options.map((o) => ({ title: teamsPlain(form.several ? `${g.label} — ${o.label}` : o.label), value: o.value })));
  const input = (id: SignupField, label: string, value: string, extra: Record<string, unknown> = {}) => [
    { type: 'Input.Text', id, label, value, ...extra },
    ...errorUnder(errors[id]),
  ];
  return card(
    f.title,
    form.intro,
    [
      {
        type: 'Input.ChoiceSet',
        id: 'choice',
        label: form.several ? f.choiceSeveralLabel : f.choiceLabel,
        style: 'compact',
        isRequired: true,
        errorMessage: e['choice.missing'],
        placeholder: f.choicePlaceholder,
        choices,
        value: values.choice,
      },
      ...errorUnder(errors.choice),
      ...input('phone', f.phoneLabel, values.phone, {
        placeholder: f.phonePlaceholder,
        maxLength: 40,
        isRequired: true,
        errorMessage: e['phone.missing'],
        style: 'Tel',
      }),
      ...input('emergencyName', f.emergencyNameLabel, values.emergencyName, { maxLength: 120, isRequired: true, errorMessage: e['emergency.name_missing'] }),
      ...input('emergencyPhone', f.emergencyPhoneLabel, values.emergencyPhone, {
        placeholder: f.phonePlaceholder,
        maxLength: 40,
        isRequired: true,
        errorMessage: e['phone.missing'],
        style: 'Tel',
      }),
      ...input('notes', optionalLabel(c, f.notesLabel), values.notes, { placeholder: f.notesPlaceholder, isMultiline: true, maxLength: NOTES_MAX }),
      // wrap: without it Teams cuts the rules off after one line, and people would agree to what they cannot read.
      {
        type: 'Input.Toggle',
        id: 'rules',
        label: f.rulesLabel,
        title: f.rulesOption,
        valueOn: 'true',
        valueOff: 'false',
        value: values.rules ? 'true' : 'false',
        wrap: true,
        isRequired: true,
        errorMessage: e['rules.required'],
      },
      ...errorUnder(errors.rules),
      text(form.privacy, { isSubtle: true, size: 'Small' }),
    ],
    { verb: VOLUNTEER_VERB, title: f.submit, data: { caravane: VOLUNTEER_VERB, token: state.token } },
    c.teams.cardFallback,
  );
}

/** HR's trip card, filled with the trip's values when editing. */
export function tripCard(c: Catalogue, form: TripFormReply, state: CardState<TripFormValues, TripField>): Card {
  const f = c.volunteers.trip;
  const e = f.errors;
  const { values: v, errors } = state;
  const field = (id: TripField, type: string, label: string, extra: Record<string, unknown> = {}) => [
    { type, id, label, value: v[id], ...extra },
    ...errorUnder(errors[id]),
  ];
  // Input.Number takes a number: the renderer drops a string value, and HR would see an empty Seats field.
  const seats = /^\d{1,6}$/.test(v.seats.trim()) ? { value: Number(v.seats.trim()) } : { value: undefined };
  return card(
    form.tripId === null ? f.createTitle : f.editTitle,
    form.intro,
    [
      ...field('name', 'Input.Text', f.nameLabel, { placeholder: f.namePlaceholder, maxLength: 120, isRequired: true, errorMessage: e['trip.name_missing'] }),
      ...field('from', 'Input.Date', f.fromLabel, { isRequired: true, errorMessage: e['trip.bad_date'] }),
      ...field('to', 'Input.Date', f.toLabel, { isRequired: true, errorMessage: e['trip.bad_date'] }),
      ...field('seats', 'Input.Number', f.seatsLabel, { min: 1, max: SEATS_MAX, isRequired: true, errorMessage: e['trip.bad_seats'](SEATS_MAX), ...seats }),
      ...field('roles', 'Input.Text', optionalLabel(c, f.rolesLabel), { placeholder: f.rolesPlaceholder, isMultiline: true, maxLength: 600 }),
      text(f.rolesHint, { isSubtle: true, size: 'Small', spacing: 'None' }),
      ...field('meeting', 'Input.Text', optionalLabel(c, f.meetingLabel), { placeholder: f.meetingPlaceholder, maxLength: 200 }),
      ...field('meetingTime', 'Input.Time', optionalLabel(c, f.meetingTimeLabel)),
      ...field('deadline', 'Input.Date', optionalLabel(c, f.deadlineLabel)),
    ],
    { verb: TRIP_VERB, title: f.submit, data: { caravane: TRIP_VERB, token: state.token, tripId: form.tripId } },
    c.teams.cardFallback,
  );
}
