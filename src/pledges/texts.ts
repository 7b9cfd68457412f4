/**
 * Platform-neutral texts for pledge answers, built from the one catalogue. Adapters only lay these
 * lines out (Block Kit, Adaptive Cards); they never write user-facing words themselves.
 */
import type { CampaignProgress } from '../campaigns/campaigns.service.js';
import type { Catalogue } from '../shared/i18n/index.js';
import { daysBetween } from '../shared/clock.js';
import { percentOf } from '../shared/money.js';
import { progressBar } from '../shared/progress.js';
import type { ChangeError, PledgeError } from './pledges.service.js';
import type { Pledge } from './pledge.js';
import { personText } from '../chat/text.js';

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
      `\`${progressBar(percent)}\` ${percent}${c.locale === 'fr' ? ' %' : '%'}`,
      c.campaign.counts(totals.donors, totals.pledges, totals.collectedMinor, campaign.currency),
      ...extra,
      when,
    ],
  };
}

/** Why a pledge was refused, in the person's words. `typed` is what they wrote as the amount. */
export function pledgeErrorText(
  c: Catalogue,
  error: PledgeError,
  details: Record<string, string | number> | undefined,
  currency: string,
  typed: string,
): string {
  const num = (k: string) => Number(details?.[k] ?? 0);
  const str = (k: string) => String(details?.[k] ?? '');
  switch (error) {
    case 'amount.missing':
      return c.amount.missing;
    case 'amount.invalid':
      return c.amount.invalid(typed.slice(0, 40));
    case 'amount.negative':
      return c.amount.negative;
    case 'amount.zero':
      return c.amount.zero;
    case 'amount.too_precise':
      return c.amount.tooPrecise;
    case 'amount.too_small':
      return c.amount.tooSmall(num('min'), currency);
    case 'amount.too_large':
      return c.amount.tooLarge(num('max'), currency);
    case 'pledge.note_too_long':
      return c.pledge.noteTooLong(num('max'));
    case 'campaign.none':
      return details?.opensOn ? `${c.campaign.none} ${c.campaign.opensOn(personText(str('name')), str('opensOn'))}` : c.campaign.none;
    case 'campaign.not_started':
      return c.campaign.notStarted(str('startsOn'), str('endsOn'));
    case 'campaign.ended':
      return c.campaign.ended(str('startsOn'), str('endsOn'));
  }
}

export function cancelErrorText(c: Catalogue, error: ChangeError, id: number): string {
  switch (error) {
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
  switch (error) {
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
