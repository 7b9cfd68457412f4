/**
 * What HR's dashboard and the wallboard need from outside: where sign-in tokens and sessions live,
 * the wallboard's signing key, and the per-day numbers the charts draw. Implemented in db/.
 */
import type { CampaignDeps } from '../campaigns/ports.js';
import type { Platform } from '../ports.js';
import type { Locale, Minor } from '../shared/money.js';

/** Who a token or a session belongs to: the HR identity that asked in chat, in their language. */
export interface HrPrincipal {
  platform: Platform;
  /** Slack workspace / Teams tenant: with `userId`, the identity the use cases act as. */
  tenantId: string;
  userId: string;
  personId: string;
  locale: Locale;
}

export interface HrSession extends HrPrincipal {
  csrfToken: string;
  expiresAt: Date;
}

/** What a page says once after a change, on the page HR is sent back to. */
export interface PageNotice {
  /** The page it is for (`/hr/trips`): another page does not show it. */
  page: string;
  text: string;
  /** One line per thing that did not work. */
  details: string[];
}

export interface HrSessionStore {
  saveSignIn(tokenHash: string, who: HrPrincipal, expiresAt: Date): Promise<void>;
  /** Marks the token used and returns its owner, atomically: null when unknown, used or expired at `now`. */
  redeemSignIn(tokenHash: string, now: Date): Promise<HrPrincipal | null>;
  saveSession(sessionHash: string, who: HrPrincipal, csrfToken: string, expiresAt: Date): Promise<void>;
  /** The live session (not revoked, not expired at `now`), or null. */
  findSession(sessionHash: string, now: Date): Promise<HrSession | null>;
  revoke(sessionHash: string, at: Date): Promise<void>;
  /** Keeps `notice` with the session (replacing any earlier one) until it is taken. */
  leaveNotice(sessionHash: string, notice: PageNotice, at: Date): Promise<void>;
  /** Takes the session's notice for `page` left after `since`, clearing it in the same step: null when none. */
  takeNotice(sessionHash: string, page: string, since: Date): Promise<PageNotice | null>;
}

/** One Casablanca day of a campaign's pledges (cancelled ones left out). */
export interface PledgeDay {
  day: string;
  pledges: number;
  donors: number;
  pledgedMinor: Minor;
  collectedMinor: Minor;
}

export interface DashboardStats {
  /** Every day with at least one pledge, oldest first, counted in `timeZone`. */
  pledgeDays(campaignId: string, timeZone: string): Promise<PledgeDay[]>;
}

/** The wallboard's link key, one per campaign: rotating it revokes every link handed out so far. */
export interface WallboardKeys {
  key(campaignId: string): Promise<string>;
  rotate(campaignId: string): Promise<void>;
}

export interface DashboardDeps {
  sessions: HrSessionStore;
  stats: DashboardStats;
  wallKeys: WallboardKeys;
  /** Base URL of links in chat (PUBLIC_URL). */
  publicUrl: string;
}

/** What the dashboard's views (charts, the wallboard link) run against. */
export interface DashboardFeatureDeps extends CampaignDeps {
  dashboard: DashboardDeps;
}
