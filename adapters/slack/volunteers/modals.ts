/**
 * Block Kit modals for the volunteer sign-up form and HR's trip form. Words come from the catalogue
 * or the core's reply; block ids are the fields errors are shown on.
 */
import type { types } from '@slack/bolt';
import type { Actor } from '../../../src/chat/actor.js';
import type { Catalogue } from '../../../src/shared/i18n/index.js';
import type { ChoiceOption, VolunteerFormReply } from '../../../src/volunteers/forms.js';
import { NOTES_MAX, type SignupField } from '../../../src/volunteers/signup.js';
import type { TripFormReply } from '../../../src/volunteers/trip-form.js';
import type { TripField } from '../../../src/volunteers/trip.js';

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

const plain = (text: string) => ({ type: 'plain_text' as const, text: text.slice(0, 150) });
const option = (o: ChoiceOption) => ({ text: { type: 'plain_text', text: o.label.slice(0, 75) }, value: o.value });

function textInput(blockId: string, label: string, opts: { placeholder?: string; initial?: string; optional?: boolean; multiline?: boolean; max?: number } = {}) {
  return {
    type: 'input',
    block_id: blockId,
    optional: opts.optional ?? false,
    label: plain(label),
    element: {
      type: 'plain_text_input',
      action_id: 'value',
      ...(opts.placeholder ? { placeholder: plain(opts.placeholder) } : {}),
      ...(opts.initial ? { initial_value: opts.initial } : {}),
      ...(opts.multiline ? { multiline: true } : {}),
      ...(opts.max ? { max_length: opts.max } : {}),
    },
  };
}

/** Blocks are built from small helpers Block Kit's types cannot follow; their shapes are checked by the adapter tests. */
function modal(callbackId: string, title: string, submit: string, close: string, meta: VolunteerViewMeta, blocks: unknown[]): types.ModalView {
  return {
    type: 'modal' as const,
    callback_id: callbackId,
    private_metadata: JSON.stringify(meta),
    title: plain(title.slice(0, 24)),
    submit: plain(submit.slice(0, 24)),
    close: plain(close.slice(0, 24)),
    blocks: blocks as types.ModalView['blocks'],
  };
}

/** The sign-up form: one select (grouped by trip when there are several), contact fields, the rules box. */
export function volunteerModal(c: Catalogue, form: VolunteerFormReply, meta: VolunteerViewMeta) {
  const f = c.volunteers.form;
  const [only] = form.groups;
  const select = {
    type: 'static_select',
    action_id: 'value',
    placeholder: plain(f.choicePlaceholder),
    ...(form.several || !only
      ? { option_groups: form.groups.slice(0, 100).map((g) => ({ label: plain(g.label.slice(0, 75)), options: g.options.slice(0, 100).map(option) })) }
      : { options: only.options.slice(0, 100).map(option) }),
  };
  return modal(VOLUNTEER_VIEW, f.title, f.submit, f.close, meta, [
    { type: 'context', elements: [{ type: 'mrkdwn', text: form.intro }] },
    { type: 'input', block_id: SIGNUP_BLOCK.choice, label: plain(form.several ? f.choiceSeveralLabel : f.choiceLabel), element: select },
    textInput(SIGNUP_BLOCK.phone, f.phoneLabel, { placeholder: f.phonePlaceholder, max: 40 }),
    textInput(SIGNUP_BLOCK.emergencyName, f.emergencyNameLabel, { max: 120 }),
    textInput(SIGNUP_BLOCK.emergencyPhone, f.emergencyPhoneLabel, { placeholder: f.phonePlaceholder, max: 40 }),
    textInput(SIGNUP_BLOCK.notes, f.notesLabel, { placeholder: f.notesPlaceholder, optional: true, multiline: true, max: NOTES_MAX }),
    {
      type: 'input',
      block_id: SIGNUP_BLOCK.rules,
      label: plain(f.rulesLabel),
      element: { type: 'checkboxes', action_id: 'value', options: [{ text: plain(f.rulesOption), value: 'accepted' }] },
    },
    { type: 'context', elements: [{ type: 'mrkdwn', text: form.privacy }] },
  ]);
}

const datePicker = (blockId: string, label: string, initial: string, optional = false) => ({
  type: 'input',
  block_id: blockId,
  optional,
  label: plain(label),
  element: { type: 'datepicker', action_id: 'value', ...(initial ? { initial_date: initial } : {}) },
});

/** HR's trip form, filled with the trip's values when editing. */
export function tripModal(c: Catalogue, form: TripFormReply, meta: VolunteerViewMeta) {
  const f = c.volunteers.trip;
  const v = form.values;
  return modal(TRIP_VIEW, form.tripId === null ? f.createTitle : f.editTitle, f.submit, f.close, { ...meta, tripId: form.tripId }, [
    { type: 'context', elements: [{ type: 'mrkdwn', text: form.intro }] },
    textInput(TRIP_BLOCK.name, f.nameLabel, { placeholder: f.namePlaceholder, initial: v.name, max: 120 }),
    datePicker(TRIP_BLOCK.from, f.fromLabel, v.from),
    datePicker(TRIP_BLOCK.to, f.toLabel, v.to),
    {
      type: 'input',
      block_id: TRIP_BLOCK.seats,
      label: plain(f.seatsLabel),
      element: { type: 'number_input', action_id: 'value', is_decimal_allowed: false, min_value: '1', max_value: '500', ...(v.seats ? { initial_value: v.seats } : {}) },
    },
    { ...textInput(TRIP_BLOCK.roles, f.rolesLabel, { placeholder: f.rolesPlaceholder, initial: v.roles, optional: true, multiline: true, max: 600 }), hint: plain(f.rolesHint) },
    textInput(TRIP_BLOCK.meeting, f.meetingLabel, { placeholder: f.meetingPlaceholder, initial: v.meeting, optional: true, max: 200 }),
    {
      type: 'input',
      block_id: TRIP_BLOCK.meetingTime,
      optional: true,
      label: plain(f.meetingTimeLabel),
      element: { type: 'timepicker', action_id: 'value', ...(v.meetingTime ? { initial_time: v.meetingTime } : {}) },
    },
    datePicker(TRIP_BLOCK.deadline, f.deadlineLabel, v.deadline, true),
  ]);
}

/** The modal a form reply asks for. */
export function volunteerFormView(actor: Actor, form: VolunteerFormReply | TripFormReply, channel: string | null) {
  const meta: VolunteerViewMeta = { channel, locale: actor.locale };
  return form.form === 'volunteer' ? volunteerModal(actor.c, form, meta) : tripModal(actor.c, form, meta);
}
