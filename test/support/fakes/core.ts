/**
 * One in-memory CoreDeps for use-case tests: every port a fake that keeps its contract (see the
 * files next to this one), a manual clock, the campaign's time zone and limits as in production.
 * Each feature's builder (pledges.ts, volunteers.ts, …) starts from here and hands its tests the
 * fakes they look into; when the use cases take smaller deps, only the builders change.
 */
import { actorFor, requireHr, type ActorDeps, type HrActor } from '../../../src/chat/actor.js';
import type { BroadcastDeps } from '../../../src/messaging/deps.js';
import type { NeedsDeps, NeedsFeatureDeps } from '../../../src/needs/ports.js';
import type { PledgeDeps } from '../../../src/pledges/ports.js';
import type { Identity, TotalsListener } from '../../../src/ports.js';
import type { VolunteerFeatureDeps } from '../../../src/volunteers/ports.js';
import { ManualClock } from '../../../src/shared/clock.js';
import { minor, type Locale } from '../../../src/shared/money.js';
import { fakeCampaigns, fakePledges, type FakeCampaigns, type FakePledges } from './campaigns.js';
import { fakeMessaging, type FakeMessaging } from './messaging.js';
import { fakeAdmins, fakeHome, fakePeople, type FakePeople } from './people.js';
import { fakeVolunteers, type FakeVolunteers } from './volunteers.js';

/** The Slack workspace and Teams tenant of the company running the campaign. */
export const HOME_WORKSPACE = 'T0HOME';
export const HOME_TENANT = '11111111-2222-3333-4444-555555555555';

/** Noon in Casablanca on 2026-11-27, inside the default test campaign. */
export const NOW = new Date('2026-11-27T11:00:00Z');

/** Every feature's deps at once: each use case takes the part it declares. */
export type FakeDeps = ActorDeps & PledgeDeps & BroadcastDeps & VolunteerFeatureDeps & NeedsFeatureDeps;

export interface FakeCore {
  deps: FakeDeps;
  /** The listeners the pledges tell; a fixture adds the milestone listener here once the deps exist. */
  listeners: TotalsListener[];
  /** The HR person of the ADMINS setting (`slack:UHR` of the home workspace), checked by `requireHr`. */
  hr(): Promise<HrActor>;
  clock: ManualClock;
  people: FakePeople;
  campaigns: FakeCampaigns;
  pledges: FakePledges;
  messaging: FakeMessaging;
  volunteers: FakeVolunteers;
}

export interface CoreOptions {
  now?: Date;
  defaultLocale?: Locale;
  /** `platform:userId` entries of the ADMINS setting. */
  staticAdmins?: readonly string[];
  totalsListeners?: TotalsListener[];
  needs?: (core: Omit<FakeCore, 'deps' | 'listeners' | 'hr'>) => NeedsDeps;
}

export function fakeCore(options: CoreOptions = {}): FakeCore {
  const clock = new ManualClock(options.now ?? NOW);
  const people = fakePeople();
  // The messaging fake is made next, with the campaigns it reads the goal from.
  const campaigns = fakeCampaigns(clock, () => messaging.milestones);
  const pledges = fakePledges(campaigns, clock, people);
  const messaging = fakeMessaging(clock, { goalOf: async (id) => (await campaigns.get(id))?.goalMinor ?? null });
  const volunteers = fakeVolunteers(clock, messaging.outbox);
  const parts = { clock, people, campaigns, pledges, messaging, volunteers };
  const listeners: TotalsListener[] = [...(options.totalsListeners ?? [])];
  const deps: FakeDeps = {
    people,
    admins: fakeAdmins(),
    campaigns,
    pledges,
    clock,
    timeZone: 'Africa/Casablanca',
    defaultLocale: options.defaultLocale ?? 'fr',
    limits: { min: minor(100), max: minor(10_000_000), currency: 'MAD' },
    staticAdmins: new Set(['slack:UHR', ...(options.staticAdmins ?? [])]),
    home: fakeHome([HOME_WORKSPACE, HOME_TENANT]),
    totalsListeners: listeners,
    messaging,
    volunteers,
    needs: options.needs ? options.needs(parts) : notWired.needs(),
  };
  const hrIdentity: Identity = { platform: 'slack', tenantId: HOME_WORKSPACE, userId: 'UHR' };
  const hr = async (): Promise<HrActor> => {
    const checked = await requireHr(await actorFor(deps, hrIdentity));
    if (!checked) throw new Error('slack:UHR should be HR');
    return checked;
  };
  return { deps, listeners, hr, ...parts };
}

/** Ports a test did not ask for: any use of them fails the test, saying which. */
const refuse = (port: string) => async (): Promise<never> => {
  throw new Error(`${port} is not part of this test's fakes`);
};

const notWired = {
  needs: (): NeedsDeps => ({
    store: {
      addSite: refuse('needs.store.addSite'),
      sites: refuse('needs.store.sites'),
      upsertNeed: refuse('needs.store.upsertNeed'),
      importNeeds: refuse('needs.store.importNeeds'),
      needs: refuse('needs.store.needs'),
      withNeed: refuse('needs.store.withNeed'),
      needOf: refuse('needs.store.needOf'),
      mine: refuse('needs.store.mine'),
      loadingList: refuse('needs.store.loadingList'),
    },
    campaigns: { current: refuse('needs.campaigns'), upcoming: refuse('needs.campaigns'), get: refuse('needs.campaigns'), totals: refuse('needs.campaigns') },
    clock: { now: () => new Date(0) },
    timeZone: 'Africa/Casablanca',
    defaultLocale: 'fr',
    channels: refuse('needs.channels'),
    links: refuse('needs.links'),
  }),
};
