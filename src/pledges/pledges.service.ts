import { currentProgress, today } from '../campaigns/campaigns.service.js';
import type { Campaign, CampaignTotals } from '../campaigns/campaign.js';
import type { PledgeChange } from '../ports.js';
import { checkPledgeRange, parseAmount, type AmountError } from '../shared/amount.js';
import type { Minor } from '../shared/money.js';
import { err, ok, type Result } from '../shared/result.js';
import type { HrOperator } from '../chat/actor.js';
import type { PledgeDeps } from './ports.js';
import { checkNote, decideCancel, decideCollect, type Pledge, type TransitionError } from './pledge.js';

export type PledgeError = AmountError | 'pledge.note_too_long' | 'campaign.none' | 'campaign.not_started' | 'campaign.ended';

export interface PledgeInput {
  personId: string;
  /** What the person typed, or an amount already in centimes. */
  amount: string | Minor;
  anonymous: boolean;
  note: string | null;
  source: Pledge['source'];
  idempotencyKey: string | null;
}

export interface PledgeReceipt {
  pledge: Pledge;
  campaign: Campaign;
  totals: CampaignTotals;
  duplicate: boolean;
}

/** Checks an amount as typed against the pledge limits, without recording anything (forms validate with it). */
export function understandAmount(deps: Pick<PledgeDeps, 'limits'>, amount: string | Minor): Result<Minor, AmountError> {
  const parsed = typeof amount === 'string' ? parseAmount(amount) : ok(amount);
  if (parsed.ok) return checkPledgeRange(parsed.value, deps.limits);
  // An absurdly long number is refused with the same words as every amount over the maximum.
  return parsed.error === 'amount.too_large' ? err('amount.too_large', { max: deps.limits.max }) : parsed;
}

/**
 * Records a pledge in the current campaign.
 * Errors: `amount.*` (with `min`/`max`), `pledge.note_too_long`, `campaign.none`,
 * `campaign.not_started` / `campaign.ended` (with `startsOn`, `endsOn`).
 */
export async function makePledge(deps: PledgeDeps, input: PledgeInput): Promise<Result<PledgeReceipt, PledgeError>> {
  const amount = understandAmount(deps, input.amount);
  if (!amount.ok) return amount;
  const note = checkNote(input.note);
  if (!note.ok) return note;
  const day = today(deps);
  const campaign = await deps.campaigns.current(day);
  if (!campaign) {
    const next = await deps.campaigns.upcoming(day);
    if (next) return err('campaign.not_started', { startsOn: next.startsOn, endsOn: next.endsOn });
    return err('campaign.none');
  }
  if (day < campaign.startsOn) return err('campaign.not_started', { startsOn: campaign.startsOn, endsOn: campaign.endsOn });
  if (day > campaign.endsOn) {
    const next = await deps.campaigns.upcoming(day);
    if (next) return err('campaign.not_started', { startsOn: next.startsOn, endsOn: next.endsOn });
    return err('campaign.ended', { startsOn: campaign.startsOn, endsOn: campaign.endsOn });
  }
  const change = await deps.pledges.record({
    campaignId: campaign.id,
    personId: input.personId,
    amountMinor: amount.value,
    anonymous: input.anonymous,
    note: note.value,
    source: input.source,
    idempotencyKey: input.idempotencyKey,
  });
  if (!change.duplicate) notifyTotals(deps, campaign, change);
  return ok({ pledge: change.pledge, campaign, totals: change.after, duplicate: change.duplicate });
}

/** The caller's own pledges in the current campaign, newest first. */
export async function myPledges(deps: PledgeDeps, personId: string): Promise<Result<{ campaign: Campaign; pledges: Pledge[] }, 'campaign.none'>> {
  const progress = await currentProgress(deps);
  if (!progress.ok) return progress;
  const pledges = await deps.pledges.listByPerson(progress.value.campaign.id, personId);
  return ok({ campaign: progress.value.campaign, pledges });
}

export type ChangeError = TransitionError | 'pledge.not_found';

/** A settled change, with the campaign it belongs to (for its currency and the listeners). */
export type SettledChange = PledgeChange & { campaign: Campaign };

/** The author cancels pledge `#id`; its amount leaves the totals. */
export async function cancelPledge(deps: PledgeDeps, personId: string, id: number): Promise<Result<SettledChange, ChangeError>> {
  const result = await deps.pledges.transition(id, (p) => decideCancel(p, personId));
  // Someone else's pledge is reported as not found: its existence is none of the caller's business.
  if (!result.ok && result.error === 'pledge.not_yours') return err('pledge.not_found');
  return result.ok ? settle(deps, result.value) : result;
}

/** HR marks pledge `#id` as collected (the money was received); only HR, checked by `requireHr`, may. */
export async function collectPledge(deps: PledgeDeps, _by: HrOperator, id: number): Promise<Result<SettledChange, ChangeError>> {
  const result = await deps.pledges.transition(id, decideCollect);
  return result.ok ? settle(deps, result.value) : result;
}

/** Looks the campaign up once, tells the listeners, and hands it back to the caller. */
async function settle(deps: PledgeDeps, change: PledgeChange): Promise<Result<SettledChange, ChangeError>> {
  const campaign = await deps.campaigns.get(change.pledge.campaignId);
  if (!campaign) throw new Error(`pledge ${change.pledge.id} belongs to no campaign`);
  notifyTotals(deps, campaign, change);
  return ok({ ...change, campaign });
}

/**
 * Tells the listeners without waiting for them: what they do (the milestone check) comes after the
 * answer, and they hear their own failures.
 */
function notifyTotals(deps: PledgeDeps, campaign: Campaign, change: PledgeChange): void {
  for (const listener of deps.totalsListeners) void listener.totalsChanged(campaign, change).catch(() => undefined);
}
