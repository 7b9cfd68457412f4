/**
 * `/hr/trips`: each trip's roster by role and its waitlist; confirm, move to the waitlist or remove
 * through `hrMoveSignup`, the use case behind `/caravan move|remove N`, so the person is told by
 * direct message as from chat and a freed seat goes to the next in line. The CSV export is
 * `/caravan export volunteers [N]`'s, made by the same use case.
 */
import { z } from 'zod';
import { campaignTrips } from '../../../src/volunteers/trips.service.js';
import { hrMoveSignup } from '../../../src/volunteers/hr.service.js';
import { hrMoveText } from '../../../src/volunteers/hr-move-text.js';
import { volunteersExport, volunteersFileName } from '../../../src/volunteers/export.js';
import { roleName, stateText } from '../../../src/volunteers/texts.js';
import { plainText } from '../../../src/chat/text.js';
import { hrOf } from './hr-actor.js';
import type { HrHandler } from './hr-handler.js';
import { noticeFor, redirectWithNotice } from './notices.js';
import { sendPage } from './render.js';
import type { ActorDeps } from '../../../src/chat/actor.js';
import type { VolunteerFeatureDeps } from '../../../src/volunteers/ports.js';
import type { NoticeDeps } from '../../../src/dashboard/sessions.service.js';

const moveBody = z.object({ signup: z.string().regex(/^\d{1,9}$/), to: z.enum(['confirmed', 'waitlisted', 'removed']) });

export function tripsPage(deps: VolunteerFeatureDeps & ActorDeps & NoticeDeps): HrHandler {
  return async (req, res, session, c) => {
    const { trips } = await campaignTrips(deps);
    const views = await Promise.all(
      trips.map(async (trip) => {
        const entries = await deps.volunteers.signups.roster(trip.id);
        const rows = entries
          .filter((e) => e.signup.status === 'confirmed' || e.signup.status === 'waitlisted')
          .map((e) => ({
            id: e.signup.id,
            person: e.displayName ?? c.volunteers.hr.unnamed,
            role: plainText(roleName(c, trip, e.signup.roleKey)),
            status: e.signup.status,
            state: stateText(c, e.signup, e.position),
            order: e.signup.status === 'confirmed' ? 0 : (e.position ?? 0),
          }));
        const waiting = rows.filter((r) => r.status === 'waitlisted').length;
        return { id: trip.id, name: trip.name, seats: c.dashboard.pages.trips.seats(trip.confirmed, trip.seats, waiting), rows };
      }),
    );
    sendPage(res, 200, 'trips', c, { session, nav: 'trips', trips: views, notice: await noticeFor(deps, req, '/hr/trips') });
  };
}

export function moveForm(deps: VolunteerFeatureDeps & ActorDeps & NoticeDeps): HrHandler {
  return async (req, res, session, c) => {
    const hr = await hrOf(deps, session, res, c);
    if (!hr) return;
    const parsed = moveBody.safeParse(req.body);
    if (!parsed.success) return redirectWithNotice(deps, req, res, '/hr/trips', c.volunteers.hr.moveUsage('/'));
    const n = Number(parsed.data.signup);
    const to = parsed.data.to;
    const result = await hrMoveSignup(deps, hr, n, to);
    const name = result.ok ? await deps.volunteers.signups.displayName(n) : null;
    const text = hrMoveText(c, n, to, result, name);
    await redirectWithNotice(deps, req, res, '/hr/trips', text.lines.join(' '));
  };
}

/** `/hr/trips.csv` (every trip) and `/hr/trips/<N>.csv` (one): the volunteers file HR gets in chat. */
export function tripsCsvRoute(deps: VolunteerFeatureDeps & ActorDeps & NoticeDeps): HrHandler {
  return async (req, res, session, c) => {
    const raw = req.params.trip;
    const tripId = typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : null;
    if (raw !== undefined && tripId === null) return sendPage(res, 404, 'message', c, { session, text: c.volunteers.hr.exportUsage('/') });
    const found = await volunteersExport(deps, tripId);
    if (!found.ok) {
      switch (found.error.code) {
        case 'campaign.none':
          return sendPage(res, 404, 'message', c, { session, text: c.dashboard.pages.noCampaign });
        case 'trip.not_found':
          return sendPage(res, 404, 'message', c, { session, text: c.volunteers.hr.tripNotFound(tripId ?? 0) });
      }
    }
    res.status(200).set({
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${volunteersFileName(c.locale, tripId)}"`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    });
    for await (const line of found.value.lines) res.write(line);
    res.end();
  };
}
