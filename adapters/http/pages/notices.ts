/**
 * After a change a page sends HR back with a 303 and says what happened once. The words wait with
 * the session in Postgres, not in the address, so a crafted `/hr/…?notice=` link shows nothing.
 */
import type { Request, Response } from 'express';
import type { PageNotice } from '../../../src/dashboard/ports.js';
import { leaveNotice, takeNotice, type NoticeDeps } from '../../../src/dashboard/sessions.service.js';
import { sessionCookie } from './session.js';

export type HrPage = '/hr/pledges' | '/hr/trips' | '/hr/photos';

/** Leaves `text` (and what failed) for `page` in this session, then sends HR there. */
export async function redirectWithNotice(deps: NoticeDeps, req: Request, res: Response, page: HrPage, text: string, details: string[] = []): Promise<void> {
  // The words keep their marks (names, commands, bold); the view draws them with `prose`, escaped.
  await leaveNotice(deps, sessionCookie(req), { page, text, details });
  res.redirect(303, page);
}

/** The notice waiting for `page`, taken (it shows once), or null. */
export function noticeFor(deps: NoticeDeps, req: Request, page: HrPage): Promise<PageNotice | null> {
  return takeNotice(deps, sessionCookie(req), page);
}
