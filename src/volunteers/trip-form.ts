/**
 * HR's trip form (`/caravan trip` creates, `/caravan trip N` edits): the values to show, and what a
 * submission comes to. The HR check is repeated on submission: a form can be replayed by anyone.
 */
import { requireHr, type Actor } from '../chat/actor.js';
import { type FormOutcome, type FormReply, type MessageReply, message } from '../chat/reply.js';
import type { VolunteerFeatureDeps } from './ports.js';
import { volunteerCampaign } from './signups.service.js';
import { tripErrorText } from './texts.js';
import { parseRoles, rolesText, tripErrorField, type TripError, type TripField, type TripInput } from './trip.js';
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

declare module '../chat/reply.js' {
  interface FormKinds {
    trip: {
      /** Null: a new trip. */
      tripId: number | null;
      values: TripFormValues;
    };
  }
}

export type TripFormReply = FormReply<'trip'>;

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
function readTripForm(v: TripFormValues): { input: TripInput } | { field: TripField; error: TripError } {
  const roles = parseRoles(v.roles);
  if (!roles.ok) return { field: 'roles', error: roles.error };
  const seats = v.seats.trim();
  if (!/^\d{1,6}$/.test(seats)) return { field: 'seats', error: { code: 'trip.bad_seats', max: 500 } };
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
  const hr = await requireHr(actor);
  if (!hr) return { kind: 'errors', errors: { name: c.common.notAdmin } };
  const read = readTripForm(values);
  if ('field' in read) return { kind: 'errors', errors: { [read.field]: tripErrorText(c, read.error) } };
  if (tripId === null) {
    const created = await createTrip(deps, hr, read.input);
    if (!created.ok) {
      const error = created.error;
      return { kind: 'errors', errors: { [error.code === 'trip.no_campaign' ? 'name' : tripErrorField(error)]: tripErrorText(c, error) } };
    }
    return { kind: 'done', reply: message('ok', [c.volunteers.trip.created(created.value.id, personText(created.value.name))]) };
  }
  const updated = await updateTrip(deps, hr, tripId, read.input);
  if (!updated.ok) {
    const error = updated.error;
    if (error.code === 'trip.not_found') return { kind: 'errors', errors: { name: c.volunteers.hr.tripNotFound(tripId) } };
    return { kind: 'errors', errors: { [tripErrorField(error)]: tripErrorText(c, error) } };
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
