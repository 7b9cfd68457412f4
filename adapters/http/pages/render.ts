/**
 * Server-rendered pages for HR's dashboard and the wallboard: Eta templates (escaped by default)
 * from views/, small static assets from assets/. No inline script or style anywhere, so the
 * Content-Security-Policy can forbid both.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Eta } from 'eta';
import type { Express, Response } from 'express';
import { spanPlain, spans, type Span } from '../../../src/chat/text.js';
import type { Catalogue } from '../../../src/shared/i18n/index.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const eta = new Eta({ views: here('./views/'), autoEscape: true, cache: true });

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text: string) => text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);

function htmlOf(s: Span): string {
  switch (s.kind) {
    case 'plain':
    case 'person':
    case 'everyone':
    case 'channel':
      return escape(spanPlain(s));
    case 'bold':
      return `<strong>${s.spans.map(htmlOf).join('')}</strong>`;
    case 'italic':
      return `<em>${s.spans.map(htmlOf).join('')}</em>`;
    case 'command':
    case 'code':
      return `<code>${escape(s.text)}</code>`;
    case 'link':
      // HR's own link, shown as text with its address: a dashboard page opens nothing by itself.
      return escape(spanPlain(s));
    default:
      return s satisfies never;
  }
}

/** Catalogue text to HTML: escaped, bold and italic as such, commands as code. */
export const prose = (text: string) => spans(text).map(htmlOf).join('');

export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

export function pageHeaders(res: Response): void {
  res.set({
    'content-security-policy': CSP,
    'cache-control': 'private, no-store',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'x-robots-tag': 'noindex, nofollow',
    'cross-origin-opener-policy': 'same-origin',
  });
}

/** Renders `views/<view>.eta` with the catalogue at hand, and sends it with `status`. */
export function sendPage(res: Response, status: number, view: string, c: Catalogue, data: Record<string, unknown>): void {
  pageHeaders(res);
  res
    .status(status)
    .type('html')
    .send(eta.render(view, { ...data, c, prose }));
}

const ASSETS: Record<string, string> = {
  'hr.css': 'text/css; charset=utf-8',
  'hr.js': 'text/javascript; charset=utf-8',
  'wall.css': 'text/css; charset=utf-8',
  'wall.js': 'text/javascript; charset=utf-8',
};

/** `/assets/<name>`: read once at start, cached by browsers for an hour. */
export function assetRoutes(app: Express): void {
  const bodies = new Map(Object.keys(ASSETS).map((name) => [name, readFileSync(here(`./assets/${name}`))]));
  // Browsers ask for it on every page; an empty answer keeps their consoles free of 404s.
  app.get('/favicon.ico', (_req, res) => {
    res.status(204).set('cache-control', 'public, max-age=86400').end();
  });
  app.get('/assets/:name', (req, res, next) => {
    const name = String(req.params.name);
    const body = bodies.get(name);
    const type = ASSETS[name];
    if (!body || !type) return next();
    res.set({ 'content-type': type, 'cache-control': 'public, max-age=3600', 'x-content-type-options': 'nosniff' });
    res.send(body);
  });
}
