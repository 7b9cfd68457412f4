import type { DashboardDeps } from './dashboard/ports.js';
import type { MessagingDeps } from './messaging/deps.js';
import type { NeedsDeps } from './needs/ports.js';
import type { PhotoDeps } from './photos/ports.js';
import type { AdminStore, CampaignStore, HomeOrganisation, PeopleStore, PledgeStore, TotalsListener } from './ports.js';
import type { PledgeLimits } from './shared/amount.js';
import type { Clock } from './shared/clock.js';
import type { Locale } from './shared/money.js';
import type { VolunteerDeps } from './volunteers/ports.js';

/** Everything the core's use cases run against, wired once in the composition root. */
export interface CoreDeps {
  people: PeopleStore;
  admins: AdminStore;
  campaigns: CampaignStore;
  pledges: PledgeStore;
  clock: Clock;
  timeZone: string;
  defaultLocale: Locale;
  limits: PledgeLimits;
  /** `platform:userId` entries from the ADMINS setting. */
  staticAdmins: ReadonlySet<string>;
  /** HR entries count only for identities of this organisation (workspace / tenant). */
  home: HomeOrganisation;
  totalsListeners: TotalsListener[];
  /** Campaign channels, the outbox, digest and milestone claims (src/messaging/deps.ts). */
  messaging: MessagingDeps;
  /** Trips, sign-ups, reminders and their settings (src/volunteers/ports.ts). */
  volunteers: VolunteerDeps;
  /** In-kind needs: sites, needs, item pledges (src/needs/ports.ts). */
  needs: NeedsDeps;
  /** Photos after the event (src/photos/ports.ts); absent where the bot runs without photo storage. */
  photos?: PhotoDeps | undefined;
  /** HR's browser sessions, the wallboard's key and the charts' numbers (src/dashboard/ports.ts). */
  dashboard: DashboardDeps;
}
