/**
 * HR's side of in-kind needs: sites, needs, the CSV import, and the read use case every view calls
 * (`needsOverview`: needs with totals per site, for chat, the API, the digest and HR's pages).
 * HR-only use cases take an `HrOperator`: a person `requireHr` checked, or the console.
 */
import type { Campaign } from '../campaigns/campaign.js';
import { phaseOf } from '../campaigns/campaign.js';
import { localDay } from '../shared/clock.js';
import { operatorLabel, type HrOperator } from '../chat/actor.js';
import { fold } from './items.js';
import { readNeedsCsv, type CsvError } from './import.js';
import { missing, moneyAsItems, shortfalls, type Need, type Site } from './need.js';
import type { Minor } from '../shared/money.js';
import type { ImportRowError, NeedsDeps, NewSite } from './ports.js';
import { checkNeed, type NeedFields, type RowError } from './rows.js';
import { done, fail, type Outcome } from './outcome.js';

type Common = { code: 'campaign.none' };

/** The campaign needs belong to: the running one (or the one just ended), else the next one. */
export async function needsCampaign(deps: Pick<NeedsDeps, 'campaigns' | 'clock' | 'timeZone'>): Promise<Campaign | null> {
  const day = localDay(deps.clock.now(), deps.timeZone);
  return (await deps.campaigns.current(day)) ?? (await deps.campaigns.upcoming(day));
}

export function campaignPhase(deps: Pick<NeedsDeps, 'clock' | 'timeZone'>, campaign: Campaign) {
  return phaseOf(campaign, localDay(deps.clock.now(), deps.timeZone));
}

async function hrCampaign(deps: NeedsDeps, _op: HrOperator): Promise<Outcome<Campaign, Common>> {
  const campaign = await needsCampaign(deps);
  return campaign ? done(campaign) : fail({ code: 'campaign.none' });
}

export type SiteError =
  | Common
  | { code: 'site.name_missing' }
  | { code: 'site.name_too_long'; max: number }
  | { code: 'site.bad_beneficiaries' }
  | { code: 'site.exists'; site: Site };

export const MAX_SITE_NAME = 80;

/** Adds a site to the current campaign. Names are unique there, accents and case ignored. */
export async function addSite(deps: NeedsDeps, op: HrOperator, input: NewSite): Promise<Outcome<Site, SiteError>> {
  const campaign = await hrCampaign(deps, op);
  if (!campaign.ok) return campaign;
  const name = input.name.trim().replace(/\s+/g, ' ');
  if (fold(name) === '') return fail({ code: 'site.name_missing' });
  if (name.length > MAX_SITE_NAME) return fail({ code: 'site.name_too_long', max: MAX_SITE_NAME });
  if (input.beneficiaries !== null && (!Number.isSafeInteger(input.beneficiaries) || input.beneficiaries < 0 || input.beneficiaries > 1_000_000)) {
    return fail({ code: 'site.bad_beneficiaries' });
  }
  const place = input.place?.trim().slice(0, 120) || null;
  const contact = input.contact?.trim().slice(0, 200) || null;
  const { site, created } = await deps.store.addSite(campaign.value.id, { name, place, beneficiaries: input.beneficiaries, contact }, operatorLabel(op));
  return created ? done(site) : fail({ code: 'site.exists', site });
}

export async function listSites(deps: NeedsDeps, op: HrOperator): Promise<Outcome<{ campaign: Campaign; sites: Site[] }, Common>> {
  const campaign = await hrCampaign(deps, op);
  if (!campaign.ok) return campaign;
  return done({ campaign: campaign.value, sites: await deps.store.sites(campaign.value.id) });
}

export type NeedError = Common | RowError | { code: 'need.below_pledged'; pledged: number };

/** Adds a need, or sets the quantity of the same item and size at that site (never below what is pledged). */
export async function addNeed(deps: NeedsDeps, op: HrOperator, fields: NeedFields): Promise<Outcome<{ need: Need; created: boolean }, NeedError>> {
  const campaign = await hrCampaign(deps, op);
  if (!campaign.ok) return campaign;
  const checked = checkNeed(fields, await deps.store.sites(campaign.value.id), campaign.value.currency);
  if (!checked.ok) return checked;
  const stored = await deps.store.upsertNeed(checked.value);
  return 'belowPledged' in stored ? fail({ code: 'need.below_pledged', pledged: stored.belowPledged }) : done(stored);
}

export type ImportError = Common | CsvError | ImportRowError;

/** The whole file or nothing: every row is checked, then stored in one transaction. */
export async function importNeeds(deps: NeedsDeps, op: HrOperator, text: string): Promise<Outcome<{ created: number; updated: number }, ImportError>> {
  const campaign = await hrCampaign(deps, op);
  if (!campaign.ok) return campaign;
  const rows = readNeedsCsv(text, await deps.store.sites(campaign.value.id), campaign.value.currency);
  if (!rows.ok) return rows;
  const stored = await deps.store.importNeeds(campaign.value.id, rows.value);
  return 'code' in stored ? fail(stored) : done(stored);
}

export interface SiteNeeds {
  site: Site;
  needs: Need[];
  /** Every need of the site fully pledged. */
  covered: boolean;
}

export interface NeedsOverview {
  campaign: Campaign;
  sites: SiteNeeds[];
  totals: { needed: number; pledged: number; received: number; missing: number };
  /** The money pledged, counted in items of the shortest priced need (null without unit prices). */
  inItems: { pledgedMinor: Minor; need: Need; count: number } | null;
}

/** Needs with their totals, site by site (sites without needs included). Totals only: no names. */
export async function needsOverview(
  deps: Pick<NeedsDeps, 'store' | 'campaigns' | 'clock' | 'timeZone'>,
): Promise<Outcome<NeedsOverview, { code: 'campaign.none' }>> {
  const campaign = await needsCampaign(deps);
  if (!campaign) return fail({ code: 'campaign.none' });
  const [sites, needs, money] = await Promise.all([deps.store.sites(campaign.id), deps.store.needs(campaign.id), deps.campaigns.totals(campaign.id)]);
  const asItems = moneyAsItems(money.pledgedMinor, needs);
  const bySite = sites.map((site) => {
    const own = needs.filter((n) => n.siteId === site.id);
    return { site, needs: own, covered: own.length > 0 && own.every((n) => missing(n) === 0) };
  });
  const sum = (f: (n: Need) => number) => needs.reduce((a, n) => a + f(n), 0);
  return done({
    campaign,
    sites: bySite,
    totals: { needed: sum((n) => n.quantity), pledged: sum((n) => n.pledged), received: sum((n) => n.received), missing: sum(missing) },
    inItems: asItems && { pledgedMinor: money.pledgedMinor, ...asItems },
  });
}

/** A need as the public API shows it: totals only, never a name. */
export interface PublicNeed {
  site: string;
  item: string;
  label: string;
  size: string | null;
  needed: number;
  pledged: number;
  received: number;
}

export async function publicNeeds(deps: Pick<NeedsDeps, 'store'>, campaignId: string): Promise<PublicNeed[]> {
  const needs = await deps.store.needs(campaignId);
  return needs.map((n) => ({
    site: n.siteName,
    item: n.itemKey,
    label: n.itemLabel,
    size: n.size,
    needed: n.quantity,
    pledged: n.pledged,
    received: n.received,
  }));
}

/** The digest's view of needs: the biggest shortfalls of a campaign, totals only. */
export async function biggestShortfalls(deps: Pick<NeedsDeps, 'store'>, campaignId: string, limit: number) {
  return shortfalls(await deps.store.needs(campaignId))
    .slice(0, limit)
    .map((n) => ({ site: n.siteName, missing: missing(n), itemKey: n.itemKey, itemLabel: n.itemLabel, size: n.size }));
}

/** What the volunteers load for one site: items received, by item and size. `site.not_found` when not the campaign's. */
export async function loadingList(deps: Pick<NeedsDeps, 'store' | 'campaigns'>, campaignId: string, siteId: number) {
  const campaign = await deps.campaigns.get(campaignId);
  const site = campaign ? (await deps.store.sites(campaign.id)).find((s) => s.id === siteId) : undefined;
  if (!campaign || !site) return fail({ code: 'site.not_found' as const });
  return done({ campaign, site, lines: await deps.store.loadingList(site.id) });
}
