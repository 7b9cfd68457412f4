/**
 * The daily digest: where the fund stands, what changed since the previous digest, days left and
 * volunteer seats. A day without change gets two short lines instead of the full picture. Totals
 * only: no name, no personal data, anonymous pledges are just numbers among others.
 */
import type { Campaign, CampaignTotals } from '../campaigns/campaign.js';
import type { OutgoingMessage } from '../messaging/ports.js';
import { addDays, daysBetween } from '../shared/clock.js';
import type { Catalogue } from '../shared/i18n/index.js';
import { percentOf } from '../shared/money.js';
import { progressLine } from '../shared/progress.js';
import { personText } from '../chat/text.js';

/** A need still short, for the digest: totals only. */
export interface Shortfall {
  site: string;
  missing: number;
  itemKey: string;
  itemLabel: string;
  size: string | null;
}

export type DigestKind = 'daily' | 'closing';

/** What a digest showed, kept so that the next one can say what changed. */
export interface DigestSnapshot {
  day: string;
  kind: DigestKind;
  totals: CampaignTotals;
}

export interface DigestInput {
  campaign: Campaign;
  totals: CampaignTotals;
  /** The campaign day the digest is for, `YYYY-MM-DD`. */
  today: string;
  kind: DigestKind;
  previous: DigestSnapshot | null;
  seats: { filled: number; capacity: number } | null;
  /** The biggest in-kind shortfalls ("Imzer : encore 12 couvertures"); empty when nothing is short. */
  shortfalls?: readonly Shortfall[] | undefined;
}

function shortfallLines(c: Catalogue, shortfalls: readonly Shortfall[] | undefined): string[] {
  if (!shortfalls || shortfalls.length === 0) return [];
  return ['', c.needs.digestTitle, ...shortfalls.map((s) => `• ${c.needs.shortfall(s.site, s.missing, s)}`)];
}

/** Which digest `today` calls for: daily while the campaign runs, closing the day after it ends, else none. */
export function digestKindFor(campaign: Pick<Campaign, 'startsOn' | 'endsOn'>, today: string): DigestKind | null {
  if (today >= campaign.startsOn && today <= campaign.endsOn) return 'daily';
  if (today === addDays(campaign.endsOn, 1)) return 'closing';
  return null;
}

const sameTotals = (a: CampaignTotals, b: CampaignTotals) =>
  a.pledgedMinor === b.pledgedMinor && a.collectedMinor === b.collectedMinor && a.donors === b.donors && a.pledges === b.pledges;

export function digestMessage(c: Catalogue, input: DigestInput): OutgoingMessage {
  const { campaign, totals, previous, today } = input;
  const d = c.broadcasts.digest;
  const percent = percentOf(totals.pledgedMinor, campaign.goalMinor);
  const progress = c.campaign.progress(totals.pledgedMinor, campaign.goalMinor, campaign.currency, percent);
  const daysLeft = c.campaign.daysLeft(daysBetween(today, campaign.endsOn));
  const since = previous && (previous.day === addDays(today, -1) ? d.yesterday : d.sinceDay(previous.day));
  if (input.kind === 'daily' && previous && since && sameTotals(previous.totals, totals)) {
    return {
      kind: 'message',
      tone: 'info',
      headline: `☀️ ${d.headline(personText(campaign.name))}`,
      lines: [`${d.noChange(since)} ${progress}`, daysLeft, ...shortfallLines(c, input.shortfalls)],
    };
  }
  const change =
    previous && since
      ? d.change(since, totals.pledgedMinor - previous.totals.pledgedMinor, totals.donors - previous.totals.donors, campaign.currency)
      : input.kind === 'daily' && totals.pledges > 0
        ? d.first
        : null;
  const seats = input.seats ? d.seats(input.seats.filled, input.seats.capacity) : null;
  const body = [
    progress,
    progressLine(percent, c.locale),
    c.campaign.counts(totals.donors, totals.pledges, totals.collectedMinor, campaign.currency),
    ...(change ? [change] : []),
    ...(seats ? [seats] : []),
    ...(input.kind === 'daily' ? shortfallLines(c, input.shortfalls) : []),
  ];
  if (input.kind === 'closing') {
    return { kind: 'message', tone: 'ok', headline: `🏁 ${d.closingHeadline(personText(campaign.name))}`, lines: [d.closingThanks, '', ...body] };
  }
  return { kind: 'message', tone: 'info', headline: `☀️ ${d.headline(personText(campaign.name))}`, lines: [...body, daysLeft] };
}

/** Implementations: db/repositories/digests.ts. */
export interface DigestStore {
  /**
   * Claims the campaign's digest for `snapshot.day` and keeps the totals it shows. False when that day
   * was already claimed (another instance, a restart, a second cron firing): post nothing then.
   */
  claim(campaignId: string, snapshot: DigestSnapshot): Promise<boolean>;
  /** The latest digest before `day`, if any. */
  previous(campaignId: string, day: string): Promise<DigestSnapshot | null>;
}
