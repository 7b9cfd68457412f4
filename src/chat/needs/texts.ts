/** Chat words for the needs feature's outcomes: one exhaustive switch per error union. */
import type { CancelGiftError, GiveError, GiveOutcome, ReceiveError } from '../../needs/give.service.js';
import { missing, type Need } from '../../needs/need.js';
import type { NeedsOverview } from '../../needs/needs.service.js';
import type { Catalogue } from '../../shared/i18n/index.js';
import { message, type MessageReply } from '../reply.js';
import { shownNeed } from '../shown.js';
import { personText } from '../text.js';

/** At most this many needs listed in one answer: the biggest shortfalls first. */
const LIST_MAX = 12;

export const needLine = (c: Catalogue, need: Need) => {
  const n = shownNeed(need);
  return `• ${c.needs.shortfall(n.siteName, missing(n), n)}`;
};

const needList = (c: Catalogue, needs: readonly Need[]) =>
  needs.length === 0 ? [c.needs.give.nothingMissing] : needs.slice(0, LIST_MAX).map((n) => needLine(c, n));

export function giveErrorLines(c: Catalogue, error: GiveError, prefix: string): string[] {
  const g = c.needs.give;
  switch (error.code) {
    case 'campaign.none':
      return [c.campaign.none];
    case 'campaign.ended':
      return [g.ended];
    case 'give.no_needs':
      return [g.noNeeds];
    case 'give.quantity_missing':
      return [g.usage(prefix), '', g.next, ...needList(c, error.needed)];
    case 'give.bad_quantity':
      return [g.badQuantity(error.max)];
    case 'give.unknown_item':
      return [g.unknownItem(error.words), ...needList(c, error.needed), '', g.usage(prefix)];
    case 'give.ambiguous':
      return [g.ambiguous, ...needList(c, error.candidates)];
    case 'give.not_needed':
      return [g.notNeeded, ...needList(c, error.needed)];
    case 'give.covered':
      return [
        g.covered(shownNeed(error.need), personText(error.need.siteName)),
        ...(error.next.length > 0 ? ['', g.next, ...error.next.map((n) => needLine(c, n))] : []),
      ];
    case 'give.too_many':
      return [g.tooMany(error.left, shownNeed(error.need), personText(error.need.siteName))];
  }
}

export function cancelErrorLine(c: Catalogue, error: CancelGiftError): string {
  switch (error.code) {
    case 'gift.not_found':
      return c.needs.give.notFound(error.id);
    case 'gift.already_cancelled':
      return c.needs.give.alreadyCancelled(error.id);
    case 'gift.received':
      return c.needs.give.alreadyReceived(error.id);
  }
}

export function receiveErrorLine(c: Catalogue, error: ReceiveError): string {
  switch (error.code) {
    case 'gift.not_found':
      return c.needs.received.notFound(error.id);
    case 'gift.cancelled':
      return c.needs.received.cancelled(error.id);
    case 'gift.too_many':
      return c.needs.received.tooMany(error.id, error.left);
  }
}

/** `/caravan needs`: site by site, what is still missing (or that everything is pledged). */
export function overviewLines(c: Catalogue, overview: NeedsOverview, prefix: string): string[] {
  const lines: string[] = [];
  for (const { site, needs, covered } of overview.sites) {
    if (needs.length === 0) continue;
    lines.push(
      `${c.needs.list.site(personText(site.name), site.place === null ? null : personText(site.place))}${covered ? ` — ${c.needs.list.siteCovered}` : ''}`,
    );
    for (const n of needs) if (missing(n) > 0) lines.push(`• ${c.needs.list.line(missing(n), shownNeed(n), n.quantity)}`);
  }
  if (lines.length === 0) return [c.needs.give.noNeeds];
  const { inItems } = overview;
  const worth =
    inItems && inItems.count > 0 && inItems.need.unitPriceMinor !== null
      ? [c.needs.list.moneyAsItems(inItems.pledgedMinor, overview.campaign.currency, inItems.count, inItems.need, inItems.need.unitPriceMinor)]
      : [];
  return [...lines, '', ...worth, overview.totals.missing > 0 ? c.needs.list.howTo(prefix) : c.needs.give.nothingMissing];
}

/** What a recorded gift answers: thanks, where it goes, what is still missing there. */
export function giveAnswer(c: Catalogue, outcome: GiveOutcome): MessageReply {
  const { pledge, duplicate, mostNeeded } = outcome;
  const need = shownNeed(outcome.need);
  const head = duplicate
    ? c.needs.give.duplicate(pledge.quantity, need, need.siteName, pledge.id)
    : c.needs.give.recorded(pledge.quantity, need, need.siteName, pledge.id);
  const left = missing(need);
  return message('ok', [
    head,
    ...(mostNeeded ? [c.needs.give.mostNeeded(need.siteName)] : []),
    left > 0 ? c.needs.give.stillMissing(left, need, need.siteName) : c.needs.give.nowCovered,
    c.needs.give.handIn,
  ]);
}
