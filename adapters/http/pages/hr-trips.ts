/**
 * `/hr/trips`: each trip's roster by role and its waitlist; confirm, move to the waitlist or remove
 * through `hrMoveSignup`, the use case behind `/caravan move|remove N`, so the person is told by
 * direct message as from chat and a freed seat goes to the next in line.
 */
import { z } from 'zod';
import type { CoreDeps } from '../../../src/deps.js';
import { campaignTrips } from '../../../src/volunteers/trips.service.js';
import { hrMoveSignup } from '../../../src/volunteers/hr.service.js';
import { hrMoveText } from '../../../src/volunteers/hr-move-text.js';
import { roleName, stateText } from '../../../src/volunteers/texts.js';
import type { HrHandler } from './hr-handler.js';
import { sendPage } from './render.js';

const moveBody = z.object({ signup: z.string().regex(/^\d{1,9}$/), to: z.enum(['confirmed', 'waitlisted', 'removed']) });

export function tripsPage(deps: CoreDeps): HrHandler {
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
            role: roleName(c, trip, e.signup.roleKey),
            status: e.signup.status,
            state: stateText(c, e.signup, e.position),
            order: e.signup.status === 'confirmed' ? 0 : (e.position ?? 0),
          }));
        const waiting = rows.filter((r) => r.status === 'waitlisted').length;
        return { id: trip.id, name: trip.name, seats: c.dashboard.pages.trips.seats(trip.confirmed, trip.seats, waiting), rows };
      }),
    );
    const notice = typeof req.query.notice === 'string' ? req.query.notice.slice(0, 500) : null;
    sendPage(res, 200, 'trips', c, { session, nav: 'trips', trips: views, notice });
  };
}

export function moveForm(deps: CoreDeps): HrHandler {
  return async (req, res, _session, c) => {
    const parsed = moveBody.safeParse(req.body);
    if (!parsed.success) return res.redirect(303, `/hr/trips?${new URLSearchParams({ notice: c.volunteers.hr.moveUsage('/') }).toString()}`);
    const n = Number(parsed.data.signup);
    const to = parsed.data.to;
    const result = await hrMoveSignup(deps, n, to);
    const name = result.ok ? await deps.volunteers.signups.displayName(n) : null;
    const text = hrMoveText(c, n, to, result, name);
    res.redirect(303, `/hr/trips?${new URLSearchParams({ notice: text.lines.join(' ') }).toString()}`);
  };
}
