/**
 * `/wall/<campaign>?exp=…&sig=…`: the office wallboard, and `/wall/<campaign>/data` (same query)
 * that the page polls. Both check the signature first: a forged, expired or revoked link is a 403
 * with no number in it. What they show holds no name and no personal data.
 */
import type { Express, Request, Response } from 'express';
import { checkWallLink, wallView, type WallView } from '../../../src/dashboard/wallboard.service.js';
import { resolveLocale, t, type Catalogue } from '../../../src/shared/i18n/index.js';
import { formatPercent, money } from '../../../src/shared/i18n/format.js';
import { signPath } from '../../../src/shared/signed-links.js';
import { imagePath } from '../../photos/links.js';
import { pageHeaders, sendPage } from './render.js';
import type { WallDeps } from '../../../src/dashboard/wallboard.service.js';
import type { LocaleDeps } from '../../../src/ports.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Photo links in the data live this long; the page refreshes them well before. */
const PHOTO_TTL_MS = 2 * 60 * 60 * 1000;
const REFRESH_MS = 30_000;

function catalogueOf(req: Request, deps: WallDeps & LocaleDeps): Catalogue {
  const asked = typeof req.query.lang === 'string' ? req.query.lang : req.acceptsLanguages('fr', 'en') || undefined;
  return t(resolveLocale(asked, deps.defaultLocale));
}

/** The numbers as the page shows them, already worded in the screen's language. */
function wallData(c: Catalogue, view: WallView, photoSrc: (id: number) => string) {
  const w = c.dashboard.wall;
  const { currency, goalMinor } = view.campaign;
  return {
    percent: Math.min(view.percent, 100),
    percentText: formatPercent(view.percent, c.locale),
    pledged: money(view.totals.pledgedMinor, currency, c.locale),
    of: w.of(goalMinor, currency),
    todayPledges: w.todayPledges(view.today.pledges),
    todayDonors: w.todayDonors(view.today.donors),
    todayAmount: money(view.today.pledgedMinor, currency, c.locale),
    milestone: view.milestone
      ? view.milestone.percent !== null
        ? w.milestonePercent(view.milestone.percent)
        : w.milestoneAmount(view.milestone.amountMinor, currency)
      : w.noMilestone,
    needs: view.needs.map((n) => c.needs.shortfall(n.site, n.missing, n)),
    photos: view.photoIds.map(photoSrc),
  };
}

export function wallRoutes(deps: WallDeps & LocaleDeps, photoSecret: () => Promise<string>) {
  const load = async (req: Request, res: Response): Promise<{ c: Catalogue; data: ReturnType<typeof wallData>; name: string } | null> => {
    const c = catalogueOf(req, deps);
    const id = String(req.params.campaignId ?? '');
    const verdict = UUID.test(id) ? await checkWallLink(deps, id, req.query.exp, req.query.sig) : 'invalid';
    const view = verdict === 'ok' ? await wallView(deps, id) : null;
    if (!view) {
      const text = verdict === 'expired' ? c.dashboard.wall.expired : c.dashboard.wall.invalid;
      sendPage(res, verdict === 'ok' ? 404 : 403, 'message', c, { title: text, text });
      return null;
    }
    const key = await photoSecret();
    const expiresAt = new Date(deps.clock.now().getTime() + PHOTO_TTL_MS);
    const src = (photoId: number) => {
      const path = imagePath(photoId, 'web');
      return `${path}?${signPath(key, path, expiresAt)}`;
    };
    return { c, data: wallData(c, view, src), name: view.campaign.name };
  };
  return (app: Express): void => {
    app.get('/wall/:campaignId', async (req, res) => {
      const found = await load(req, res);
      if (!found) return;
      const { c, data, name } = found;
      const asked = Number(req.query.refresh);
      // A screen may ask to refresh faster or slower (unsigned, harmless): clamped to 2 s – 10 min.
      const refreshMs = Number.isFinite(asked) && asked > 0 ? Math.min(Math.max(asked, 2000), 600_000) : REFRESH_MS;
      const query = new URLSearchParams({ exp: String(req.query.exp), sig: String(req.query.sig), lang: c.locale }).toString();
      sendPage(res, 200, 'wall', c, { title: c.dashboard.wall.title(name), name, data, dataUrl: `${req.path}/data?${query}`, refreshMs });
    });
    app.get('/wall/:campaignId/data', async (req, res) => {
      const found = await load(req, res);
      if (!found) return;
      pageHeaders(res);
      res.status(200).json(found.data);
    });
  };
}
