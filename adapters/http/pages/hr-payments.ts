/**
 * `/hr/payments`: HR uploads the payments received; the preview shows matches and mismatches and
 * changes nothing; the confirmation carries the same CSV back and collects what still matches.
 */
import { z } from 'zod';
import { currentProgress } from '../../../src/campaigns/campaigns.service.js';
import { confirmPayments, previewPayments, type PaymentLine, type PaymentsError } from '../../../src/dashboard/payments.js';
import { money } from '../../../src/shared/i18n/format.js';
import type { Catalogue } from '../../../src/shared/i18n/index.js';
import { hrOf } from './hr-actor.js';
import type { HrHandler } from './hr-handler.js';
import { redirectWithNotice } from './notices.js';
import { sendPage } from './render.js';
import type { ActorDeps } from '../../../src/chat/actor.js';
import type { PledgeDeps } from '../../../src/pledges/ports.js';
import type { NoticeDeps } from '../../../src/dashboard/sessions.service.js';

const body = z.object({ csv: z.string().max(400_000) });

function errorText(c: Catalogue, error: PaymentsError): string {
  const e = c.dashboard.pages.payments.errors;
  switch (error.code) {
    case 'payments.not_csv':
    case 'payments.bad_header':
    case 'payments.empty':
      return e[error.code];
    case 'payments.too_many':
      return e[error.code](error.max);
  }
}

function verdict(c: Catalogue, line: PaymentLine, currency: string): { text: string; ok: boolean } {
  const k = c.dashboard.pages.payments.kinds;
  switch (line.kind) {
    case 'match':
      return { text: k.match, ok: true };
    case 'amount_differs':
      return { text: k.amount_differs(money(line.pledgedMinor, currency, c.locale)), ok: false };
    case 'already_collected':
    case 'cancelled':
    case 'other_campaign':
    case 'unknown_pledge':
    case 'unreadable':
      return { text: k[line.kind], ok: false };
  }
}

export function paymentsPage(): HrHandler {
  return async (_req, res, session, c) => sendPage(res, 200, 'payments', c, { session, nav: 'payments', csv: '', error: null, preview: null });
}

export function paymentsPreview(deps: PledgeDeps & ActorDeps & NoticeDeps): HrHandler {
  return async (req, res, session, c) => {
    const progress = await currentProgress(deps);
    const parsed = body.safeParse(req.body);
    const csv = parsed.success ? parsed.data.csv : '';
    if (!progress.ok) return sendPage(res, 200, 'message', c, { session, text: c.dashboard.pages.noCampaign });
    const { campaign } = progress.value;
    const preview = await previewPayments(deps, campaign, csv);
    if (!preview.ok) return sendPage(res, 422, 'payments', c, { session, nav: 'payments', csv, error: errorText(c, preview.error), preview: null });
    const lines = preview.value.map((l) => ({
      line: l.line,
      pledge: l.kind === 'unreadable' ? l.text : `${l.pledgeId}`,
      received: 'amountMinor' in l ? money(l.amountMinor, campaign.currency, c.locale) : '',
      ...verdict(c, l, campaign.currency),
    }));
    const matches = preview.value.filter((l) => l.kind === 'match').length;
    sendPage(res, 200, 'payments', c, { session, nav: 'payments', csv, error: null, preview: { lines, matches } });
  };
}

export function paymentsConfirm(deps: PledgeDeps & ActorDeps & NoticeDeps): HrHandler {
  return async (req, res, session, c) => {
    const progress = await currentProgress(deps);
    const parsed = body.safeParse(req.body);
    if (!progress.ok) return sendPage(res, 200, 'message', c, { session, text: c.dashboard.pages.noCampaign });
    const hr = await hrOf(deps, session, res, c);
    if (!hr) return;
    const done = await confirmPayments(deps, hr, progress.value.campaign, parsed.success ? parsed.data.csv : '');
    if (!done.ok) return sendPage(res, 422, 'payments', c, { session, nav: 'payments', csv: '', error: errorText(c, done.error), preview: null });
    await redirectWithNotice(deps, req, res, '/hr/pledges', c.dashboard.pages.pledges.collected(done.value.collected.length));
  };
}
