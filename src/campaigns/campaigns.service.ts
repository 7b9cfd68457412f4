import { localDay } from '../shared/clock.js';
import { err, ok, type Result } from '../shared/result.js';
import type { CampaignDeps } from './ports.js';
import { phaseOf, validateNewCampaign, type Campaign, type CampaignError, type CampaignTotals, type NewCampaign } from './campaign.js';

export interface CampaignProgress {
  campaign: Campaign;
  totals: CampaignTotals;
  phase: ReturnType<typeof phaseOf>;
  today: string;
}

/** Creates a campaign after checking its name, currency, window and goal. */
export async function createCampaign(deps: Pick<CampaignDeps, 'campaigns'>, input: NewCampaign): Promise<Result<Campaign, CampaignError>> {
  const valid = validateNewCampaign(input);
  if (!valid.ok) return valid;
  return ok(await deps.campaigns.create(valid.value));
}

export function today(deps: Pick<CampaignDeps, 'clock' | 'timeZone'>): string {
  return localDay(deps.clock.now(), deps.timeZone);
}

/**
 * The running campaign (or the one that just ended, for the thank-you period) with its totals.
 * `campaign.none` when there is neither; `details.opensOn` names the next one when it is planned.
 */
export async function currentProgress(deps: CampaignDeps): Promise<Result<CampaignProgress, 'campaign.none'>> {
  const day = today(deps);
  const campaign = await deps.campaigns.current(day);
  if (!campaign) {
    const next = await deps.campaigns.upcoming(day);
    return next ? err('campaign.none', { opensOn: next.startsOn, name: next.name }) : err('campaign.none');
  }
  const totals = await deps.campaigns.totals(campaign.id);
  return ok({ campaign, totals, phase: phaseOf(campaign, day), today: day });
}
