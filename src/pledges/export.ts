import type { PledgeStore } from '../ports.js';
import { csvRow, decimalAmount } from '../shared/csv.js';

export const PLEDGE_CSV_HEADER = ['id', 'created_at', 'campaign', 'donor', 'identities', 'amount', 'currency', 'status', 'anonymous', 'note'];

/** Every pledge as CSV lines, header first, streamed in id order. */
export async function* pledgesCsv(pledges: PledgeStore, campaignId: string | null, timeZone: string): AsyncIterable<string> {
  yield csvRow(PLEDGE_CSV_HEADER);
  const stamp = new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'medium' });
  for await (const row of pledges.exportRows(campaignId)) {
    const p = row.pledge;
    yield csvRow([
      p.id,
      stamp.format(p.createdAt),
      row.campaignName,
      row.displayName,
      row.identities,
      decimalAmount(p.amountMinor),
      row.currency,
      p.status,
      p.anonymous ? 'yes' : 'no',
      p.note,
    ]);
  }
}
