/**
 * In-memory trips, sign-ups and reminders (src/volunteers/ports.ts), keeping their contracts:
 * `withTrip` runs one trip's work at a time (the trip row lock) and keeps nothing of work that throws;
 * the trip's and roles' counters follow every status change; the waitlist is one line in arrival
 * order (a person put back on it goes to its end); a seen idempotency key answers with its sign-up;
 * messages a unit enqueues reach the outbox only once its work is done (the commit); each reminder is
 * claimed once.
 */
import type { Destination } from '../../../src/messaging/ports.js';
import type { OutboxRequest, OutboxStore } from '../../../src/outbox/outbox.js';
import type { Clock } from '../../../src/shared/clock.js';
import type { Contact, ReminderStore, SignupStore, TripStore, TripUnit, VolunteerDeps } from '../../../src/volunteers/ports.js';
import type { Signup, SignupPrivate, SignupStatus } from '../../../src/volunteers/signup.js';
import { roleKey, type Trip, type TripInput } from '../../../src/volunteers/trip.js';
import { serialised } from './campaigns.js';

interface StoredSignup extends Signup {
  seq: number | null;
  private: SignupPrivate | null;
}

interface State {
  trips: Trip[];
  signups: StoredSignup[];
  reminders: Set<string>;
}

const clone = (s: State): State => ({
  trips: s.trips.map((t) => ({ ...t, roles: t.roles.map((r) => ({ ...r })) })),
  signups: s.signups.map((x) => ({ ...x })),
  reminders: new Set(s.reminders),
});

const publicSignup = ({ seq: _seq, private: _private, ...signup }: StoredSignup): Signup => ({ ...signup });
const copyTrip = (t: Trip): Trip => ({ ...t, roles: t.roles.map((r) => ({ ...r })) });

export interface FakeVolunteers extends VolunteerDeps {
  /** Where each person can be reached privately; absent: unreachable (no personal chat with the bot). */
  readonly contacts: Map<string, Contact>;
  /** The private data kept for a sign-up (null once purged). */
  privateOf(signupId: number): SignupPrivate | null;
}

export function fakeVolunteers(clock: Clock, outbox: OutboxStore, settings: { reminderDays?: readonly number[]; retentionDays?: number } = {}): FakeVolunteers {
  let state: State = { trips: [], signups: [], reminders: new Set() };
  const contacts = new Map<string, Contact>();
  const locked = serialised();
  let nextTrip = 1;
  let nextSignup = 1;

  const tripById = (id: number) => state.trips.find((t) => t.id === id);
  const nextSeq = (tripId: number) => Math.max(0, ...state.signups.filter((s) => s.tripId === tripId).map((s) => s.seq ?? 0)) + 1;
  const line = (tripId: number) => state.signups.filter((s) => s.tripId === tripId && s.status === 'waitlisted').sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  const positionOf = (s: StoredSignup) => (s.status === 'waitlisted' ? line(s.tripId).findIndex((w) => w.id === s.id) + 1 : null);

  /** The counters of trip `tripId` for one sign-up going from `from` to `to` (the CHECKs refuse overbooking). */
  const move = (tripId: number, key: string | null, from: SignupStatus | null, to: SignupStatus) => {
    const trip = tripById(tripId);
    if (!trip) throw new Error(`no trip ${tripId}`);
    const confirmed = (to === 'confirmed' ? 1 : 0) - (from === 'confirmed' ? 1 : 0);
    trip.confirmed += confirmed;
    trip.waitlisted += (to === 'waitlisted' ? 1 : 0) - (from === 'waitlisted' ? 1 : 0);
    if (key === null) trip.openConfirmed += confirmed;
    const role = trip.roles.find((r) => r.key === key);
    if (role) role.confirmed += confirmed;
    if (trip.confirmed > trip.seats || (role && role.confirmed > role.seats)) throw new Error(`trip ${tripId} overbooked`);
  };

  const contact = async (personId: string, _prefer: string): Promise<Contact | null> => {
    const found = contacts.get(personId);
    return found ? { ...found } : null;
  };

  /** Runs `work` as one transaction: all of it is kept, or (when it throws) none of it. */
  const transaction = <T>(work: (pending: OutboxRequest[]) => Promise<T>): Promise<T> =>
    locked(async () => {
      const before = clone(state);
      const pending: OutboxRequest[] = [];
      try {
        const result = await work(pending);
        for (const request of pending) await outbox.enqueue(request);
        return result;
      } catch (error) {
        state = before;
        throw error;
      }
    });

  const unitFor = (tripId: number, pending: OutboxRequest[]): TripUnit => {
    const mine = (id: number) => state.signups.find((s) => s.id === id && s.tripId === tripId);
    return {
      get trip() {
        const trip = tripById(tripId);
        if (!trip) throw new Error(`no trip ${tripId}`);
        return copyTrip(trip);
      },
      async activeFor(personId) {
        const found = state.signups.find((s) => s.tripId === tripId && s.personId === personId && (s.status === 'confirmed' || s.status === 'waitlisted'));
        return found ? publicSignup(found) : null;
      },
      async get(id) {
        const found = mine(id);
        return found ? publicSignup(found) : null;
      },
      async insert(input, status) {
        const earlier = input.idempotencyKey === null ? undefined : state.signups.find((s) => s.idempotencyKey === input.idempotencyKey);
        if (earlier) return { signup: publicSignup(earlier), duplicate: true };
        const stored: StoredSignup = {
          id: nextSignup++,
          tripId,
          personId: input.personId,
          roleKey: input.roleKey,
          status,
          source: input.source,
          idempotencyKey: input.idempotencyKey,
          changes: 0,
          createdAt: clock.now(),
          seq: status === 'waitlisted' ? nextSeq(tripId) : null,
          private: { phone: input.phone, emergencyName: input.emergencyName, emergencyPhone: input.emergencyPhone, notes: input.notes },
        };
        move(tripId, stored.roleKey, null, status);
        state.signups.push(stored);
        return { signup: publicSignup(stored), duplicate: false };
      },
      async setStatus(id, status) {
        const current = mine(id);
        if (!current) throw new Error(`no sign-up ${id} on trip ${tripId}`);
        const from = current.status;
        current.seq = status === 'waitlisted' ? nextSeq(tripId) : null;
        current.status = status;
        current.changes += 1;
        move(tripId, current.roleKey, from, status);
        return publicSignup(current);
      },
      async waitlist() {
        return line(tripId).map(publicSignup);
      },
      async position(id) {
        const found = mine(id);
        return found ? positionOf(found) : null;
      },
      async update(input) {
        const trip = tripById(tripId);
        if (!trip) throw new Error(`no trip ${tripId}`);
        Object.assign(trip, shapeOf(input, trip));
      },
      contact,
      async enqueue(request) {
        pending.push(request);
      },
    };
  };

  const trips: TripStore = {
    async create(campaignId, input) {
      const trip: Trip = { id: nextTrip++, campaignId, ...shapeOf(input, null), confirmed: 0, openConfirmed: 0, waitlisted: 0, purgedAt: null };
      state.trips.push(trip);
      return copyTrip(trip);
    },
    async get(id) {
      const trip = tripById(id);
      return trip ? copyTrip(trip) : null;
    },
    async list(campaignId) {
      return state.trips
        .filter((t) => t.campaignId === campaignId)
        .sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.id - b.id)
        .map(copyTrip);
    },
  };

  const active = (s: StoredSignup) => s.status === 'confirmed' || s.status === 'waitlisted';
  const campaignTrips = (campaignId: string) => state.trips.filter((t) => t.campaignId === campaignId);

  const signups: SignupStore = {
    async withTrip(tripId, work) {
      if (!tripById(tripId)) return null;
      return transaction((pending) => work(unitFor(tripId, pending)));
    },
    async tripOf(signupId) {
      return state.signups.find((s) => s.id === signupId)?.tripId ?? null;
    },
    async mine(campaignId, personId) {
      return campaignTrips(campaignId)
        .sort((a, b) => a.startsOn.localeCompare(b.startsOn))
        .flatMap((trip) =>
          state.signups
            .filter((s) => s.tripId === trip.id && s.personId === personId && active(s))
            .map((s) => ({
              signup: publicSignup(s),
              trip: copyTrip(trip),
              position: positionOf(s),
              phoneHint: s.private ? `…${s.private.phone.slice(-2)}` : null,
            })),
        );
    },
    async displayName() {
      return null;
    },
    async roster(tripId) {
      const confirmed = state.signups.filter((s) => s.tripId === tripId && s.status === 'confirmed').sort((a, b) => a.id - b.id);
      return [...confirmed, ...line(tripId)].map((s) => ({ signup: publicSignup(s), displayName: null, position: positionOf(s) }));
    },
    async *exportRows(campaignId, tripId) {
      for (const trip of campaignTrips(campaignId).filter((t) => tripId === null || t.id === tripId)) {
        for (const entry of await signups.roster(trip.id)) {
          const stored = state.signups.find((s) => s.id === entry.signup.id);
          yield { ...entry, trip: copyTrip(trip), identities: '', private: stored?.private ? { ...stored.private } : null };
        }
      }
    },
    async counts(campaignId) {
      const list = campaignTrips(campaignId);
      return {
        capacity: list.reduce((n, t) => n + t.seats, 0),
        confirmed: list.reduce((n, t) => n + t.confirmed, 0),
        waitlisted: list.reduce((n, t) => n + t.waitlisted, 0),
      };
    },
    async confirmedContacts(campaignId) {
      const ids = new Set(campaignTrips(campaignId).map((t) => t.id));
      const people = new Set(state.signups.filter((s) => ids.has(s.tripId) && s.status === 'confirmed').map((s) => s.personId));
      const found: Destination[] = [];
      for (const personId of people) {
        const reach = contacts.get(personId);
        if (reach) found.push(reach.destination);
      }
      return found;
    },
  };

  const reminders: ReminderStore = {
    async confirmedLeavingOn(day) {
      return state.signups
        .filter((s) => s.status === 'confirmed' && tripById(s.tripId)?.startsOn === day)
        .sort((a, b) => a.id - b.id)
        .flatMap((s) => {
          const trip = tripById(s.tripId);
          return trip ? [{ signup: publicSignup(s), trip: copyTrip(trip) }] : [];
        });
    },
    claim(signupId, daysBefore, send) {
      return transaction(async (pending) => {
        const still = state.signups.find((s) => s.id === signupId && s.status === 'confirmed');
        const key = `${signupId}:${daysBefore}`;
        if (!still || state.reminders.has(key)) return false;
        state.reminders.add(key);
        await send({ contact, enqueue: async (request) => void pending.push(request) });
        return true;
      });
    },
    async purgeEndedBy(day) {
      return transaction(async () => {
        const ended = state.trips.filter((t) => t.endsOn <= day && t.purgedAt === null);
        for (const trip of ended) {
          trip.purgedAt = clock.now();
          for (const s of state.signups) if (s.tripId === trip.id) s.private = null;
        }
        return ended.length;
      });
    },
  };

  return {
    trips,
    signups,
    reminders,
    links: async (path) => `https://caravane.test${path}?sig=fake`,
    reminderDays: settings.reminderDays ?? [3, 1],
    retentionDays: settings.retentionDays ?? 30,
    contacts,
    privateOf: (id) => {
      const found = state.signups.find((s) => s.id === id)?.private;
      return found ? { ...found } : null;
    },
  };
}

/** A trip's shape from its input; role counters carried over from `current` by key. */
function shapeOf(
  input: TripInput,
  current: Trip | null,
): Pick<Trip, 'name' | 'startsOn' | 'endsOn' | 'seats' | 'roles' | 'meetingPoint' | 'meetingTime' | 'deadline'> {
  return {
    name: input.name,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    seats: input.seats,
    roles: input.roles.map((r) => {
      const key = roleKey(r.name);
      return { key, name: r.name, seats: r.seats, confirmed: current?.roles.find((c) => c.key === key)?.confirmed ?? 0 };
    }),
    meetingPoint: input.meetingPoint,
    meetingTime: input.meetingTime,
    deadline: input.deadline,
  };
}
