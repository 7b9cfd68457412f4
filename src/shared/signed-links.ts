/**
 * Links that expire: `?exp=<unix seconds>&sig=<hmac>` over the path. Used for files the bot serves
 * (CSV exports, photos, the album page) so that only someone given the link inside the company's
 * chat can open it, and only for a while.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export type LinkCheck = 'ok' | 'expired' | 'invalid';

function mac(secret: string, path: string, exp: number): string {
  return createHmac('sha256', secret).update(`${path}\n${exp}`).digest('base64url');
}

/** The query string that makes `path` valid until `expiresAt`. */
export function signPath(secret: string, path: string, expiresAt: Date): string {
  const exp = Math.floor(expiresAt.getTime() / 1000);
  return `exp=${exp}&sig=${mac(secret, path, exp)}`;
}

/** Checks a signed path at `now`: a tampered path, expiry or signature is `invalid`; a late one `expired`. */
export function checkSignedPath(secret: string, path: string, exp: unknown, sig: unknown, now: Date): LinkCheck {
  if (typeof exp !== 'string' || typeof sig !== 'string' || !/^\d{1,12}$/.test(exp)) return 'invalid';
  const expected = Buffer.from(mac(secret, path, Number(exp)));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
  return Number(exp) * 1000 < now.getTime() ? 'expired' : 'ok';
}

/**
 * A link that does not expire, for pictures inside posts (Teams album cards) that must show as long
 * as the post exists: `?sig=` over the path alone, under a purpose of its own so it can never pass for
 * an expiring link. What keeps it private is what it points to: the route serves only what may still
 * be shown (a withdrawn or rejected photo answers 404 whatever the link).
 */
export function signLastingPath(secret: string, path: string): string {
  return `sig=${mac(secret, path, -1)}`;
}

export function checkLastingPath(secret: string, path: string, sig: unknown): 'ok' | 'invalid' {
  if (typeof sig !== 'string') return 'invalid';
  const expected = Buffer.from(mac(secret, path, -1));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given) ? 'ok' : 'invalid';
}
