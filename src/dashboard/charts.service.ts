/**
 * The numbers behind the chart images in the digest and milestone posts: progress toward the goal
 * and pledges per day since the campaign opened. Totals only, like the posts themselves.
 */
import type { Campaign, CampaignTotals } from '../campaigns/campaign.js';
import { today } from '../campaigns/campaigns.service.js';
import { percentOf, ZERO, type Minor } from '../shared/money.js';
import type { DashboardFeatureDeps, PledgeDay } from './ports.js';

export interface ChartData {
  campaign: Pick<Campaign, 'name' | 'currency' | 'goalMinor'>;
  totals: CampaignTotals;
  percent: number;
  /** Every day from the opening to today (or the end), zeros included. */
  days: Array<{ day: string; pledgedMinor: Minor; pledges: number }>;
}

/** One entry per day from `from` to `to`, zeros where nobody pledged (at most a year). */
export function everyDay(days: readonly PledgeDay[], from: string, to: string): PledgeDay[] {
  const byDay = new Map(days.map((d) => [d.day, d]));
  const out: PledgeDay[] = [];
  for (let at = new Date(`${from}T12:00:00Z`); out.length < 366; at = new Date(at.getTime() + 86_400_000)) {
    const day = at.toISOString().slice(0, 10);
    if (day > to) break;
    out.push(byDay.get(day) ?? { day, pledges: 0, donors: 0, pledgedMinor: ZERO, collectedMinor: ZERO });
  }
  return out;
}

export async function chartData(deps: DashboardFeatureDeps, campaignId: string): Promise<ChartData | null> {
  const campaign = await deps.campaigns.get(campaignId);
  if (!campaign) return null;
  const [totals, days] = await Promise.all([deps.campaigns.totals(campaignId), deps.dashboard.stats.pledgeDays(campaignId, deps.timeZone)]);
  const day = today(deps);
  const to = day < campaign.endsOn ? day : campaign.endsOn;
  const first = days[0]?.day;
  const from = first !== undefined && first < campaign.startsOn ? first : campaign.startsOn;
  const last = days.at(-1)?.day;
  return {
    campaign: { name: campaign.name, currency: campaign.currency, goalMinor: campaign.goalMinor },
    totals,
    percent: percentOf(totals.pledgedMinor, campaign.goalMinor),
    days: everyDay(days, from, last !== undefined && last > to ? last : to).map((d) => ({ day: d.day, pledgedMinor: d.pledgedMinor, pledges: d.pledges })),
  };
}
