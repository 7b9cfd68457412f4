/**
 * `caravane trip create|list` and `caravane volunteers export`: the operator's side of trips and
 * sign-ups. Trips go to the running campaign (or the next one); the export is HR's CSV on stdout.
 */
import { once } from 'node:events';
import { openDatabase, migrateToLatest } from '../../db/connect.js';
import { systemClock } from '../../src/shared/clock.js';
import { volunteersCsv } from '../../src/volunteers/export.js';
import { volunteerCampaign } from '../../src/volunteers/signups.service.js';
import { lastSignupDay, parseRoles, type TripError } from '../../src/volunteers/trip.js';
import { createTrip } from '../../src/volunteers/trips.service.js';
import type { Config } from '../config.js';
import { buildDeps, type CoreServices } from '../main.js';
import { options, required, UsageError } from './args.js';

type Command = (config: Config, args: string[]) => Promise<number>;

async function withDeps<T>(config: Config, fn: (deps: CoreServices) => Promise<T>): Promise<T> {
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(database);
    return await fn(buildDeps(config, database, systemClock));
  } finally {
    await database.close();
  }
}

const TRIP_ERRORS: Record<TripError['code'] | 'trip.no_campaign', string> = {
  'trip.name_missing': '--name must not be empty',
  'trip.name_too_long': '--name is limited to 120 characters',
  'trip.bad_date': '--from and --to must be real dates written YYYY-MM-DD',
  'trip.ends_before_start': '--to must not be before --from',
  'trip.bad_seats': '--seats must be a whole number from 1 to 500',
  'trip.bad_role': '--role must be NAME:SEATS with 1 to 500 seats and a name of at most 40 characters, e.g. --role "First aid:2"',
  'trip.duplicate_role': 'each --role name may appear only once',
  'trip.too_many_roles': 'at most 12 --role options',
  'trip.roles_exceed_seats': 'the --role seats add up to more than --seats',
  'trip.meeting_too_long': '--meeting is limited to 200 characters',
  'trip.bad_time': '--meeting-time must be HH:MM, e.g. 07:30',
  'trip.bad_deadline': '--deadline must be a real date written YYYY-MM-DD',
  'trip.deadline_after_start': '--deadline must be before --from',
  'trip.no_campaign': 'no campaign is running or planned: create one first (caravane campaign create)',
};

export const volunteerCommands: Record<string, Command> = {
  async 'trip create'(config, args) {
    const { values } = options(args, {
      name: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      seats: { type: 'string' },
      role: { type: 'string', multiple: true },
      meeting: { type: 'string' },
      'meeting-time': { type: 'string' },
      deadline: { type: 'string' },
    });
    const seats = required(values, 'seats');
    if (!/^\d{1,6}$/.test(seats.trim())) throw new UsageError(TRIP_ERRORS['trip.bad_seats']);
    const roles = parseRoles((values.role ?? []).join('\n'));
    if (!roles.ok) throw new UsageError(TRIP_ERRORS['trip.bad_role']);
    const input = {
      name: required(values, 'name'),
      startsOn: required(values, 'from'),
      endsOn: required(values, 'to'),
      seats: Number(seats),
      roles: roles.value,
      meetingPoint: values.meeting ?? null,
      meetingTime: values['meeting-time'] ?? null,
      deadline: values.deadline ?? null,
    };
    return withDeps(config, async (deps) => {
      const result = await createTrip(deps, { console: true }, input);
      if (!result.ok) throw new UsageError(TRIP_ERRORS[result.error.code]);
      console.log(result.value.id);
      return 0;
    });
  },

  async 'trip list'(config) {
    return withDeps(config, async (deps) => {
      const campaign = await volunteerCampaign(deps);
      if (!campaign) return 0;
      for (const t of await deps.volunteers.trips.list(campaign.id)) {
        const roles = t.roles.map((r) => `${r.name} ${r.confirmed}/${r.seats}`).join(', ');
        console.log(
          [
            t.id,
            t.name,
            `${t.startsOn}..${t.endsOn}`,
            `${t.confirmed}/${t.seats} confirmed`,
            `${t.waitlisted} waitlisted`,
            `sign-ups until ${lastSignupDay(t)}`,
            roles === '' ? 'no roles' : roles,
            [t.meetingPoint, t.meetingTime].filter(Boolean).join(' '),
          ].join('\t'),
        );
      }
      return 0;
    });
  },

  async 'volunteers export'(config, args) {
    const { values } = options(args, { trip: { type: 'string' } });
    if (values.trip !== undefined && !/^\d{1,9}$/.test(values.trip)) throw new UsageError('--trip takes a trip number (see caravane trip list)');
    return withDeps(config, async (deps) => {
      const campaign = await volunteerCampaign(deps);
      if (!campaign) throw new UsageError(TRIP_ERRORS['trip.no_campaign']);
      const tripId = values.trip === undefined ? null : Number(values.trip);
      if (tripId !== null && (await deps.volunteers.trips.get(tripId))?.campaignId !== campaign.id) {
        throw new UsageError(`no trip ${tripId} in the current campaign (see caravane trip list)`);
      }
      for await (const line of volunteersCsv(deps.volunteers.signups, campaign.id, tripId, config.timeZone)) {
        if (!process.stdout.write(line)) await once(process.stdout, 'drain');
      }
      return 0;
    });
  },
};
