/**
 * The ChartImages senders use: the PNG drawn here for Slack uploads, a signed link to the chart
 * route for Teams (which fetches images itself). The link lives as long as album links, so an old
 * post still shows its chart; the route answers with current figures. A link is only handed out
 * once the chart has been drawn: a chart that cannot be drawn would show Teams users a broken image,
 * and then the post goes as text alone.
 */
import { chartData } from '../../src/dashboard/charts.service.js';
import type { ChartImages } from '../../src/messaging/charts.js';
import { t } from '../../src/shared/i18n/index.js';
import type { Locale } from '../../src/shared/vocabulary.js';
import type { SigningKeys } from '../http/ports.js';
import { chartLink } from './chart-route.js';
import { progressChartPng } from './progress-chart.js';
import type { DashboardFeatureDeps } from '../../src/dashboard/ports.js';

export const CHART_LINK_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/** One post to many Teams channels draws the chart once, not once per channel. */
const DRAWN_FOR_MS = 60_000;

export function chartImages(deps: DashboardFeatureDeps, keys: SigningKeys, publicUrl: string): ChartImages {
  const drawnAt = new Map<string, number>();
  const png = async (campaignId: string, locale: Locale) => {
    const data = await chartData(deps, campaignId);
    if (!data) throw new Error('no such campaign');
    return progressChartPng(data, t(locale));
  };
  return {
    png,
    async link(campaignId, locale) {
      const key = `${campaignId}:${locale}`;
      const now = deps.clock.now().getTime();
      const at = drawnAt.get(key);
      if (at === undefined || now - at > DRAWN_FOR_MS || now < at) {
        drawnAt.delete(key);
        await png(campaignId, locale);
        drawnAt.set(key, now);
      }
      return chartLink(keys, publicUrl, campaignId, locale, new Date(now + CHART_LINK_TTL_MS));
    },
  };
}
