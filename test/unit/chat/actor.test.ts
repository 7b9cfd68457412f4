import { describe, expect, it } from 'vitest';
import { actorFor, requireHr, type ActorDeps } from '../../../src/chat/actor.js';
import { revokeWallboard, wallboardLink } from '../../../src/dashboard/wallboard.service.js';
import type { DashboardFeatureDeps } from '../../../src/dashboard/ports.js';
import { receiveItems } from '../../../src/needs/give.service.js';
import { addNeed, addSite, importNeeds } from '../../../src/needs/needs.service.js';
import type { NeedsDeps } from '../../../src/needs/ports.js';
import { collectPledge } from '../../../src/pledges/pledges.service.js';
import type { PledgeDeps } from '../../../src/pledges/ports.js';
import type { VolunteerFeatureDeps } from '../../../src/volunteers/ports.js';
import type { TripInput } from '../../../src/volunteers/trip.js';
import { createTrip, updateTrip } from '../../../src/volunteers/trips.service.js';
import type { AdminStore, Identity, PeopleStore, Platform } from '../../../src/ports.js';

/** People and HR as the stores would answer them: HR added by `caravane admin add`, and one in ADMINS. */
function deps(): ActorDeps & { asked: () => number } {
  let asked = 0;
  const people: PeopleStore = {
    resolve: async (identity) => ({ id: `person-${identity.userId}`, displayName: null, locale: null }),
    known: () => undefined,
    identities: async () => [],
  };
  const added = new Set(['slack:UHR']);
  const admins: AdminStore = {
    isAdmin: async (platform: Platform, userId: string) => {
      asked += 1;
      return added.has(`${platform}:${userId}`);
    },
    add: async () => ({ added: false }),
    list: async () => [],
  };
  return {
    people,
    admins,
    staticAdmins: new Set(['teams:AAD-HR']),
    home: { includes: (i: Identity) => i.tenantId === 'T-HOME' },
    defaultLocale: 'fr',
    asked: () => asked,
  };
}

const slack = (userId: string, tenantId = 'T-HOME'): Identity => ({ platform: 'slack', tenantId, userId });

describe('requireHr', () => {
  it('makes an HR actor of an HR person, the same person in the same language', async () => {
    const d = deps();
    const actor = await actorFor(d, { ...slack('UHR'), locale: 'en' });
    const hr = await requireHr(actor);
    expect(hr).not.toBeNull();
    expect([hr?.person.id, hr?.locale, hr?.identity.userId]).toEqual(['person-UHR', 'en', 'UHR']);
    expect(await requireHr(await actorFor(d, { platform: 'teams', tenantId: 'T-HOME', userId: 'AAD-HR' }))).not.toBeNull();
  });

  it('refuses anyone else, and HR’s own user id seen from another organisation', async () => {
    const d = deps();
    expect(await requireHr(await actorFor(d, slack('U-SOMEONE')))).toBeNull();
    expect(await requireHr(await actorFor(d, slack('UHR', 'T-GUEST')))).toBeNull();
  });

  it('asks the store once per command, however often HR is checked', async () => {
    const d = deps();
    const actor = await actorFor(d, slack('UHR'));
    await requireHr(actor);
    await requireHr(actor);
    expect(d.asked()).toBe(1);
  });
});

// Compile-time: an HR-only use case does not take an actor whose HR standing was never checked.
export async function unchecked(d: PledgeDeps, a: ActorDeps): Promise<void> {
  const actor = await actorFor(a, slack('U-SOMEONE'));
  // @ts-expect-error an Actor is not an HrActor
  await collectPledge(d, actor, 1);
  // @ts-expect-error nor is a look-alike object
  await collectPledge(d, { ...actor, hr: true }, 1);
}

// The same for trips, the wallboard and in-kind needs: the console or a checked HrActor only.
export async function uncheckedElsewhere(d: VolunteerFeatureDeps & DashboardFeatureDeps & { needs: NeedsDeps }, a: ActorDeps, trip: TripInput): Promise<void> {
  const actor = await actorFor(a, slack('U-SOMEONE'));
  // @ts-expect-error an Actor cannot create a trip
  await createTrip(d, actor, trip);
  // @ts-expect-error nor change one
  await updateTrip(d, actor, 1, trip);
  // @ts-expect-error nor hand out the wallboard's link
  await wallboardLink(d, actor);
  // @ts-expect-error nor revoke it
  await revokeWallboard(d, actor);
  // @ts-expect-error nor add a site
  await addSite(d.needs, actor, { name: 'Tizi', place: null, beneficiaries: null, contact: null });
  // @ts-expect-error nor a need
  await addNeed(d.needs, actor, { site: 'Tizi', item: 'pulls', size: '', quantity: '3', unitPrice: '' });
  // @ts-expect-error nor import them
  await importNeeds(d.needs, actor, 'site,item,quantity');
  // @ts-expect-error nor mark a gift received
  await receiveItems(d.needs, actor, 1, null);
  // @ts-expect-error the wallboard's link is for HR in chat: the console has none to hand out
  await wallboardLink(d, { console: true });
}
