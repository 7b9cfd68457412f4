/**
 * Payments received, as a CSV HR uploads (`pledge,amount`), compared with the pledges before anything
 * changes: which lines match a pledge still to collect, which differ, which make no sense. Confirming
 * collects the matching ones through `collectPledge`, as `/caravan collect N` would, one by one.
 */
import { parse } from 'csv-parse/sync';
import type { HrActor } from '../chat/actor.js';
import type { PledgeDeps } from '../pledges/ports.js';
import { collectPledge } from '../pledges/pledges.service.js';
import { parseAmount } from '../shared/amount.js';
import type { Minor } from '../shared/money.js';
import { err, ok, type Coded, type Result } from '../shared/result.js';

/** One upload at most this many lines: a campaign's pledges, with room to spare. */
export const PAYMENTS_MAX_LINES = 5000;

export type PaymentLine =
  | { kind: 'match'; line: number; pledgeId: number; amountMinor: Minor }
  | { kind: 'amount_differs'; line: number; pledgeId: number; amountMinor: Minor; pledgedMinor: Minor }
  | { kind: 'already_collected' | 'cancelled' | 'other_campaign'; line: number; pledgeId: number }
  | { kind: 'unknown_pledge'; line: number; pledgeId: number }
  | { kind: 'unreadable'; line: number; text: string };

export type PaymentsError = Coded<'payments.not_csv' | 'payments.bad_header' | 'payments.empty'> | { readonly code: 'payments.too_many'; readonly max: number };

function rowsOf(text: string): Result<string[][], PaymentsError> {
  let rows: string[][];
  try {
    rows = parse(text, { relax_column_count: true, skip_empty_lines: true, trim: true, bom: true });
  } catch {
    return err({ code: 'payments.not_csv' });
  }
  const header = (rows[0] ?? []).map((h) => h.toLowerCase());
  if (header[0] !== 'pledge' || header[1] !== 'amount') return err({ code: 'payments.bad_header' });
  if (rows.length < 2) return err({ code: 'payments.empty' });
  if (rows.length - 1 > PAYMENTS_MAX_LINES) return err({ code: 'payments.too_many', max: PAYMENTS_MAX_LINES });
  return ok(rows.slice(1));
}

/** The campaign a payments file is read for: its pledges, and the currency its amounts are written in. */
export interface PaymentsCampaign {
  id: string;
  currency: string;
}

/** Compares every line with the pledges of `campaign`; changes nothing. */
export async function previewPayments(
  deps: Pick<PledgeDeps, 'pledges'>,
  campaign: PaymentsCampaign,
  text: string,
): Promise<Result<PaymentLine[], PaymentsError>> {
  const rows = rowsOf(text);
  if (!rows.ok) return rows;
  const lines: PaymentLine[] = [];
  for (const [index, row] of rows.value.entries()) {
    const line = index + 2;
    const id = (row[0] ?? '').replace(/^#/, '');
    const amount = parseAmount(row[1] ?? '', campaign.currency);
    if (!/^\d{1,15}$/.test(id) || !amount.ok) {
      lines.push({ kind: 'unreadable', line, text: row.join(',').slice(0, 80) });
      continue;
    }
    const pledgeId = Number(id);
    const pledge = await deps.pledges.get(pledgeId);
    if (!pledge) lines.push({ kind: 'unknown_pledge', line, pledgeId });
    else if (pledge.campaignId !== campaign.id) lines.push({ kind: 'other_campaign', line, pledgeId });
    else if (pledge.status === 'collected') lines.push({ kind: 'already_collected', line, pledgeId });
    else if (pledge.status === 'cancelled') lines.push({ kind: 'cancelled', line, pledgeId });
    else if (pledge.amountMinor !== amount.value)
      lines.push({ kind: 'amount_differs', line, pledgeId, amountMinor: amount.value, pledgedMinor: pledge.amountMinor });
    else lines.push({ kind: 'match', line, pledgeId, amountMinor: amount.value });
  }
  return ok(lines);
}

/** Previews again (the pledges may have moved since) and collects only the lines that still match. */
export async function confirmPayments(
  deps: PledgeDeps,
  hr: HrActor,
  campaign: PaymentsCampaign,
  text: string,
): Promise<Result<{ collected: number[]; skipped: PaymentLine[] }, PaymentsError>> {
  const preview = await previewPayments(deps, campaign, text);
  if (!preview.ok) return preview;
  const collected: number[] = [];
  const skipped: PaymentLine[] = [];
  const seen = new Set<number>();
  for (const line of preview.value) {
    if (line.kind !== 'match' || seen.has(line.pledgeId)) {
      skipped.push(line);
      continue;
    }
    seen.add(line.pledgeId);
    const result = await collectPledge(deps, hr, line.pledgeId);
    if (result.ok) collected.push(line.pledgeId);
    else skipped.push({ kind: 'already_collected', line: line.line, pledgeId: line.pledgeId });
  }
  return ok({ collected, skipped });
}
