/**
 * The HR session cookie and the CSRF check. The cookie is HttpOnly, SameSite=Lax, scoped to /hr,
 * Secure whenever PUBLIC_URL is https, and lives 8 hours like the session row it names.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { SESSION_TTL_MS } from '../../../src/dashboard/sessions.service.js';

export const COOKIE = 'caravane_hr';

/** The value of our cookie in the request, if any (no cookie library for one name). */
export function sessionCookie(req: Request): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === COOKIE) return value.join('=');
  }
  return undefined;
}

export function setSessionCookie(res: Response, token: string, secure: boolean): void {
  res.cookie(COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/hr', maxAge: SESSION_TTL_MS });
}

export function clearSessionCookie(res: Response, secure: boolean): void {
  res.clearCookie(COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/hr' });
}

/** True when the form carried the session's CSRF token. */
export function csrfOk(body: unknown, expected: string): boolean {
  const given = typeof body === 'object' && body !== null && '_csrf' in body ? body._csrf : undefined;
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
