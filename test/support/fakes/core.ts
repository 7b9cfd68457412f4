/**
 * One in-memory CoreDeps for use-case tests: every port a fake that keeps its contract (see the
 * files next to this one), a manual clock, the campaign's time zone and limits as in production.
 * Each feature's builder (pledges.ts, volunteers.ts, …) starts from here and hands its tests the
 * fakes they look into; when the use cases take smaller deps, only the builders change.
 */
import type { CoreDeps } from '../../../src/deps.js';
import type { DashboardDeps } from '../../../src/dashboard/ports.js';
import type { NeedsDeps } from '../../../src/needs/ports.js';
import type { TotalsListener } from '../../../src/ports.js';
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

export interface FakeCore {
  deps: CoreDeps;
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
  needs?: (core: Omit<FakeCore, 'deps'>) => NeedsDeps;
}

export function fakeCore(options: CoreOptions = {}): FakeCore {
  const clock = new ManualClock(options.now ?? NOW);
  const people = fakePeople();
  const campaigns = fakeCampaigns(clock);
  const pledges = fakePledges(campaigns, clock);
  const messaging = fakeMessaging(clock);
  const volunteers = fakeVolunteers(clock, messaging.outbox);
  const parts = { clock, people, campaigns, pledges, messaging, volunteers };
  const deps: CoreDeps = {
    people,
    admins: fakeAdmins(),
    campaigns,
    pledges,
    clock,
    timeZone: 'Africa/Casablanca',
    defaultLocale: options.defaultLocale ?? 'fr',
    limits: { min: minor(100), max: minor(10_000_000) },
    staticAdmins: new Set(options.staticAdmins ?? []),
    home: fakeHome([HOME_WORKSPACE, HOME_TENANT]),
    totalsListeners: options.totalsListeners ?? [],
    messaging,
    volunteers,
    needs: options.needs ? options.needs(parts) : notWired.needs(),
    dashboard: notWired.dashboard(),
  };
  return { deps, ...parts };
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
    isHr: refuse('needs.isHr'),
    channels: refuse('needs.channels'),
    links: refuse('needs.links'),
  }),
  dashboard: (): DashboardDeps => ({
    sessions: {
      saveSignIn: refuse('dashboard.sessions'),
      redeemSignIn: refuse('dashboard.sessions'),
      saveSession: refuse('dashboard.sessions'),
      findSession: refuse('dashboard.sessions'),
      revoke: refuse('dashboard.sessions'),
      leaveNotice: refuse('dashboard.sessions'),
      takeNotice: refuse('dashboard.sessions'),
    },
    stats: { pledgeDays: refuse('dashboard.stats') },
    wallKeys: { key: refuse('dashboard.wallKeys'), rotate: refuse('dashboard.wallKeys') },
    publicUrl: 'https://caravane.test',
  }),
};
