/**
 * HR changes the current campaign's goal and, optionally, its last day. Milestones stay announced
 * once: their keys (`pct:50`) are claimed for all time, and any milestone the new goal puts at or
 * below what is already pledged is claimed silently in the change's own transaction, so it is never
 * announced late (not even after a crash between the two). Who changed the goal and when is kept.
 */
import { operatorLabel, type HrOperator } from '../chat/actor.js';
import { milestonesFor } from '../milestones/milestones.js';
import { parseAmount, unreadIn, type AmountUnread } from '../shared/amount.js';
import { isCalendarDay } from '../shared/clock.js';
import type { Minor } from '../shared/money.js';
import { err, ok, type Coded, type Result } from '../shared/result.js';
import type { Campaign, CampaignTotals, GoalChangeRecord, GoalSettle, NoCampaign } from './campaign.js';
import { noCampaign, today } from './campaigns.service.js';
import type { CampaignDeps } from './ports.js';

export type GoalDeps = CampaignDeps;

/** What HR typed: the goal as an amount is written (`200 000`, `200.000,00`), and a new last day or '' to keep it. */
export interface GoalInput {
  goal: string;
  endsOn: string;
}

export type GoalError =
  | AmountUnread
  | NoCampaign
  | Coded<'goal.bad_date'>
  | { readonly code: 'goal.ends_before_today'; readonly today: string }
  | { readonly code: 'goal.ends_before_start'; readonly startsOn: string };

export interface GoalChanged {
  before: Campaign;
  campaign: Campaign;
  totals: CampaignTotals;
}

/** Checks a goal change against the campaign without storing anything. */
function checkGoal(campaign: Campaign, input: GoalInput, day: string): Result<{ goalMinor: Minor; endsOn: string }, GoalError> {
  const goal = parseAmount(input.goal, campaign.currency);
  if (!goal.ok) return err(unreadIn(goal.error, campaign.currency));
  const endsOn = input.endsOn.trim() === '' ? campaign.endsOn : input.endsOn.trim();
  if (endsOn !== campaign.endsOn) {
    if (!isCalendarDay(endsOn)) return err({ code: 'goal.bad_date' });
    if (endsOn < campaign.startsOn) return err({ code: 'goal.ends_before_start', startsOn: campaign.startsOn });
    if (endsOn < day) return err({ code: 'goal.ends_before_today', today: day });
  }
  return ok({ goalMinor: goal.value, endsOn });
}

/**
 * Sets the current campaign's goal (and last day when given). Only HR (`requireHr`) or the console.
 * The last day, when it changes, is a real day, not before the start nor before today in the
 * campaign's time zone. Errors: `amount.*`, `campaign.none`, `goal.*`; nothing changes on any of them.
 */
export async function changeGoal(deps: GoalDeps, by: HrOperator, input: GoalInput): Promise<Result<GoalChanged, GoalError>> {
  const day = today(deps);
  const current = await deps.campaigns.current(day);
  if (!current) return err(await noCampaign(deps, day));
  const checked = checkGoal(current, input, day);
  if (!checked.ok) return checked;
  const at = deps.clock.now();
  // `before` is the campaign as the change found it (locked), not the kept answer, which another
  // instance's change may have made a few seconds stale: the answer and the record say the same.
  const changed = await deps.campaigns.changeGoal(current.id, { ...checked.value, by: operatorLabel(by), at }, claimPassed(at));
  if (!changed) return err({ code: 'campaign.none' });
  return ok(changed);
}

/** Claims, silently, every milestone of the new goal already at or below what is pledged. */
function claimPassed(at: Date): GoalSettle {
  return async (campaign, totals, milestones) => {
    const passed = milestonesFor(campaign.goalMinor, await milestones.amounts(campaign.id)).filter((m) => m.amountMinor <= totals.pledgedMinor);
    if (passed.length > 0)
      await milestones.claim(
        campaign.id,
        passed.map((m) => m.key),
        at,
      );
  };
}

/** The current campaign with the last recorded change of its goal, for HR's goal form. */
export async function goalWithHistory(deps: GoalDeps, day: string): Promise<{ campaign: Campaign; lastChange: GoalChangeRecord | null } | null> {
  const campaign = await deps.campaigns.current(day);
  return campaign ? { campaign, lastChange: await deps.campaigns.lastGoalChange(campaign.id) } : null;
}
