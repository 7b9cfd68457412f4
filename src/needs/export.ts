/**
 * The needs as CSV: HR's export (needed, pledged, received and missing per need) and a site's
 * loading list (what was received, by item and size). Totals only: no name is ever written here.
 */
import { csvRow, decimalAmount } from '../shared/csv.js';
import { missing, type Need } from './need.js';
import type { LoadingLine } from './ports.js';

export function needsCsv(needs: readonly Need[]): string {
  const header = csvRow(['need', 'site', 'item', 'size', 'needed', 'pledged', 'received', 'missing', 'unit_price']);
  return (
    header +
    needs
      .map((n) =>
        csvRow([
          n.id,
          n.siteName,
          n.itemLabel,
          n.size ?? '',
          n.quantity,
          n.pledged,
          n.received,
          missing(n),
          n.unitPriceMinor === null ? '' : decimalAmount(n.unitPriceMinor),
        ]),
      )
      .join('')
  );
}

/** `label` names each line's item in the reader's language. */
export function loadingCsv(
  lines: readonly LoadingLine[],
  label: (line: LoadingLine) => string,
  headers: { item: string; size: string; received: string },
): string {
  return csvRow([headers.item, headers.size, headers.received]) + lines.map((l) => csvRow([label(l), l.size ?? '', l.received])).join('');
}
