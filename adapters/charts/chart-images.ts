/**
 * The ChartImages senders use: the PNG drawn here for Slack uploads, a signed link to the chart
 * route for Teams (which fetches images itself). The link lives as long as album links, so an old
 * post still shows its chart; the route answers with current figures.
 */
import { chartData } from '../../src/dashboard/charts.service.js';
import type { CoreDeps } from '../../src/deps.js';
import type { ChartImages } from '../../src/messaging/charts.js';
import { t } from '../../src/shared/i18n/index.js';
import type { SigningKeys } from '../http/ports.js';
import { chartLink } from './chart-route.js';
import { progressChartPng } from './progress-chart.js';

export const CHART_LINK_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export function chartImages(deps: CoreDeps, keys: SigningKeys, publicUrl: string): ChartImages {
  return {
    async png(campaignId, locale) {
      const data = await chartData(deps, campaignId);
      if (!data) throw new Error('no such campaign');
      return progressChartPng(data, t(locale));
    },
    link: (campaignId, locale) => chartLink(keys, publicUrl, campaignId, locale, new Date(deps.clock.now().getTime() + CHART_LINK_TTL_MS)),
  };
}
