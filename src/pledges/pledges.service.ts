import { currentProgress, today } from '../campaigns/campaigns.service.js';
import type { Campaign, CampaignClosed, CampaignTotals, NoCampaign } from '../campaigns/campaign.js';
import type { Identity, NewPledge, Person, PledgeChange } from '../ports.js';
import { checkPledgeRange, parseAmount, unreadIn, type AmountError } from '../shared/amount.js';
import type { Minor } from '../shared/money.js';
import { err, ok, type Coded, type Result } from '../shared/result.js';
import type { HrOperator } from '../chat/actor.js';
import type { PledgeDeps } from './ports.js';
import { checkNote, decideCancel, decideCollect, type NoteTooLong, type Pledge, type TransitionError } from './pledge.js';

export type PledgeError = AmountError | NoteTooLong | NoCampaign | CampaignClosed;

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

/**
 * Checks an amount as typed against the pledge limits, without recording anything. `currency` is the
 * campaign's: the amount may be written in it (`500 €`), not in another, and a refusal names the limit in it.
 */
export function understandAmount(deps: Pick<PledgeDeps, 'limits'>, amount: string | Minor, currency: string): Result<Minor, AmountError> {
  const parsed = typeof amount === 'string' ? parseAmount(amount, currency) : ok(amount);
  if (parsed.ok) return checkPledgeRange(parsed.value, deps.limits, currency);
  // An absurdly long number is refused with the same words as every amount over the maximum.
  return err(parsed.error.code === 'amount.too_long' ? { code: 'amount.too_large', max: deps.limits.max, currency } : unreadIn(parsed.error, currency));
}

/** The currency pledges are counted in today: the current campaign's, else the configured one. */
export async function pledgeCurrency(deps: Pick<PledgeDeps, 'campaigns' | 'clock' | 'timeZone' | 'limits'>): Promise<string> {
  return (await deps.campaigns.current(today(deps)))?.currency ?? deps.limits.currency;
}

/**
 * Records a pledge in the current campaign.
 * Errors: `amount.*` (with the limit and the currency), `pledge.note_too_long`, `campaign.none`,
 * `campaign.not_started` / `campaign.ended` (with the campaign whose days they are).
 */
export async function makePledge(deps: PledgeDeps, input: PledgeInput): Promise<Result<PledgeReceipt, PledgeError>> {
  const checked = await checkPledge(deps, input);
  if (!checked.ok) return checked;
  const { campaign, fields } = checked.value;
  const change = await deps.pledges.record({ ...fields, personId: input.personId });
  return ok(settlePledge(deps, campaign, change));
}

/**
 * `makePledge` for someone met for the first time (or not lately): the person behind `identity` is
 * found or created by the pledge's own statement, and comes back with the receipt. Same errors; on
 * an error nothing is written, not even the person.
 */
export async function makePledgeAs(
  deps: PledgeDeps,
  identity: Identity,
  input: Omit<PledgeInput, 'personId'>,
): Promise<Result<PledgeReceipt & { person: Person }, PledgeError>> {
  const checked = await checkPledge(deps, input);
  if (!checked.ok) return checked;
  const { campaign, fields } = checked.value;
  const change = await deps.pledges.recordAs(identity, fields);
  return ok({ ...settlePledge(deps, campaign, change), person: change.person });
}

/** Everything a pledge is checked for before it is written: the amount, the note, the campaign's days. */
async function checkPledge(
  deps: PledgeDeps,
  input: Omit<PledgeInput, 'personId'>,
): Promise<Result<{ campaign: Campaign; fields: Omit<NewPledge, 'personId'> }, PledgeError>> {
  const day = today(deps);
  const campaign = await deps.campaigns.current(day);
  const amount = understandAmount(deps, input.amount, campaign?.currency ?? deps.limits.currency);
  if (!amount.ok) return amount;
  const note = checkNote(input.note);
  if (!note.ok) return note;
  if (!campaign) {
    const next = await deps.campaigns.upcoming(day);
    if (next) return err({ code: 'campaign.not_started', campaign: next });
    return err({ code: 'campaign.none' });
  }
  if (day < campaign.startsOn) return err({ code: 'campaign.not_started', campaign });
  if (day > campaign.endsOn) {
    const next = await deps.campaigns.upcoming(day);
    if (next) return err({ code: 'campaign.not_started', campaign: next });
    return err({ code: 'campaign.ended', campaign });
  }
  const fields = {
    campaignId: campaign.id,
    amountMinor: amount.value,
    anonymous: input.anonymous,
    note: note.value,
    source: input.source,
    idempotencyKey: input.idempotencyKey,
  };
  return ok({ campaign, fields });
}

/** Tells the listeners about a new pledge (not a repeated one) and makes the receipt. */
function settlePledge(deps: PledgeDeps, campaign: Campaign, change: PledgeChange & { duplicate: boolean }): PledgeReceipt {
  if (!change.duplicate) notifyTotals(deps, campaign, change);
  return { pledge: change.pledge, campaign, totals: change.after, duplicate: change.duplicate };
}

/** The caller's own pledges in the current campaign, newest first. */
export async function myPledges(deps: PledgeDeps, personId: string): Promise<Result<{ campaign: Campaign; pledges: Pledge[] }, NoCampaign>> {
  const progress = await currentProgress(deps);
  if (!progress.ok) return progress;
  const pledges = await deps.pledges.listByPerson(progress.value.campaign.id, personId);
  return ok({ campaign: progress.value.campaign, pledges });
}

export type ChangeError = TransitionError | Coded<'pledge.not_found'>;

/** A settled change, with the campaign it belongs to (for its currency and the listeners). */
export type SettledChange = PledgeChange & { campaign: Campaign };

/** The author cancels pledge `#id`; its amount leaves the totals. */
export async function cancelPledge(deps: PledgeDeps, personId: string, id: number): Promise<Result<SettledChange, ChangeError>> {
  const result = await deps.pledges.transition(id, (p) => decideCancel(p, personId));
  // Someone else's pledge is reported as not found: its existence is none of the caller's business.
  if (!result.ok && result.error.code === 'pledge.not_yours') return err({ code: 'pledge.not_found' });
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
