/**
 * What the core needs from the outside world. The db/ folder implements the stores, the adapters
 * implement the notifier; the core never imports SQL, HTTP or platform SDKs.
 */
import type { Campaign, CampaignTotals, GoalChange, GoalChangeRecord, GoalSettle, NewCampaign } from './campaigns/campaign.js';
import type { Pledge, PledgeStatus, Platform, TransitionError } from './pledges/pledge.js';
import type { Locale, Minor } from './shared/money.js';
import type { Result } from './shared/result.js';

export type { Platform } from './pledges/pledge.js';

/** A person as one platform knows them. Slack: workspace + user id. Teams: tenant + AAD object id. */
export interface Identity {
  platform: Platform;
  tenantId: string;
  userId: string;
  /** Slack Enterprise Grid: the organisation the workspace belongs to. */
  orgId?: string | undefined;
  displayName?: string | undefined;
  locale?: Locale | undefined;
}

/** The organisation running the campaign: whose people may be HR. */
export interface HomeOrganisation {
  includes(identity: Identity): boolean;
}

export interface Person {
  id: string;
  displayName: string | null;
  locale: Locale | null;
}

export interface PeopleStore {
  /** Finds or creates the person behind an identity; refreshes the display name and locale when given. */
  resolve(identity: Identity): Promise<Person>;
  /**
   * The person behind an identity when this instance met them lately and the name and language given
   * are the ones it knows: what `resolve` would answer, without a round trip. Undefined otherwise.
   */
  known(identity: Identity): Person | undefined;
  /** The identities a person has, for direct messages. */
  identities(personId: string): Promise<Identity[]>;
}

export interface AdminStore {
  /** True when `platform:userId` was added as HR (the environment's ADMINS are checked by the caller). */
  isAdmin(platform: Platform, userId: string): Promise<boolean>;
  add(platform: Platform, userId: string, addedBy: string): Promise<{ added: boolean }>;
  list(): Promise<Array<{ platform: Platform; userId: string }>>;
}

export interface CampaignStore {
  create(input: NewCampaign): Promise<Campaign>;
  list(): Promise<Campaign[]>;
  get(id: string): Promise<Campaign | null>;
  /** The campaign whose window holds `today`, else the most recently ended one; null when neither exists. */
  current(today: string): Promise<Campaign | null>;
  /** The next campaign to open after `today`, if any. */
  upcoming(today: string): Promise<Campaign | null>;
  /** Kept up to date on every change: reading it never scans pledges. */
  totals(campaignId: string): Promise<CampaignTotals>;
  /**
   * Sets a campaign's goal and last day (already checked) and records who changed the goal and when
   * (when it differs); then runs `settle`, all in one transaction: what `settle` claims commits with
   * the change, and when it throws nothing changes at all. The campaign as it now is and its totals,
   * null when there is no such campaign.
   */
  changeGoal(id: string, change: GoalChange, settle: GoalSettle): Promise<{ before: Campaign; campaign: Campaign; totals: CampaignTotals } | null>;
  /** The latest recorded change of a campaign's goal, null when it never changed. */
  lastGoalChange(id: string): Promise<GoalChangeRecord | null>;
}

export interface NewPledge {
  campaignId: string;
  personId: string;
  amountMinor: Minor;
  anonymous: boolean;
  note: string | null;
  source: Pledge['source'];
  /** Same key, same pledge: a redelivered interaction never records twice. */
  idempotencyKey: string | null;
}

export interface PledgeChange {
  pledge: Pledge;
  before: CampaignTotals;
  after: CampaignTotals;
}

export interface PledgeExportRow {
  pledge: Pledge;
  campaignName: string;
  currency: string;
  displayName: string | null;
  identities: string;
}

export interface PledgeStore {
  /** Inserts the pledge and moves the totals in one transaction. `duplicate` when the key was seen. */
  record(input: NewPledge): Promise<PledgeChange & { duplicate: boolean }>;
  /**
   * `record` for someone this instance does not know yet: finds or creates the person behind
   * `identity` (name and language refreshed as `PeopleStore.resolve` does) in the pledge's own
   * statement, and hands them back with the change.
   */
  recordAs(identity: Identity, input: Omit<NewPledge, 'personId'>): Promise<PledgeChange & { duplicate: boolean; person: Person }>;
  get(id: number): Promise<Pledge | null>;
  listByPerson(campaignId: string, personId: string): Promise<Pledge[]>;
  /**
   * Locks the pledge, asks `decide` for its next status and applies it with the totals, atomically.
   * `pledge.not_found` when there is no such pledge.
   */
  transition(
    id: number,
    decide: (pledge: Pledge) => Result<PledgeStatus, TransitionError>,
  ): Promise<Result<PledgeChange, TransitionError | { readonly code: 'pledge.not_found' }>>;
  exportRows(campaignId: string | null): AsyncIterable<PledgeExportRow>;
}

/** Told after every change of a campaign's totals (milestones listen here). */
export interface TotalsListener {
  /** Resolves once the change is dealt with; the pledge's answer does not wait for it. */
  totalsChanged(campaign: Campaign, change: PledgeChange): Promise<void>;
  /** Resolves when every change heard so far is dealt with (before the database closes). */
  settled?(): Promise<void>;
}

/** The language the bot speaks where nobody's own is known (campaign channels, first contact). */
export interface LocaleDeps {
  defaultLocale: Locale;
}
