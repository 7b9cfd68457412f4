/**
 * `/hr/pledges`: every pledge of the current campaign in a sortable, filterable table; mark one or
 * many collected (the same `collectPledge` as `/caravan collect N`, so milestones still fire); export.
 */
import { z } from 'zod';
import { currentProgress } from '../../../src/campaigns/campaigns.service.js';
import { pledgesCsv } from '../../../src/pledges/export.js';
import { collectPledge } from '../../../src/pledges/pledges.service.js';
import { collectErrorText } from '../../../src/pledges/texts.js';
import { localDay } from '../../../src/shared/clock.js';
import { formatDay, money } from '../../../src/shared/i18n/format.js';
import { hrOf } from './hr-actor.js';
import type { HrHandler } from './hr-handler.js';
import { noticeFor, redirectWithNotice } from './notices.js';
import { sendPage } from './render.js';
import type { ActorDeps } from '../../../src/chat/actor.js';
import type { PledgeDeps } from '../../../src/pledges/ports.js';
import type { NoticeDeps } from '../../../src/dashboard/sessions.service.js';

/** At most this many pledges in one bulk collect (one form post). */
const BULK_MAX = 1000;

const ids = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v]));
const collectBody = z.object({ one: z.string().optional(), ids: ids.optional() });

export function pledgesPage(deps: PledgeDeps & ActorDeps & NoticeDeps): HrHandler {
  return async (req, res, session, c) => {
    const progress = await currentProgress(deps);
    if (!progress.ok)
      return sendPage(res, 200, 'pledges', c, { session, nav: 'pledges', campaign: null, rows: [], notice: await noticeFor(deps, req, '/hr/pledges') });
    const { campaign } = progress.value;
    const rows = [];
    for await (const row of deps.pledges.exportRows(campaign.id)) {
      const p = row.pledge;
      rows.push({
        id: p.id,
        person: row.displayName ?? row.identities,
        amount: money(p.amountMinor, campaign.currency, c.locale),
        amountSort: p.amountMinor,
        status: p.status,
        statusText: c.pledge.status[p.status],
        day: formatDay(localDay(p.createdAt, deps.timeZone), c.locale),
        daySort: p.createdAt.toISOString(),
      });
    }
    sendPage(res, 200, 'pledges', c, { session, nav: 'pledges', campaign: { name: campaign.name }, rows, notice: await noticeFor(deps, req, '/hr/pledges') });
  };
}

export function collectForm(deps: PledgeDeps & ActorDeps & NoticeDeps): HrHandler {
  return async (req, res, session, c) => {
    const hr = await hrOf(deps, session, res, c);
    if (!hr) return;
    const parsed = collectBody.safeParse(req.body);
    const chosen = parsed.success ? (parsed.data.one !== undefined ? [parsed.data.one] : (parsed.data.ids ?? [])) : [];
    const numbers = [...new Set(chosen.filter((s) => /^\d{1,15}$/.test(s)).map(Number))].slice(0, BULK_MAX);
    let collected = 0;
    const failed: string[] = [];
    for (const id of numbers) {
      const result = await collectPledge(deps, hr, id);
      if (result.ok) collected++;
      else failed.push(collectErrorText(c, result.error, id));
    }
    if (numbers.length === 0) failed.push(c.dashboard.pages.pledges.nothingSelected);
    await redirectWithNotice(deps, req, res, '/hr/pledges', c.dashboard.pages.pledges.collected(collected), failed);
  };
}

export function pledgesCsvRoute(deps: PledgeDeps & ActorDeps & NoticeDeps): HrHandler {
  return async (_req, res) => {
    const progress = await currentProgress(deps);
    res.status(200).set({
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="pledges.csv"',
      'cache-control': 'private, no-store',
    });
    for await (const line of pledgesCsv(deps.pledges, progress.ok ? progress.value.campaign.id : null, deps.timeZone)) res.write(line);
    res.end();
  };
}
