/**
 * Block Kit modals for the volunteer sign-up form and HR's trip form. Words come from the catalogue
 * or the core's reply; block ids are the fields errors are shown on.
 */
import type { InputBlock, ModalView, PlainTextOption, StaticSelect } from '@slack/types';
import type { Actor } from '../../../src/chat/actor.js';
import type { Catalogue } from '../../../src/shared/i18n/index.js';
import type { ChoiceOption, VolunteerFormReply } from '../../../src/volunteers/forms.js';
import { NOTES_MAX, type SignupField } from '../../../src/volunteers/signup.js';
import type { TripFormReply } from '../../../src/volunteers/trip-form.js';
import type { TripField } from '../../../src/volunteers/trip.js';
import { context, input, modal, option, plain, textField } from '../kit.js';

export const VOLUNTEER_VIEW = 'volunteer_form';
export const TRIP_VIEW = 'trip_form';

export const SIGNUP_BLOCK: Record<SignupField, string> = {
  choice: 'choice',
  phone: 'phone',
  emergencyName: 'emergency_name',
  emergencyPhone: 'emergency_phone',
  notes: 'notes',
  rules: 'rules',
};

export const TRIP_BLOCK: Record<TripField, string> = {
  name: 'name',
  from: 'from',
  to: 'to',
  seats: 'seats',
  roles: 'roles',
  meeting: 'meeting',
  meetingTime: 'meeting_time',
  deadline: 'deadline',
};

export interface VolunteerViewMeta {
  channel: string | null;
  locale: 'fr' | 'en';
  /** Trip forms only: the trip being edited, null for a new one. */
  tripId?: number | null;
}

const toOption = (o: ChoiceOption): PlainTextOption => option(o.label, o.value);

function textInput(
  blockId: string,
  label: string,
  opts: { placeholder?: string; initial?: string; optional?: boolean; multiline?: boolean; max?: number } = {},
): InputBlock {
  return input(blockId, label, textField(opts), { optional: opts.optional ?? false });
}

function view(callbackId: string, title: string, submit: string, close: string, meta: VolunteerViewMeta, blocks: ModalView['blocks']): ModalView {
  return modal({ callbackId, title, submit, close, metadata: JSON.stringify(meta), blocks });
}

/** The sign-up form: one select (grouped by trip when there are several), contact fields, the rules box. */
export function volunteerModal(c: Catalogue, form: VolunteerFormReply, meta: VolunteerViewMeta): ModalView {
  const f = c.volunteers.form;
  const [only] = form.groups;
  const select: StaticSelect = {
    type: 'static_select',
    action_id: 'value',
    placeholder: plain(f.choicePlaceholder),
    ...(form.several || !only
      ? { option_groups: form.groups.slice(0, 100).map((g) => ({ label: plain(g.label), options: g.options.slice(0, 100).map(toOption) })) }
      : { options: only.options.slice(0, 100).map(toOption) }),
  };
  return view(VOLUNTEER_VIEW, f.title, f.submit, f.close, meta, [
    context(form.intro),
    input(SIGNUP_BLOCK.choice, form.several ? f.choiceSeveralLabel : f.choiceLabel, select),
    textInput(SIGNUP_BLOCK.phone, f.phoneLabel, { placeholder: f.phonePlaceholder, max: 40 }),
    textInput(SIGNUP_BLOCK.emergencyName, f.emergencyNameLabel, { max: 120 }),
    textInput(SIGNUP_BLOCK.emergencyPhone, f.emergencyPhoneLabel, { placeholder: f.phonePlaceholder, max: 40 }),
    textInput(SIGNUP_BLOCK.notes, f.notesLabel, { placeholder: f.notesPlaceholder, optional: true, multiline: true, max: NOTES_MAX }),
    input(SIGNUP_BLOCK.rules, f.rulesLabel, { type: 'checkboxes', action_id: 'value', options: [option(f.rulesOption, 'accepted')] }),
    context(form.privacy),
  ]);
}

const datePicker = (blockId: string, label: string, initial: string, optional = false): InputBlock =>
  input(blockId, label, { type: 'datepicker', action_id: 'value', ...(initial ? { initial_date: initial } : {}) }, { optional });

/** HR's trip form, filled with the trip's values when editing. */
export function tripModal(c: Catalogue, form: TripFormReply, meta: VolunteerViewMeta): ModalView {
  const f = c.volunteers.trip;
  const v = form.values;
  return view(TRIP_VIEW, form.tripId === null ? f.createTitle : f.editTitle, f.submit, f.close, { ...meta, tripId: form.tripId }, [
    context(form.intro),
    textInput(TRIP_BLOCK.name, f.nameLabel, { placeholder: f.namePlaceholder, initial: v.name, max: 120 }),
    datePicker(TRIP_BLOCK.from, f.fromLabel, v.from),
    datePicker(TRIP_BLOCK.to, f.toLabel, v.to),
    input(TRIP_BLOCK.seats, f.seatsLabel, {
      type: 'number_input',
      action_id: 'value',
      is_decimal_allowed: false,
      min_value: '1',
      max_value: '500',
      ...(v.seats ? { initial_value: v.seats } : {}),
    }),
    input(TRIP_BLOCK.roles, f.rolesLabel, textField({ placeholder: f.rolesPlaceholder, initial: v.roles, multiline: true, max: 600 }), {
      optional: true,
      hint: f.rolesHint,
    }),
    textInput(TRIP_BLOCK.meeting, f.meetingLabel, { placeholder: f.meetingPlaceholder, initial: v.meeting, optional: true, max: 200 }),
    input(
      TRIP_BLOCK.meetingTime,
      f.meetingTimeLabel,
      { type: 'timepicker', action_id: 'value', ...(v.meetingTime ? { initial_time: v.meetingTime } : {}) },
      { optional: true },
    ),
    datePicker(TRIP_BLOCK.deadline, f.deadlineLabel, v.deadline, true),
  ]);
}

/** The modal a form reply asks for. */
export function volunteerFormView(actor: Actor, form: VolunteerFormReply | TripFormReply, channel: string | null): ModalView {
  const meta: VolunteerViewMeta = { channel, locale: actor.locale };
  return form.form === 'volunteer' ? volunteerModal(actor.c, form, meta) : tripModal(actor.c, form, meta);
}
