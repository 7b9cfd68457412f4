/**
 * Milestones: 25, 50, 75 and 100 % of the goal, plus amounts HR adds. A pledge that moves the
 * pledged total from below a milestone to at or above it crosses it. Pure rules and the message.
 */
import type { Campaign, CampaignTotals } from '../campaigns/campaign.js';
import type { OutgoingMessage } from '../messaging/ports.js';
import type { Catalogue } from '../shared/i18n/index.js';
import { minor, percentOf, type Minor } from '../shared/money.js';
import { progressLine } from '../shared/progress.js';
import { personText } from '../chat/text.js';

export const DEFAULT_PERCENTS: readonly number[] = [25, 50, 75, 100];

export interface Milestone {
  /** Stable id of the milestone in its campaign: `pct:50` or `amount:15000000`. */
  key: string;
  amountMinor: Minor;
  /** Set for the percentage milestones. */
  percent: number | null;
}

/** The campaign's milestones, lowest first: percentages of the goal (rounded up to the centime) and HR's amounts. */
export function milestonesFor(goal: Minor, hrAmounts: readonly Minor[]): Milestone[] {
  const percents = DEFAULT_PERCENTS.map((p) => ({
    key: `pct:${p}`,
    amountMinor: minor(Math.ceil((goal * p) / 100)),
    percent: p,
  }));
  const amounts = hrAmounts.map((a) => ({ key: `amount:${a}`, amountMinor: a, percent: null }));
  return [...percents, ...amounts].sort((a, b) => a.amountMinor - b.amountMinor || a.key.localeCompare(b.key));
}

/** The milestones a change from `before` to `after` (pledged totals) crossed upwards. */
export function crossed(milestones: readonly Milestone[], before: Minor, after: Minor): Milestone[] {
  return milestones.filter((m) => before < m.amountMinor && m.amountMinor <= after);
}

/** One message for every milestone reached at once; totals only, nobody is named. */
export function milestoneMessage(c: Catalogue, campaign: Campaign, reached: readonly Milestone[], totals: CampaignTotals): OutgoingMessage {
  const percent = percentOf(totals.pledgedMinor, campaign.goalMinor);
  const items = reached.map(
    (m) => `✅ ${m.percent !== null ? c.broadcasts.milestone.percent(m.percent) : c.broadcasts.milestone.amount(m.amountMinor, campaign.currency)}`,
  );
  return {
    kind: 'message',
    tone: 'ok',
    headline: `🎉 ${c.broadcasts.milestone.headline(reached.length)} — ${personText(campaign.name)}`,
    lines: [
      ...items,
      '',
      c.campaign.progress(totals.pledgedMinor, campaign.goalMinor, campaign.currency, percent),
      progressLine(percent, c.locale),
      c.campaign.counts(totals.donors, totals.pledges, totals.collectedMinor, campaign.currency),
      c.broadcasts.milestone.thanks,
    ],
  };
}

/** Implementations: db/repositories/milestones.ts. */
export interface MilestoneStore {
  /** HR adds an amount; `added: false` when it already existed. */
  addAmount(campaignId: string, amount: Minor, addedBy: string): Promise<{ added: boolean }>;
  amounts(campaignId: string): Promise<Minor[]>;
  /**
   * Claims each milestone key once for all time (a unique row): returns the keys this call claimed,
   * so that two pledges crossing the same milestone at once announce it once.
   */
  claim(campaignId: string, keys: readonly string[], at: Date): Promise<string[]>;
  /** Keys already claimed (reached at some point). */
  claimed(campaignId: string): Promise<string[]>;
  /**
   * The campaign's goal as stored, null when there is no such campaign. Inside a messaging
   * transaction it is also held until the transaction ends (HR's change of goal waits), so the
   * milestones claimed there are those of that goal.
   */
  goal(campaignId: string): Promise<Minor | null>;
}
