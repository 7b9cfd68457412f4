/**
 * Platform-neutral texts for pledge answers, built from the one catalogue. Adapters only lay these
 * lines out (Block Kit, Adaptive Cards); they never write user-facing words themselves.
 */
import type { NoCampaign } from '../campaigns/campaign.js';
import type { CampaignProgress } from '../campaigns/campaigns.service.js';
import type { Catalogue } from '../shared/i18n/index.js';
import { daysBetween } from '../shared/clock.js';
import { percentOf } from '../shared/money.js';
import { progressLine } from '../shared/progress.js';
import { message, type MessageReply } from '../chat/reply.js';
import type { ChangeError, PledgeError, PledgeReceipt } from './pledges.service.js';
import type { Pledge } from './pledge.js';
import { bold, personText } from '../chat/text.js';

export interface ProgressText {
  headline: string;
  lines: string[];
}

/** Amount, % of goal, a bar, counts, and where the calendar stands. */
export function progressText(c: Catalogue, p: CampaignProgress, extra: string[] = []): ProgressText {
  const { campaign, totals } = p;
  const percent = percentOf(totals.pledgedMinor, campaign.goalMinor);
  const when =
    p.phase === 'running'
      ? c.campaign.daysLeft(daysBetween(p.today, campaign.endsOn))
      : p.phase === 'ended'
        ? c.campaign.endedOn(campaign.endsOn)
        : c.campaign.startsOn(campaign.startsOn);
  return {
    headline: c.campaign.progressHeadline(personText(campaign.name)),
    lines: [
      c.campaign.progress(totals.pledgedMinor, campaign.goalMinor, campaign.currency, percent),
      progressLine(percent, c.locale),
      c.campaign.counts(totals.donors, totals.pledges, totals.collectedMinor, campaign.currency),
      ...extra,
      when,
    ],
  };
}

/** A recorded pledge (or the same one again): the amount as understood, then the campaign's progress. */
export function recordedReply(c: Catalogue, receipt: PledgeReceipt, today: string): MessageReply {
  const { pledge, campaign, totals, duplicate } = receipt;
  const first = duplicate
    ? c.pledge.duplicate(pledge.amountMinor, campaign.currency, pledge.id)
    : c.pledge.recorded(pledge.amountMinor, campaign.currency, pledge.id);
  // A pledge is only accepted while the campaign runs, so the progress needs no second look-up.
  const view = progressText(c, { campaign, totals, phase: 'running', today });
  return message('ok', [...(pledge.anonymous ? [c.pledge.recordedAnonymous] : []), '', bold(view.headline), ...view.lines], first);
}

/**
 * Why a pledge was refused, in the person's words. `typed` is what they wrote as the amount; `where`
 * they wrote it: a command's example is a command, a form's (the field takes a number) a number.
 */
export function pledgeErrorText(c: Catalogue, error: PledgeError, typed: string, where: 'command' | 'form' = 'command'): string {
  switch (error.code) {
    case 'amount.missing':
      return where === 'form' ? c.amount.missingInForm : c.amount.missing;
    case 'amount.invalid':
    case 'amount.too_long':
      return c.amount.invalid(typed.slice(0, 40), error.currency);
    case 'amount.negative':
    case 'amount.zero':
      return c.amount.notPositive;
    case 'amount.too_precise':
      return c.amount.tooPrecise;
    case 'amount.other_currency':
      return c.amount.otherCurrency(typed.slice(0, 40), error.currency);
    case 'amount.too_small':
      return c.amount.tooSmall(error.min, error.currency);
    case 'amount.too_large':
      return c.amount.tooLarge(error.max, error.currency);
    case 'pledge.note_too_long':
      return c.pledge.noteTooLong(error.max);
    case 'campaign.none':
      return noCampaignText(c, error);
    case 'campaign.not_started':
      return c.campaign.notStarted(error.campaign.startsOn, error.campaign.endsOn);
    case 'campaign.ended':
      return c.campaign.ended(error.campaign.startsOn, error.campaign.endsOn);
  }
}

/** No campaign, and when the next one opens if one is planned. */
export function noCampaignText(c: Catalogue, error: NoCampaign): string {
  return error.upcoming ? `${c.campaign.none} ${c.campaign.opensOn(personText(error.upcoming.name), error.upcoming.startsOn)}` : c.campaign.none;
}

export function cancelErrorText(c: Catalogue, error: ChangeError, id: number): string {
  switch (error.code) {
    case 'pledge.not_found':
    case 'pledge.not_yours':
      return c.pledge.notFound(id);
    case 'pledge.already_cancelled':
      return c.pledge.alreadyCancelled(id);
    case 'pledge.already_collected':
      return c.pledge.alreadyCollected(id);
  }
}

export function collectErrorText(c: Catalogue, error: ChangeError, id: number): string {
  switch (error.code) {
    case 'pledge.not_found':
    case 'pledge.not_yours':
      return c.pledge.collectNotFound(id);
    case 'pledge.already_cancelled':
      return c.pledge.collectCancelled(id);
    case 'pledge.already_collected':
      return c.pledge.collectAlready(id);
  }
}

export function pledgeListLines(c: Catalogue, pledges: Pledge[], currency: string, timeZone: string): string[] {
  return pledges.map((p) => {
    const day = new Intl.DateTimeFormat('en-CA', { timeZone }).format(p.createdAt);
    const status = c.pledge.status[p.status] + (p.anonymous ? ` · ${c.pledge.anonymousTag}` : '');
    return c.pledge.listItem(p.id, p.amountMinor, currency, status, day);
  });
}
