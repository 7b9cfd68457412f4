import { isCalendarDay } from '../shared/clock.js';
import type { Minor } from '../shared/money.js';
import { err, ok, type Coded, type Result } from '../shared/result.js';

export interface Campaign {
  id: string;
  name: string;
  currency: string;
  goalMinor: Minor;
  /** First and last day, inclusive, in the campaign timezone. */
  startsOn: string;
  endsOn: string;
  createdAt: Date;
}

export interface CampaignTotals {
  pledgedMinor: Minor;
  collectedMinor: Minor;
  donors: number;
  pledges: number;
}

/** HR's change of the goal and last day (already checked), with who made it (`operatorLabel`) and when. */
export interface GoalChange {
  goalMinor: Minor;
  endsOn: string;
  by: string;
  at: Date;
}

/** A change of the goal as it was recorded. */
export interface GoalChangeRecord {
  fromMinor: Minor;
  toMinor: Minor;
  /** `platform:userId`, or `cli` for the console. */
  by: string;
  /** The name stored for that person, when the bot knows one. */
  byName: string | null;
  at: Date;
}

/**
 * What the goal change leaves to the core, run inside its transaction: the campaign as it now is, its
 * totals, and the milestones to claim in the same transaction.
 */
export type GoalSettle = (campaign: Campaign, totals: CampaignTotals, milestones: GoalMilestones) => Promise<void>;

/** The part of the milestone store (src/milestones/milestones.ts) a goal change uses, on its transaction. */
export interface GoalMilestones {
  amounts(campaignId: string): Promise<Minor[]>;
  claim(campaignId: string, keys: readonly string[], at: Date): Promise<string[]>;
}

export interface NewCampaign {
  name: string;
  currency: string;
  goalMinor: Minor;
  startsOn: string;
  endsOn: string;
}

export type CampaignError = Coded<
  | 'campaign.name_missing'
  | 'campaign.name_too_long'
  | 'campaign.bad_currency'
  | 'campaign.bad_date'
  | 'campaign.ends_before_start'
  | 'campaign.goal_not_positive'
>;

/** No campaign runs (nor just ended); `upcoming` is the next one, when one is planned. */
export interface NoCampaign {
  readonly code: 'campaign.none';
  readonly upcoming?: Campaign | undefined;
}

/** Outside a campaign's days: `campaign` is the one that has not started yet, or the one that ended. */
export type CampaignClosed =
  { readonly code: 'campaign.not_started'; readonly campaign: Campaign } | { readonly code: 'campaign.ended'; readonly campaign: Campaign };

export function validateNewCampaign(input: NewCampaign): Result<NewCampaign, CampaignError> {
  const name = input.name.trim();
  if (name === '') return err({ code: 'campaign.name_missing' });
  if (name.length > 120) return err({ code: 'campaign.name_too_long' });
  const currency = input.currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) return err({ code: 'campaign.bad_currency' });
  if (!isCalendarDay(input.startsOn) || !isCalendarDay(input.endsOn)) return err({ code: 'campaign.bad_date' });
  if (input.endsOn < input.startsOn) return err({ code: 'campaign.ends_before_start' });
  if (input.goalMinor <= 0) return err({ code: 'campaign.goal_not_positive' });
  return ok({ ...input, name, currency });
}

/** Where `today` stands relative to a campaign's window. */
export type CampaignPhase = 'upcoming' | 'running' | 'ended';

export function phaseOf(campaign: Pick<Campaign, 'startsOn' | 'endsOn'>, today: string): CampaignPhase {
  if (today < campaign.startsOn) return 'upcoming';
  if (today > campaign.endsOn) return 'ended';
  return 'running';
}
