/**
 * HR's way into the browser: a one-time sign-in token given privately in chat, traded for a session.
 * Only hashes are stored. HR is checked again on every request, so a person removed from HR is
 * signed out at their next click, wherever they signed in.
 */
import { createHash, randomBytes } from 'node:crypto';
import { isAdmin } from '../admins/admins.service.js';
import type { AdminDeps } from '../admins/ports.js';
import type { Clock } from '../shared/clock.js';
import { err, ok, type Result } from '../shared/result.js';
import type { DashboardDeps, HrPrincipal, HrSession, PageNotice } from './ports.js';

export const SIGNIN_TTL_MS = 15 * 60 * 1000;
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;
/** A notice not shown within this time (a redirect never followed) is not shown later. */
export const NOTICE_TTL_MS = 5 * 60 * 1000;

/** Sessions need the HR check, the clock and their store. */
export type SessionDeps = AdminDeps & { clock: Clock; dashboard: Pick<DashboardDeps, 'sessions'> };

/** Page notices need only the clock and the session store. */
export type NoticeDeps = Pick<SessionDeps, 'clock' | 'dashboard'>;

const newToken = () => randomBytes(32).toString('base64url');
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('base64url');
/** Tokens we hand out are 43 base64url characters; anything else is not worth a database look-up. */
const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;

/** A sign-in token for HR, valid 15 minutes and once. `hr.not_admin` for anyone else. */
export async function issueSignIn(deps: SessionDeps, who: HrPrincipal): Promise<Result<{ token: string; expiresAt: Date }, 'hr.not_admin'>> {
  if (!(await isAdmin(deps, { platform: who.platform, tenantId: who.tenantId, userId: who.userId }))) return err('hr.not_admin');
  const token = newToken();
  const expiresAt = new Date(deps.clock.now().getTime() + SIGNIN_TTL_MS);
  await deps.dashboard.sessions.saveSignIn(tokenHash(token), who, expiresAt);
  return ok({ token, expiresAt });
}

export type SignInError = 'signin.invalid' | 'hr.not_admin';

/** Trades a sign-in token for a new session; the token is spent even when the person is no longer HR. */
export async function redeemSignIn(deps: SessionDeps, token: string): Promise<Result<{ sessionToken: string; session: HrSession }, SignInError>> {
  if (!TOKEN_RE.test(token)) return err('signin.invalid');
  const now = deps.clock.now();
  const who = await deps.dashboard.sessions.redeemSignIn(tokenHash(token), now);
  if (!who) return err('signin.invalid');
  if (!(await isAdmin(deps, { platform: who.platform, tenantId: who.tenantId, userId: who.userId }))) return err('hr.not_admin');
  const sessionToken = newToken();
  const session: HrSession = { ...who, csrfToken: newToken(), expiresAt: new Date(now.getTime() + SESSION_TTL_MS) };
  await deps.dashboard.sessions.saveSession(tokenHash(sessionToken), who, session.csrfToken, session.expiresAt);
  return ok({ sessionToken, session });
}

export type SessionError = 'session.none' | 'hr.not_admin';

/** The session a cookie names, if it is live and its owner is still HR (otherwise it is revoked now). */
export async function currentSession(deps: SessionDeps, sessionToken: string | undefined): Promise<Result<HrSession, SessionError>> {
  if (sessionToken === undefined || !TOKEN_RE.test(sessionToken)) return err('session.none');
  const now = deps.clock.now();
  const hash = tokenHash(sessionToken);
  const session = await deps.dashboard.sessions.findSession(hash, now);
  if (!session) return err('session.none');
  if (!(await isAdmin(deps, { platform: session.platform, tenantId: session.tenantId, userId: session.userId }))) {
    await deps.dashboard.sessions.revoke(hash, now);
    return err('hr.not_admin');
  }
  return ok(session);
}

export async function signOut(deps: SessionDeps, sessionToken: string): Promise<void> {
  if (TOKEN_RE.test(sessionToken)) await deps.dashboard.sessions.revoke(tokenHash(sessionToken), deps.clock.now());
}

/**
 * Page notices live with the session, never in the address: after a change the page says what
 * happened once, and a link someone crafted cannot put words on HR's own page.
 */
export async function leaveNotice(deps: NoticeDeps, sessionToken: string | undefined, notice: PageNotice): Promise<void> {
  if (sessionToken !== undefined && TOKEN_RE.test(sessionToken)) await deps.dashboard.sessions.leaveNotice(tokenHash(sessionToken), notice, deps.clock.now());
}

/** The notice waiting for `page` in this session, shown once: null when there is none. */
export async function takeNotice(deps: NoticeDeps, sessionToken: string | undefined, page: string): Promise<PageNotice | null> {
  if (sessionToken === undefined || !TOKEN_RE.test(sessionToken)) return null;
  const since = new Date(deps.clock.now().getTime() - NOTICE_TTL_MS);
  return deps.dashboard.sessions.takeNotice(tokenHash(sessionToken), page, since);
}
