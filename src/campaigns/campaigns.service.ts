import { localDay } from '../shared/clock.js';
import { err, ok, type Result } from '../shared/result.js';
import { type Campaign, type CampaignError, type CampaignTotals, type NewCampaign, type NoCampaign, phaseOf, validateNewCampaign } from './campaign.js';
import type { CampaignDeps } from './ports.js';

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

/** Why there is no campaign on `day`: none at all, or the next one planned. */
export async function noCampaign(deps: Pick<CampaignDeps, 'campaigns'>, day: string): Promise<NoCampaign> {
  return { code: 'campaign.none', upcoming: (await deps.campaigns.upcoming(day)) ?? undefined };
}

/**
 * The running campaign (or the one that just ended, for the thank-you period) with its totals.
 * `campaign.none` when there is neither, with the next one when it is planned.
 */
export async function currentProgress(deps: CampaignDeps): Promise<Result<CampaignProgress, NoCampaign>> {
  const day = today(deps);
  const campaign = await deps.campaigns.current(day);
  if (!campaign) return err(await noCampaign(deps, day));
  const totals = await deps.campaigns.totals(campaign.id);
  return ok({ campaign, totals, phase: phaseOf(campaign, day), today: day });
}
