/**
 * `/hr`: HR's dashboard. A sign-in link from chat opens a confirmation page whose button spends the
 * token (a link previewer that only GETs spends nothing), then the session cookie carries HR from
 * page to page. Every request checks the session and HR again; every form carries the CSRF token;
 * every change goes through the same use case as the chat command.
 */
import express, { type Express, type Request, type Response } from 'express';
import type { ChatDeps } from '../../../src/chat/deps.js';
import { currentSession, redeemSignIn, signOut, type SessionDeps } from '../../../src/dashboard/sessions.service.js';
import type { LocaleDeps } from '../../../src/ports.js';
import { resolveLocale, t, type Catalogue } from '../../../src/shared/i18n/index.js';
import type { HrHandler } from './hr-handler.js';
import { overviewPage } from './hr-overview.js';
import { announcementsForm, announcementsPage } from './hr-announcements.js';
import { paymentsConfirm, paymentsPage, paymentsPreview } from './hr-payments.js';
import { collectForm, pledgesCsvRoute, pledgesPage } from './hr-pledges.js';
import { photosPage, reviewForm, thumbRoute, withdrawForm } from './hr-photos.js';
import { moveForm, tripsCsvRoute, tripsPage } from './hr-trips.js';
import { sendPage } from './render.js';
import { clearSessionCookie, csrfOk, sessionCookie, setSessionCookie } from './session.js';

export interface HrOptions {
  /** PUBLIC_URL is https: the cookie is Secure. */
  secure: boolean;
}

export type { HrHandler } from './hr-handler.js';

function visitorCatalogue(req: Request, deps: LocaleDeps): Catalogue {
  const accepted = req.acceptsLanguages('fr', 'en');
  return t(accepted ? resolveLocale(accepted, deps.defaultLocale) : deps.defaultLocale);
}

/** Runs `handler` only for a live HR session; anyone else gets the sign-in page (or 403), never data. */
function guarded(deps: SessionDeps & LocaleDeps, options: HrOptions, handler: HrHandler, changes: boolean) {
  return async (req: Request, res: Response): Promise<void> => {
    const found = await currentSession(deps, sessionCookie(req));
    if (!found.ok) {
      const c = visitorCatalogue(req, deps);
      clearSessionCookie(res, options.secure);
      if (found.error === 'hr.not_admin') return sendPage(res, 403, 'message', c, { title: c.dashboard.pages.notHr, text: c.dashboard.pages.notHr });
      return sendPage(res, changes ? 403 : 200, 'signin', c, {});
    }
    const session = found.value;
    const c = t(session.locale);
    if (changes && !csrfOk(req.body, session.csrfToken))
      return sendPage(res, 403, 'message', c, { title: c.dashboard.pages.csrf, text: c.dashboard.pages.csrf });
    await handler(req, res, session, c);
  };
}

function signInRoutes(app: Express, deps: SessionDeps & LocaleDeps, options: HrOptions, form: express.RequestHandler): void {
  app.get('/hr/signin/:token', (req, res) => {
    sendPage(res, 200, 'signin-confirm', visitorCatalogue(req, deps), { token: String(req.params.token) });
  });
  app.post('/hr/signin', form, async (req, res) => {
    const token = typeof req.body?.token === 'string' ? req.body.token : '';
    const redeemed = await redeemSignIn(deps, token);
    if (!redeemed.ok) {
      const c = visitorCatalogue(req, deps);
      const text = redeemed.error === 'hr.not_admin' ? c.dashboard.pages.notHr : c.dashboard.pages.linkInvalid;
      return sendPage(res, 403, 'message', c, { title: text, text });
    }
    setSessionCookie(res, redeemed.value.sessionToken, options.secure);
    res.redirect(303, '/hr');
  });
}

export function hrRoutes(deps: ChatDeps, options: HrOptions) {
  const form = express.urlencoded({ extended: false, limit: '256kb', parameterLimit: 2000 });
  const upload = express.urlencoded({ extended: false, limit: '1mb', parameterLimit: 10 });
  return (app: Express): void => {
    signInRoutes(app, deps, options, form);
    app.get('/hr', guarded(deps, options, overviewPage(deps), false));
    app.get('/hr/pledges', guarded(deps, options, pledgesPage(deps), false));
    app.get('/hr/pledges.csv', guarded(deps, options, pledgesCsvRoute(deps), false));
    app.post('/hr/pledges/collect', form, guarded(deps, options, collectForm(deps), true));
    app.get('/hr/trips', guarded(deps, options, tripsPage(deps), false));
    app.get('/hr/trips.csv', guarded(deps, options, tripsCsvRoute(deps), false));
    app.get('/hr/trips/:trip.csv', guarded(deps, options, tripsCsvRoute(deps), false));
    app.post('/hr/trips/move', form, guarded(deps, options, moveForm(deps), true));
    app.get('/hr/photos', guarded(deps, options, photosPage(deps), false));
    app.get('/hr/photos/:id/thumb.jpg', guarded(deps, options, thumbRoute(deps), false));
    app.post('/hr/photos/review', form, guarded(deps, options, reviewForm(deps), true));
    app.post('/hr/photos/withdraw', form, guarded(deps, options, withdrawForm(deps), true));
    app.get('/hr/announcements', guarded(deps, options, announcementsPage(deps), false));
    app.post('/hr/announcements', form, guarded(deps, options, announcementsForm(deps), true));
    app.get('/hr/payments', guarded(deps, options, paymentsPage(), false));
    app.post('/hr/payments/preview', upload, guarded(deps, options, paymentsPreview(deps), true));
    app.post('/hr/payments/confirm', upload, guarded(deps, options, paymentsConfirm(deps), true));
    app.post(
      '/hr/signout',
      form,
      guarded(
        deps,
        options,
        async (req, res, _session, c) => {
          await signOut(deps, sessionCookie(req) ?? '');
          clearSessionCookie(res, options.secure);
          sendPage(res, 200, 'message', c, { title: c.dashboard.pages.signedOut, text: c.dashboard.pages.signedOut });
        },
        true,
      ),
    );
  };
}
