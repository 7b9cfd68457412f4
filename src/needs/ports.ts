/**
 * What the needs feature takes from outside: its own store (db/repositories/needs*.ts), the current
 * campaign, the clock, HR's check, campaign channels and a link signer. Nothing else of the bot.
 */
import type { Campaign } from '../campaigns/campaign.js';
import type { Destination } from '../messaging/ports.js';
import type { OutboxRequest } from '../outbox/outbox.js';
import type { CampaignStore, Platform } from '../ports.js';
import type { Clock } from '../shared/clock.js';
import type { Locale, Minor } from '../shared/money.js';
import type { ItemPledge, Need, Site } from './need.js';

export interface NewSite {
  name: string;
  place: string | null;
  beneficiaries: number | null;
  contact: string | null;
}

export interface NewNeed {
  siteId: number;
  itemKey: string;
  itemLabel: string;
  size: string | null;
  quantity: number;
  unitPriceMinor: Minor | null;
}

export interface NewItemPledge {
  personId: string;
  quantity: number;
  source: Platform;
  /** Same key, same pledge: a redelivered command or form never pledges twice. */
  idempotencyKey: string | null;
}

/** How to reach a person in private, and the language to write in. */
export interface NeedsContact {
  destination: Destination;
  locale: Locale | null;
}

/**
 * One need, locked (`SELECT … FOR UPDATE`) for one transaction: every pledge, cancellation and
 * hand-in of that need goes through here one at a time, so its units are never promised twice.
 * Messages enqueued and milestones claimed here commit with the change or not at all.
 */
export interface NeedUnit {
  readonly need: Need;
  /** Adds the pledge and moves the need's counter; the earlier pledge and `duplicate` when the key was seen. */
  pledge(input: NewItemPledge): Promise<{ pledge: ItemPledge; duplicate: boolean }>;
  getPledge(id: number): Promise<ItemPledge | null>;
  /** The pledge stored under an idempotency key, if any. */
  byKey(idempotencyKey: string): Promise<ItemPledge | null>;
  cancel(id: number): Promise<ItemPledge>;
  /** Marks `quantity` more units of the pledge handed in. */
  receive(id: number, quantity: number): Promise<ItemPledge>;
  /** Every need of the campaign, read in this transaction (never a second connection while locked). */
  campaignNeeds(): Promise<Need[]>;
  /** Claims a milestone key for the campaign once for all time; false when it was claimed before. */
  claim(key: string): Promise<boolean>;
  contact(personId: string, prefer: Platform): Promise<NeedsContact | null>;
  enqueue(request: OutboxRequest): Promise<void>;
}

export interface MyItemPledge {
  pledge: ItemPledge;
  need: Need;
}

/** A line of a site's loading list: what was handed in, by item and size. */
export interface LoadingLine {
  itemKey: string;
  itemLabel: string;
  size: string | null;
  received: number;
}

export type ImportRowError = { line: number; code: 'import.site_unknown' | 'import.below_pledged'; value: string };

export interface NeedStore {
  addSite(campaignId: string, site: NewSite, createdBy: string): Promise<{ site: Site; created: boolean }>;
  sites(campaignId: string): Promise<Site[]>;
  /** Adds a need, or sets the quantity of the same item and size at that site. */
  upsertNeed(input: NewNeed): Promise<{ need: Need; created: boolean } | { belowPledged: number }>;
  /** Every row or none, in one transaction: `lines[i]` is reported when row i cannot be stored. */
  importNeeds(campaignId: string, rows: ReadonlyArray<NewNeed & { line: number }>): Promise<{ created: number; updated: number } | ImportRowError>;
  /** The campaign's needs with their counters, by site then item and size. */
  needs(campaignId: string): Promise<Need[]>;
  /** Runs `work` with need `needId` locked; null when there is no such need. */
  withNeed<T>(needId: number, work: (unit: NeedUnit) => Promise<T>): Promise<T | null>;
  /** The need an item pledge number belongs to, if the number exists. */
  needOf(pledgeId: number): Promise<number | null>;
  mine(campaignId: string, personId: string): Promise<MyItemPledge[]>;
  loadingList(siteId: number): Promise<LoadingLine[]>;
}

/** Signs a path the bot serves (`/files/…`) into a full link valid for `ttlMs`. */
export type NeedsLinkSigner = (path: string, ttlMs: number) => Promise<string>;

/** Everything the needs use cases run against. */
export interface NeedsDeps {
  store: NeedStore;
  campaigns: Pick<CampaignStore, 'current' | 'upcoming' | 'get' | 'totals'>;
  clock: Clock;
  timeZone: string;
  defaultLocale: Locale;
  /** Where covered-milestone announcements go. */
  channels(): Promise<Destination[]>;
  links: NeedsLinkSigner;
}

export type { Campaign };

/** What the needs commands and pages reach: the feature's own parts only. */
export interface NeedsFeatureDeps {
  needs: NeedsDeps;
}
