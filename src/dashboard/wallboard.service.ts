/**
 * The office wallboard: a long-lived signed link HR hands to a screen, and what the screen shows.
 * Totals only: no name, no note, no amount of any one person, so the link can sit on a wall.
 */
import type { Campaign, CampaignTotals, NoCampaign } from '../campaigns/campaign.js';
import { currentProgress, today } from '../campaigns/campaigns.service.js';
import type { MessagingDeps, Shortfall } from '../messaging/deps.js';
import type { NeedsDeps } from '../needs/ports.js';
import type { PhotoDeps } from '../photos/ports.js';
import { biggestShortfalls } from '../needs/needs.service.js';
import { gallery } from '../photos/album.service.js';
import { percentOf, ZERO, type Minor } from '../shared/money.js';
import { err, ok, type Result } from '../shared/result.js';
import { checkSignedPath, signPath, type LinkCheck } from '../shared/signed-links.js';
import { milestonesFor } from '../milestones/milestones.js';
import type { HrActor } from '../chat/actor.js';
import type { DashboardFeatureDeps } from './ports.js';

/** A wall screen stays on for the campaign and a while after; HR revokes earlier when a link leaks. */
export const WALL_LINK_TTL_MS = 120 * 24 * 60 * 60 * 1000;
/** The slideshow shows this many of the newest approved photos at most. */
export const WALL_PHOTOS = 12;
/** How many of the biggest in-kind shortfalls the wall lists. */
export const WALL_NEEDS = 5;

export const wallPath = (campaignId: string) => `/wall/${campaignId}`;

/** The wall shows the totals, the milestones passed, the newest photos and the biggest shortfalls. */
export type WallDeps = DashboardFeatureDeps & { messaging: Pick<MessagingDeps, 'milestones'>; needs: NeedsDeps; photos: PhotoDeps };

/** The current campaign's wallboard link. `campaign.none` when there is no campaign. Only HR (`requireHr`). */
export async function wallboardLink(
  deps: DashboardFeatureDeps,
  _by: HrActor,
): Promise<Result<{ campaign: Campaign; url: string; expiresAt: Date }, NoCampaign>> {
  const progress = await currentProgress(deps);
  if (!progress.ok) return err({ code: 'campaign.none' });
  const { campaign } = progress.value;
  const expiresAt = new Date(deps.clock.now().getTime() + WALL_LINK_TTL_MS);
  const path = wallPath(campaign.id);
  const query = signPath(await deps.dashboard.wallKeys.key(campaign.id), path, expiresAt);
  return ok({ campaign, url: `${deps.dashboard.publicUrl}${path}?${query}`, expiresAt });
}

/** Every wallboard link of the current campaign stops working; a new one can be asked for at once. Only HR (`requireHr`). */
export async function revokeWallboard(deps: DashboardFeatureDeps, _by: HrActor): Promise<Result<{ campaign: Campaign }, NoCampaign>> {
  const progress = await currentProgress(deps);
  if (!progress.ok) return err({ code: 'campaign.none' });
  await deps.dashboard.wallKeys.rotate(progress.value.campaign.id);
  return ok({ campaign: progress.value.campaign });
}

export async function checkWallLink(deps: DashboardFeatureDeps, campaignId: string, exp: unknown, sig: unknown): Promise<LinkCheck> {
  return checkSignedPath(await deps.dashboard.wallKeys.key(campaignId), wallPath(campaignId), exp, sig, deps.clock.now());
}

export interface WallView {
  campaign: Pick<Campaign, 'id' | 'name' | 'currency' | 'goalMinor' | 'endsOn'>;
  totals: CampaignTotals;
  percent: number;
  today: { pledges: number; donors: number; pledgedMinor: Minor };
  /** The highest milestone reached so far, if any. */
  milestone: { percent: number | null; amountMinor: Minor } | null;
  /** Approved photo ids, newest first; the adapter signs their links. */
  photoIds: number[];
  /** In-kind needs still short, biggest first: site, item and count only, never who gives. */
  needs: Shortfall[];
}

/** What the wall shows for a campaign; null when the campaign does not exist. */
export async function wallView(deps: WallDeps, campaignId: string): Promise<WallView | null> {
  const campaign = await deps.campaigns.get(campaignId);
  if (!campaign) return null;
  const [totals, days, claimed, amounts, photos, needs] = await Promise.all([
    deps.campaigns.totals(campaignId),
    deps.dashboard.stats.pledgeDays(campaignId, deps.timeZone),
    deps.messaging.milestones.claimed(campaignId),
    deps.messaging.milestones.amounts(campaignId),
    gallery(deps, campaignId),
    biggestShortfalls(deps.needs, campaignId, WALL_NEEDS),
  ]);
  const day = today(deps);
  const todays = days.find((d) => d.day === day);
  const reached = new Set(claimed);
  const latest = milestonesFor(campaign.goalMinor, amounts)
    .filter((m) => reached.has(m.key))
    .at(-1);
  const { id, name, currency, goalMinor, endsOn } = campaign;
  return {
    campaign: { id, name, currency, goalMinor, endsOn },
    totals,
    percent: percentOf(totals.pledgedMinor, campaign.goalMinor),
    today: todays ? { pledges: todays.pledges, donors: todays.donors, pledgedMinor: todays.pledgedMinor } : { pledges: 0, donors: 0, pledgedMinor: ZERO },
    milestone: latest ? { percent: latest.percent, amountMinor: latest.amountMinor } : null,
    photoIds: (photos?.batches ?? []).flatMap((b) => b.photos.map((p) => p.id)).slice(0, WALL_PHOTOS),
    needs,
  };
}
