/**
 * Test helpers for the volunteers feature: core deps over a test database, trips, people and
 * sign-ups made through the real use cases.
 */
import { dashboardDeps } from '../../db/repositories/dashboard.js';
import { messagingDeps } from '../../db/repositories/messaging.js';
import { needsDeps } from '../../db/repositories/needs-deps.js';
import { volunteerDeps, volunteerDirectory } from '../../db/repositories/volunteers.js';
import { biggestShortfalls } from '../../src/needs/needs.service.js';
import { createStores } from '../../db/stores.js';
import type { DatabaseHandle } from '../../db/connect.js';
import { createCampaign } from '../../src/campaigns/campaigns.service.js';
import { actorFor, requireHr, type HrActor } from '../../src/chat/actor.js';
import type { CoreServices } from '../../adapters/main.js';
import type { Clock } from '../../src/shared/clock.js';
import { minor } from '../../src/shared/money.js';
import { signUp } from '../../src/volunteers/signups.service.js';
import type { TripInput } from '../../src/volunteers/trip.js';
import { createTrip } from '../../src/volunteers/trips.service.js';

export function coreDeps(db: DatabaseHandle, clock: Clock, reminderDays: number[] = [7, 1]): CoreServices {
  const volunteers = volunteerDeps(db.db, clock, { reminderDays, retentionDays: 30, publicUrl: 'http://127.0.0.1:3000' });
  const needs = needsDeps(db.db, clock, { timeZone: 'Africa/Casablanca', defaultLocale: 'fr', publicUrl: 'http://127.0.0.1:3000' });
  return {
    ...createStores(db.db),
    clock,
    timeZone: 'Africa/Casablanca',
    defaultLocale: 'fr',
    limits: { min: minor(100), max: minor(10_000_000), currency: 'MAD' },
    staticAdmins: new Set(),
    // No platform here: every identity counts as this organisation's.
    home: { includes: () => true },
    totalsListeners: [],
    messaging: messagingDeps(db.db, clock, {
      volunteers: volunteerDirectory(volunteers),
      needs: { shortfalls: (id, limit) => biggestShortfalls(needs, id, limit) },
    }),
    volunteers,
    dashboard: dashboardDeps(db.db, 'http://127.0.0.1:3000'),
    needs,
  };
}

/** An HR person (listed in ADMINS), checked by the real `requireHr`. */
export async function hrActor(deps: CoreServices, userId: string): Promise<HrActor> {
  const hr = await requireHr(await actorFor({ ...deps, staticAdmins: new Set([`slack:${userId}`]) }, { platform: 'slack', tenantId: 'T1', userId }));
  if (!hr) throw new Error(`${userId} is not HR`);
  return hr;
}

export async function campaign(deps: CoreServices) {
  const created = await createCampaign(deps, {
    name: 'Caravane 2026',
    currency: 'MAD',
    goalMinor: minor(15_000_000),
    startsOn: '2026-11-15',
    endsOn: '2026-12-15',
  });
  if (!created.ok) throw new Error(created.error.code);
  return created.value;
}

export async function trip(deps: CoreServices, over: Partial<TripInput> = {}) {
  const created = await createTrip(
    deps,
    { console: true },
    {
      name: 'Azilal',
      startsOn: '2026-12-12',
      endsOn: '2026-12-14',
      seats: 3,
      roles: [],
      meetingPoint: 'Parking du siège',
      meetingTime: '07:30',
      deadline: null,
      ...over,
    },
  );
  if (!created.ok) throw new Error(created.error.code);
  return created.value;
}

export const person = (deps: CoreServices, userId: string, platform: 'slack' | 'teams' = 'slack') =>
  deps.people.resolve({ platform, tenantId: platform === 'slack' ? 'T111' : 'tenant-1', userId, displayName: userId });

/** A valid sign-up for `userId` (phone derived from the index so each is distinct). */
export async function volunteer(deps: CoreServices, tripId: number, userId: string, opts: { role?: string | null; n?: number; key?: string } = {}) {
  const p = await person(deps, userId);
  const n = String(opts.n ?? 0).padStart(2, '0');
  const result = await signUp(
    deps,
    p.id,
    { tripId, roleKey: opts.role ?? null, phone: `+2126123456${n}`, emergencyName: 'Fatima', emergencyPhone: '+212711223344', notes: null },
    'slack',
    opts.key ?? null,
  );
  return { person: p, result };
}
