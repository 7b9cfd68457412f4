/**
 * Messages the needs feature sends on its own (through the outbox): the thanks when items are handed
 * in, and the "covered" milestone in the campaign channels. Totals and item names only in channels.
 */
import type { Campaign } from '../campaigns/campaign.js';
import type { OutgoingMessage } from '../messaging/ports.js';
import type { Catalogue } from '../shared/i18n/index.js';
import { missing, type Need } from './need.js';
import { personText } from '../chat/text.js';
import { shownNeed } from '../chat/shown.js';

export function coveredMessage(c: Catalogue, campaign: Campaign, raw: Need, next: readonly Need[]): OutgoingMessage {
  const need = shownNeed(raw);
  return {
    kind: 'message',
    tone: 'ok',
    headline: c.needs.coveredHeadline(personText(campaign.name)),
    lines: [
      `✅ ${c.needs.covered(need.siteName, need)}`,
      ...(next.length > 0
        ? [
            '',
            c.needs.digestTitle,
            ...next
              .slice(0, 3)
              .map(shownNeed)
              .map((n) => `• ${c.needs.shortfall(n.siteName, missing(n), n)}`),
          ]
        : []),
      c.needs.coveredThanks,
    ],
  };
}

export function thanksMessage(c: Catalogue, need: Need, quantity: number): OutgoingMessage {
  return {
    kind: 'message',
    tone: 'ok',
    headline: `🙏 ${c.needs.received.thanksHeadline}`,
    lines: [c.needs.received.thanks(quantity, shownNeed(need), personText(need.siteName))],
  };
}

/** The digest's shortfall lines: the biggest few, one per need. */
export function shortfallLines(c: Catalogue, biggest: readonly Need[]): string[] {
  return biggest.length === 0 ? [] : [c.needs.digestTitle, ...biggest.map(shownNeed).map((n) => `• ${c.needs.shortfall(n.siteName, missing(n), n)}`)];
}
