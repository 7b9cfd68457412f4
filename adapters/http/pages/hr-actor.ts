/**
 * The session's owner as HR, for the pages that change something: the guard has checked the session
 * and HR already; the HR-only use case still asks for an `HrActor`, made here by `requireHr`.
 */
import type { Response } from 'express';
import { actorFor, requireHr, type ActorDeps, type HrActor } from '../../../src/chat/actor.js';
import type { HrSession } from '../../../src/dashboard/ports.js';
import type { Catalogue } from '../../../src/shared/i18n/index.js';
import { sendPage } from './render.js';

export const sessionActor = (deps: ActorDeps, s: HrSession) =>
  actorFor(deps, { platform: s.platform, tenantId: s.tenantId, userId: s.userId, locale: s.locale });

/** The HR actor behind the session; null (and a 403 page sent) when they stopped being HR meanwhile. */
export async function hrOf(deps: ActorDeps, session: HrSession, res: Response, c: Catalogue): Promise<HrActor | null> {
  const hr = await requireHr(await sessionActor(deps, session));
  if (!hr) sendPage(res, 403, 'message', c, { title: c.dashboard.pages.notHr, text: c.dashboard.pages.notHr });
  return hr;
}
