/**
 * Digest and milestone posts on Teams: the text as the message (it is the fallback, and what a
 * notification shows), with an Adaptive Card holding the chart, which Teams fetches from a signed
 * link to the chart route. Without a link the text goes alone.
 */
import type { Activity } from 'botbuilder';
import { withoutChart, type ChartImages } from '../../src/messaging/charts.js';
import type { ChartAttachment, OutgoingMessage } from '../../src/messaging/ports.js';
import { CARD_CONTENT_TYPE, renderMessage, type Card } from './render.js';

export function chartCard(url: string, chart: ChartAttachment): Card {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    fallbackText: chart.alt,
    body: [{ type: 'Image', url, altText: chart.alt, size: 'Stretch' }],
  };
}

export async function chartActivity(message: OutgoingMessage, chart: ChartAttachment, charts: ChartImages | undefined): Promise<Partial<Activity>> {
  const text = renderMessage(withoutChart(message));
  const url = charts ? await charts.link(chart.campaignId, chart.locale).catch(() => null) : null;
  return url ? { ...text, attachments: [{ contentType: CARD_CONTENT_TYPE, content: chartCard(url, chart) }] } : text;
}
