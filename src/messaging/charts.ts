/**
 * The chart that digest and milestone posts carry. The core only names it (a `chart` attachment);
 * each sender draws or links it at delivery time, so a post queued yesterday shows today's figures
 * and a chart that cannot be drawn never holds the text back.
 */
import type { Locale } from '../shared/money.js';
import type { Catalogue } from '../shared/i18n/index.js';
import type { ChartAttachment, OutgoingMessage } from './ports.js';

/** What senders need to show a chart. Both reject when the chart cannot be made (unknown campaign, drawing failed). */
export interface ChartImages {
  /** The PNG itself, for platforms that take uploads (Slack). */
  png(campaignId: string, locale: Locale): Promise<Buffer>;
  /** An absolute, signed, expiring HTTPS link to the PNG, for platforms that fetch images (Teams). */
  link(campaignId: string, locale: Locale): Promise<string>;
}

export const chartAttachment = (c: Catalogue, campaignId: string, campaignName: string): ChartAttachment => ({
  kind: 'chart',
  campaignId,
  locale: c.locale,
  alt: c.dashboard.charts.alt(campaignName),
});

/** The chart a message carries, if any. */
export const chartOf = (message: OutgoingMessage): ChartAttachment | undefined => message.attachments?.find((a): a is ChartAttachment => a.kind === 'chart');

/** The same message without its chart: what goes out when the chart cannot. */
export function withoutChart(message: OutgoingMessage): OutgoingMessage {
  const rest = (message.attachments ?? []).filter((a) => a.kind !== 'chart');
  const { attachments: _attachments, ...plain } = message;
  return rest.length > 0 ? { ...plain, attachments: rest } : plain;
}
