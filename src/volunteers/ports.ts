/**
 * What the volunteers feature needs from outside: trips, sign-ups behind a per-trip lock, reminder
 * claims, the export, and a way to reach a person privately. Implemented in db/repositories/volunteers*.ts.
 */
import type { CampaignDeps } from '../campaigns/ports.js';
import type { Destination } from '../messaging/ports.js';
import type { OutboxRequest } from '../outbox/outbox.js';
import type { LocaleDeps, Platform } from '../ports.js';
import type { Locale } from '../shared/money.js';
import type { NewSignup, Signup, SignupPrivate, SignupStatus } from './signup.js';
import type { Trip, TripInput } from './trip.js';

/** How to reach a person in private, and the language to write in. */
export interface Contact {
  destination: Destination;
  locale: Locale | null;
}

export interface TripStore {
  create(campaignId: string, input: TripInput, createdBy: string): Promise<Trip>;
  get(id: number): Promise<Trip | null>;
  /** The campaign's trips, by start date. */
  list(campaignId: string): Promise<Trip[]>;
}

/**
 * One trip, locked (`SELECT … FOR UPDATE`) for the length of one transaction: every sign-up,
 * withdrawal and move on a trip goes through here, one at a time, so seats are never counted twice.
 * `trip` is refreshed after each change. Messages enqueued here commit with the change or not at all.
 */
export interface TripUnit {
  readonly trip: Trip;
  /** The person's confirmed or waitlisted sign-up on this trip, if any. */
  activeFor(personId: string): Promise<Signup | null>;
  get(signupId: number): Promise<Signup | null>;
  /** Stores a new sign-up; `duplicate` (and the earlier one) when its idempotency key was used before. */
  insert(input: NewSignup, status: 'confirmed' | 'waitlisted'): Promise<{ signup: Signup; duplicate: boolean }>;
  /** Moves a sign-up; `waitlisted` puts it at the end of the queue. Counters follow. */
  setStatus(signupId: number, status: SignupStatus): Promise<Signup>;
  /** Waitlisted sign-ups, first in line first. */
  waitlist(): Promise<Signup[]>;
  /** 1 for the first in line; null when not waitlisted. */
  position(signupId: number): Promise<number | null>;
  /** Replaces the trip's details and roles (the caller checked they fit the people already confirmed). */
  update(input: TripInput): Promise<void>;
  contact(personId: string, prefer: Platform): Promise<Contact | null>;
  enqueue(request: OutboxRequest): Promise<void>;
}

/** A person's active sign-up with its trip and place in line. */
export interface MySignup {
  signup: Signup;
  trip: Trip;
  position: number | null;
  /** The last digits of the phone given, so the person recognises it; null once deleted. */
  phoneHint: string | null;
}

export interface RosterEntry {
  signup: Signup;
  displayName: string | null;
  position: number | null;
}

export interface VolunteerExportRow {
  signup: Signup;
  trip: Trip;
  position: number | null;
  displayName: string | null;
  identities: string;
  /** Null once deleted by the retention job. */
  private: SignupPrivate | null;
}

export interface SignupStore {
  /** Runs `work` with trip `tripId` locked; null when there is no such trip. */
  withTrip<T>(tripId: number, work: (unit: TripUnit) => Promise<T>): Promise<T | null>;
  /** The trip a sign-up number belongs to, if the number exists. */
  tripOf(signupId: number): Promise<number | null>;
  /** The person's active sign-ups on the campaign's trips. */
  mine(campaignId: string, personId: string): Promise<MySignup[]>;
  /** The name of the person behind a sign-up, as their platform gave it. */
  displayName(signupId: number): Promise<string | null>;
  /** Active sign-ups of a trip, confirmed first then the waitlist in order. */
  roster(tripId: number): Promise<RosterEntry[]>;
  exportRows(campaignId: string, tripId: number | null): AsyncIterable<VolunteerExportRow>;
  /** Seats offered, confirmed and waitlisted over the campaign's trips. Never personal data. */
  counts(campaignId: string): Promise<{ capacity: number; confirmed: number; waitlisted: number }>;
  /** Where each confirmed volunteer of the campaign can be reached privately. */
  confirmedContacts(campaignId: string): Promise<Destination[]>;
}

/** A confirmed volunteer due a reminder. */
export interface ReminderDue {
  signup: Signup;
  trip: Trip;
}

export interface ReminderStore {
  /** Confirmed sign-ups of trips (any campaign) leaving on `day`. */
  confirmedLeavingOn(day: string): Promise<ReminderDue[]>;
  /**
   * Claims the reminder (sign-up, days before) in Postgres and, in the same transaction, runs `send`
   * if the sign-up is still confirmed. False when another run (another instance, a restart) had claimed it.
   */
  claim(signupId: number, daysBefore: number, send: (unit: Pick<TripUnit, 'contact' | 'enqueue'>) => Promise<void>): Promise<boolean>;
  /** Deletes phones, emergency contacts and notes of trips that ended on or before `day`; counts stay. Returns the trips purged. */
  purgeEndedBy(day: string): Promise<number>;
}

/** Signs a path the bot serves (`/files/…`) into a full link valid for `ttlMs`. */
export type LinkSigner = (path: string, ttlMs: number) => Promise<string>;

/** The volunteers feature's own stores and settings. */
export interface VolunteerDeps {
  trips: TripStore;
  signups: SignupStore;
  reminders: ReminderStore;
  links: LinkSigner;
  /** Days before a trip when confirmed volunteers get a reminder (VOLUNTEER_REMINDER_DAYS). */
  reminderDays: readonly number[];
  /** Days after a trip ends before its personal data is deleted (VOLUNTEER_DATA_RETENTION_DAYS). */
  retentionDays: number;
}

/** What the volunteer use cases run against: the campaign they belong to and the feature's own parts. */
export interface VolunteerFeatureDeps extends CampaignDeps, LocaleDeps {
  volunteers: VolunteerDeps;
}
