/**
 * `GET /files/loading/<campaign>/<site>.csv|.html?exp=…&sig=…`: a site's loading list (items
 * received, by item and size) for the volunteers who pack the vehicles, as CSV or as a printable
 * page. Only a link the bot signed opens it, until it expires; no names, nothing cached or indexed.
 */
import type { Express, Request, Response } from 'express';
import { loadingCsv } from '../../src/needs/export.js';
import type { NeedsDeps } from '../../src/needs/ports.js';
import { loadingList } from '../../src/needs/needs.service.js';
import { t, resolveLocale, type Catalogue } from '../../src/shared/i18n/index.js';
import { checkSignedPath } from '../../src/shared/signed-links.js';
import type { Logger } from '../logger.js';
import type { SigningKeys } from './ports.js';
import { escapeHtml } from './album-page.js';

const PATH = /^\/files\/loading\/([0-9a-f-]{36})\/(\d{1,9})\.(csv|html)$/;

const STYLE = `body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:1.5rem;color:#111}
h1{font-size:1.4rem;margin:0 0 .25rem}p{color:#444}table{border-collapse:collapse;min-width:24rem}
th,td{border:1px solid #999;padding:.4rem .75rem;text-align:left}td.n,th.n{text-align:right}
td.box{width:2rem}tfoot td{font-weight:600}@media print{body{margin:0}}`;

function privateHeaders(res: Response): void {
  res.set({
    'cache-control': 'private, no-store',
    'referrer-policy': 'no-referrer',
    'x-robots-tag': 'noindex, nofollow, noarchive',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  });
}

type Lines = Awaited<ReturnType<typeof loadingList>> & { ok: true };

export function loadingPage(c: Catalogue, campaignName: string, found: Pick<Lines['value'], 'site' | 'lines'>): string {
  const l = c.needs.loading;
  const title = l.title(found.site.name);
  const rows = found.lines
    .map(
      (line) =>
        `<tr><td class="box">☐</td><td>${escapeHtml(c.needs.item({ ...line, size: null }))}</td><td>${escapeHtml(line.size ?? '')}</td><td class="n">${line.received}</td></tr>`,
    )
    .join('');
  const total = found.lines.reduce((s, line) => s + line.received, 0);
  const table =
    found.lines.length === 0
      ? `<p>${escapeHtml(l.empty)}</p>`
      : `<table><thead><tr><th></th><th>${escapeHtml(l.item)}</th><th>${escapeHtml(l.size)}</th><th class="n">${escapeHtml(l.received)}</th></tr></thead><tbody>${rows}</tbody><tfoot><tr><td></td><td colspan="2">${escapeHtml(l.total)}</td><td class="n">${total}</td></tr></tfoot></table>`;
  const place = found.site.place ? `<p>${escapeHtml(found.site.place)}</p>` : '';
  return [
    '<!DOCTYPE html>',
    `<html lang="${c.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    '<meta name="robots" content="noindex, nofollow, noarchive"><meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>`,
    `<body><h1>${escapeHtml(title)}</h1>${place}<p>${escapeHtml(l.intro(campaignName))}</p>${table}</body></html>`,
  ].join('\n');
}

export function loadingListRoute(deps: NeedsDeps, keys: SigningKeys, logger: Logger) {
  const handle = async (req: Request, res: Response) => {
    privateHeaders(res);
    const m = PATH.exec(req.path);
    if (!m || !m[1] || !m[2]) {
      res.status(404).json({ error: 'not_found' });
      return;
    }
    const check = checkSignedPath(await keys('links'), req.path, req.query.exp, req.query.sig, deps.clock.now());
    if (check !== 'ok') {
      res.status(check === 'expired' ? 410 : 403).json({ error: check === 'expired' ? 'link_expired' : 'forbidden' });
      return;
    }
    const found = await loadingList(deps, m[1], Number(m[2]));
    if (!found.ok) {
      res.status(404).json({ error: 'not_found' });
      return;
    }
    const accepted = req.acceptsLanguages('fr', 'en');
    const c = t(accepted ? resolveLocale(accepted, deps.defaultLocale) : deps.defaultLocale);
    if (m[3] === 'csv') {
      res.status(200).set({ 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="loading-${m[2]}.csv"` });
      res.send(`\uFEFF${loadingCsv(found.value.lines, (line) => c.needs.item({ ...line, size: null }), c.needs.loading)}`);
      return;
    }
    res
      .status(200)
      .type('html')
      .send(loadingPage(c, found.value.campaign.name, found.value));
  };
  return (app: Express): void => {
    app.get(/^\/files\/loading\//, (req, res, next) => {
      handle(req, res).catch((error: unknown) => {
        logger.error({ component: 'needs', err: error instanceof Error ? error.message : 'unknown error' }, 'loading list failed');
        next(error);
      });
    });
  };
}
