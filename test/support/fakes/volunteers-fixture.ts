/**
 * The volunteers feature on fakes: the core's deps with the test campaign and a way to add trips,
 * sign people up with a valid form and make them reachable by direct message.
 */
import { createTrip } from '../../../src/volunteers/trips.service.js';
import type { CheckedSignupForm } from '../../../src/volunteers/signup.js';
import type { Trip, TripInput } from '../../../src/volunteers/trip.js';
import type { Person } from '../../../src/ports.js';
import type { CoreOptions } from './core.js';
import { pledgesFixture, type PledgesFixture } from './pledges.js';

export interface VolunteersFixture extends PledgesFixture {
  /** A trip of the test campaign: 12–14 Dec, leaving from Casablanca; `seats` and `roles` as given. */
  trip(shape?: Partial<TripInput>): Promise<Trip>;
  /** A checked sign-up form for `trip` (role key, or null for anywhere useful). */
  form(trip: Trip, roleKey?: string | null): CheckedSignupForm;
  /** A person the bot can reach by Slack direct message (their user id as the channel). */
  reachable(userId: string): Promise<Person>;
}

export async function volunteersFixture(options: CoreOptions = {}): Promise<VolunteersFixture> {
  const fixture = await pledgesFixture(options);
  return {
    ...fixture,
    async trip(shape = {}) {
      const created = await createTrip(
        fixture.deps,
        { console: true },
        {
          name: 'Imlil',
          startsOn: '2026-12-12',
          endsOn: '2026-12-14',
          seats: 3,
          roles: [],
          meetingPoint: 'Gare Casa-Voyageurs',
          meetingTime: '07:00',
          deadline: null,
          ...shape,
        },
      );
      if (!created.ok) throw new Error(created.error.code);
      return created.value;
    },
    form: (trip, roleKey = null) => ({
      tripId: trip.id,
      roleKey,
      phone: '+212600000001',
      emergencyName: 'Fatima',
      emergencyPhone: '+212600000002',
      notes: null,
    }),
    async reachable(userId) {
      const person = await fixture.person(userId);
      fixture.volunteers.contacts.set(person.id, { destination: { platform: 'slack', channelId: userId }, locale: null });
      return person;
    },
  };
}
