/**
 * The gallery page and the photo files, behind signed links (expiring, or lasting for album cards). The signature is checked
 * first (403 for a tampered or expired link), then the photo itself: anything not consented, not
 * approved or withdrawn is a 404, whatever the link says. Nothing here is cached by shared caches,
 * sent as a referrer, or indexed.
 */
import type { Express, Request, Response } from 'express';
import { gallery, readPublished } from '../../src/photos/album.service.js';
import { resolveLocale, t } from '../../src/shared/i18n/index.js';
import { checkLastingPath, checkSignedPath, signPath } from '../../src/shared/signed-links.js';
import { imagePath } from '../photos/links.js';
import { galleryHtml, messagePage } from './album-page.js';
import type { PhotoFeatureDeps } from '../../src/photos/ports.js';

/** Images on the gallery page work this long after the page was opened. */
const PAGE_IMAGE_TTL_MS = 2 * 60 * 60 * 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function privateHeaders(res: Response): void {
  res.set({
    'cache-control': 'private, no-store',
    'referrer-policy': 'no-referrer',
    'x-robots-tag': 'noindex, nofollow, noarchive, noimageindex',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'content-security-policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  });
}

function localeOf(req: Request, fallback: 'fr' | 'en'): 'fr' | 'en' {
  const accepted = req.acceptsLanguages('fr', 'en');
  return accepted ? resolveLocale(accepted, fallback) : fallback;
}

type Check = (req: Request) => Promise<'ok' | 'expired' | 'invalid'>;

/**
 * One photo file: signature first (403), then only a publishable photo (404 otherwise). A link with
 * no `exp` is a lasting one (album cards in channels): it works until the photo is withdrawn.
 */
function photoFile(deps: PhotoFeatureDeps, check: Check, secret: () => Promise<string>) {
  return async (req: Request, res: Response): Promise<void> => {
    privateHeaders(res);
    const verdict = req.query.exp === undefined ? checkLastingPath(await secret(), req.path, req.query.sig) : await check(req);
    if (verdict !== 'ok') {
      res.status(403).type('text/plain').send('forbidden');
      return;
    }
    const id = String(req.params.id ?? '');
    const variant = req.params.file === 'web.jpg' ? 'web' : req.params.file === 'thumb.jpg' ? 'thumb' : null;
    const bytes = variant && /^\d{1,15}$/.test(id) ? await readPublished(deps, Number(id), variant) : null;
    if (!bytes) {
      res.status(404).type('text/plain').send('not found');
      return;
    }
    res.set({ 'content-type': 'image/jpeg', 'content-disposition': `inline; filename="caravane-${id}.jpg"` });
    res.status(200).send(bytes);
  };
}

/** The gallery page, in the reader's language; its image links are signed afresh on every visit. */
function galleryPage(deps: PhotoFeatureDeps, check: Check, secret: () => Promise<string>) {
  return async (req: Request, res: Response): Promise<void> => {
    privateHeaders(res);
    const c = t(localeOf(req, deps.defaultLocale));
    const verdict = await check(req);
    if (verdict !== 'ok') {
      res
        .status(403)
        .type('html')
        .send(messagePage(c, verdict === 'expired' ? c.photos.gallery.expired : c.photos.gallery.invalid));
      return;
    }
    const campaignId = String(req.params.campaignId ?? '');
    const found = UUID.test(campaignId) ? await gallery(deps, campaignId) : null;
    if (!found) {
      res.status(404).type('html').send(messagePage(c, c.photos.gallery.invalid));
      return;
    }
    const key = await secret();
    const expiresAt = new Date(deps.clock.now().getTime() + PAGE_IMAGE_TTL_MS);
    const src = (photoId: number, variant: 'web' | 'thumb') => {
      const path = imagePath(photoId, variant);
      return `${path}?${signPath(key, path, expiresAt)}`;
    };
    res
      .status(200)
      .type('html')
      .send(galleryHtml(c, found, src));
  };
}

export function albumRoutes(deps: PhotoFeatureDeps, secret: () => Promise<string>) {
  const check: Check = async (req) => checkSignedPath(await secret(), req.path, req.query.exp, req.query.sig, deps.clock.now());
  return (app: Express): void => {
    app.get('/robots.txt', (_req, res) => {
      res.type('text/plain').send('User-agent: *\nDisallow: /\n');
    });
    app.get('/photos/:id/:file', photoFile(deps, check, secret));
    app.get('/album/:campaignId', galleryPage(deps, check, secret));
  };
}
