/**
 * HR's trip form (`/caravan trip` creates, `/caravan trip N` edits): the values to show, and what a
 * submission comes to. The HR check is repeated on submission: a form can be replayed by anyone.
 */
import type { Actor } from '../chat/actor.js';
import { message, type MessageReply } from '../chat/reply.js';
import type { VolunteerFeatureDeps } from './ports.js';
import type { FormOutcome } from './forms.js';
import { volunteerCampaign } from './signups.service.js';
import { tripErrorText } from './texts.js';
import { parseRoles, rolesText, tripErrorField, type TripField, type TripInput } from './trip.js';
import { createTrip, updateTrip } from './trips.service.js';
import { personText } from '../chat/text.js';

/** The form's fields as typed (dates `YYYY-MM-DD`, time `HH:MM`, roles `Name:seats` lines). */
export interface TripFormValues {
  name: string;
  from: string;
  to: string;
  seats: string;
  roles: string;
  meeting: string;
  meetingTime: string;
  deadline: string;
}

export interface TripFormReply {
  kind: 'form';
  form: 'trip';
  intro: string;
  /** Null: a new trip. */
  tripId: number | null;
  values: TripFormValues;
}

export const EMPTY_TRIP_FORM: TripFormValues = { name: '', from: '', to: '', seats: '', roles: '', meeting: '', meetingTime: '', deadline: '' };

/** The form to create a trip, or to edit trip `tripId` with its current values. */
export async function tripForm(deps: VolunteerFeatureDeps, actor: Actor, tripId: number | null): Promise<TripFormReply | MessageReply> {
  const { c } = actor;
  const campaign = await volunteerCampaign(deps);
  if (!campaign) return message('error', [c.volunteers.trip.errors['trip.no_campaign']]);
  if (tripId === null)
    return { kind: 'form', form: 'trip', intro: c.volunteers.trip.createIntro(personText(campaign.name)), tripId: null, values: EMPTY_TRIP_FORM };
  const trip = await deps.volunteers.trips.get(tripId);
  if (!trip || trip.campaignId !== campaign.id) return message('error', [c.volunteers.hr.tripNotFound(tripId)]);
  const values: TripFormValues = {
    name: trip.name,
    from: trip.startsOn,
    to: trip.endsOn,
    seats: String(trip.seats),
    roles: rolesText(trip.roles),
    meeting: trip.meetingPoint ?? '',
    meetingTime: trip.meetingTime ?? '',
    deadline: trip.deadline ?? '',
  };
  return { kind: 'form', form: 'trip', intro: c.volunteers.trip.editIntro(trip.id, personText(trip.name)), tripId: trip.id, values };
}

/** Form strings → a trip; a field that cannot even be read (roles, seats) is reported on itself. */
function readTripForm(
  v: TripFormValues,
): { input: TripInput } | { field: TripField; error: 'trip.bad_role' | 'trip.bad_seats'; details?: Record<string, string | number> } {
  const roles = parseRoles(v.roles);
  if (!roles.ok) return { field: 'roles', error: roles.error, ...(roles.details ? { details: roles.details } : {}) };
  const seats = v.seats.trim();
  if (!/^\d{1,6}$/.test(seats)) return { field: 'seats', error: 'trip.bad_seats', details: { max: 500 } };
  return {
    input: {
      name: v.name,
      startsOn: v.from.trim(),
      endsOn: v.to.trim(),
      seats: Number(seats),
      roles: roles.value,
      meetingPoint: v.meeting,
      meetingTime: v.meetingTime,
      deadline: v.deadline,
    },
  };
}

/** Creates or changes the trip; a refusal is shown on the field it is about. */
export async function submitTripForm(deps: VolunteerFeatureDeps, actor: Actor, tripId: number | null, values: TripFormValues): Promise<FormOutcome<TripField>> {
  const { c } = actor;
  if (!(await actor.isAdmin())) return { kind: 'errors', errors: { name: c.common.notAdmin } };
  const read = readTripForm(values);
  if ('field' in read) return { kind: 'errors', errors: { [read.field]: tripErrorText(c, read.error, read.details) } };
  const by = `${actor.identity.platform}:${actor.identity.userId}`;
  if (tripId === null) {
    const created = await createTrip(deps, read.input, by);
    if (!created.ok)
      return {
        kind: 'errors',
        errors: { [created.error === 'trip.no_campaign' ? 'name' : tripErrorField(created.error)]: tripErrorText(c, created.error, created.details) },
      };
    return { kind: 'done', reply: message('ok', [c.volunteers.trip.created(created.value.id, created.value.name)]) };
  }
  const updated = await updateTrip(deps, tripId, read.input);
  if (!updated.ok) {
    if (updated.error === 'trip.not_found') return { kind: 'errors', errors: { name: c.volunteers.hr.tripNotFound(tripId) } };
    return { kind: 'errors', errors: { [tripErrorField(updated.error)]: tripErrorText(c, updated.error, updated.details) } };
  }
  const { trip, promoted } = updated.value;
  return {
    kind: 'done',
    reply: message('ok', [
      c.volunteers.trip.updated(trip.id, personText(trip.name)),
      ...(promoted.length > 0 ? [c.volunteers.hr.promoted(promoted.length)] : []),
    ]),
  };
}
