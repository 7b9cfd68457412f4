import { isCalendarDay } from '../shared/clock.js';
import type { Minor } from '../shared/money.js';
import { err, ok, type Result } from '../shared/result.js';

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

export interface NewCampaign {
  name: string;
  currency: string;
  goalMinor: Minor;
  startsOn: string;
  endsOn: string;
}

export type CampaignError =
  | 'campaign.name_missing'
  | 'campaign.name_too_long'
  | 'campaign.bad_currency'
  | 'campaign.bad_date'
  | 'campaign.ends_before_start'
  | 'campaign.goal_not_positive';

export function validateNewCampaign(input: NewCampaign): Result<NewCampaign, CampaignError> {
  const name = input.name.trim();
  if (name === '') return err('campaign.name_missing');
  if (name.length > 120) return err('campaign.name_too_long');
  const currency = input.currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) return err('campaign.bad_currency');
  if (!isCalendarDay(input.startsOn) || !isCalendarDay(input.endsOn)) return err('campaign.bad_date');
  if (input.endsOn < input.startsOn) return err('campaign.ends_before_start');
  if (input.goalMinor <= 0) return err('campaign.goal_not_positive');
  return ok({ ...input, name, currency });
}

/** Where `today` stands relative to a campaign's window. */
export type CampaignPhase = 'upcoming' | 'running' | 'ended';

export function phaseOf(campaign: Pick<Campaign, 'startsOn' | 'endsOn'>, today: string): CampaignPhase {
  if (today < campaign.startsOn) return 'upcoming';
  if (today > campaign.endsOn) return 'ended';
  return 'running';
}
