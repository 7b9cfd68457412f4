/**
 * `GET /charts/<campaign>/progress.png?exp=…&sig=…[&lang=fr|en]`: the chart image behind a signed
 * link, for Teams posts (Teams fetches images by URL) and anyone given the post. Totals only; a
 * forged or expired link is a 403 with no image.
 */
import type { Express } from 'express';
import { chartData } from '../../src/dashboard/charts.service.js';
import { resolveLocale, t } from '../../src/shared/i18n/index.js';
import type { Locale } from '../../src/shared/money.js';
import { checkSignedPath, signPath } from '../../src/shared/signed-links.js';
import type { SigningKeys } from '../http/ports.js';
import type { Logger } from '../logger.js';
import { progressChartPng } from './progress-chart.js';
import type { DashboardFeatureDeps } from '../../src/dashboard/ports.js';
import type { LocaleDeps } from '../../src/ports.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const chartPath = (campaignId: string) => `/charts/${campaignId}/progress.png`;

/** An absolute, expiring link to the campaign's chart in `locale`. */
export async function chartLink(keys: SigningKeys, publicUrl: string, campaignId: string, locale: Locale, expiresAt: Date): Promise<string> {
  const path = chartPath(campaignId);
  return `${publicUrl}${path}?${signPath(await keys('chart-links'), path, expiresAt)}&lang=${locale}`;
}

export function chartRoute(deps: DashboardFeatureDeps & LocaleDeps, keys: SigningKeys, logger: Logger) {
  return (app: Express): void => {
    app.get('/charts/:campaignId/progress.png', async (req, res) => {
      const id = String(req.params.campaignId);
      const verdict = UUID.test(id) ? checkSignedPath(await keys('chart-links'), chartPath(id), req.query.exp, req.query.sig, deps.clock.now()) : 'invalid';
      const data = verdict === 'ok' ? await chartData(deps, id) : null;
      if (!data) {
        res
          .status(verdict === 'ok' ? 404 : 403)
          .type('text/plain')
          .send(verdict === 'ok' ? 'not found' : 'forbidden');
        return;
      }
      const c = t(resolveLocale(typeof req.query.lang === 'string' ? req.query.lang : undefined, deps.defaultLocale));
      try {
        const png = await progressChartPng(data, c);
        res.status(200).set({ 'content-type': 'image/png', 'cache-control': 'private, max-age=300', 'x-content-type-options': 'nosniff' }).send(png);
      } catch (error) {
        logger.error({ component: 'charts', err: error instanceof Error ? error.message : 'unknown error' }, 'chart rendering failed');
        res.status(503).type('text/plain').send('unavailable');
      }
    });
  };
}
