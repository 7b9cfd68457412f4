/**
 * Reads HR's needs CSV (`site,item,size,quantity,unit_price`) with csv-parse: `,` or `;` (French
 * Excel), a UTF-8 BOM, quoted fields, accents. Every row is checked before anything is stored; the
 * first bad one refuses the whole file with its line number.
 */
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { fold } from './items.js';
import type { Site } from './need.js';
import type { NewNeed } from './ports.js';
import { checkNeed, type NeedFields, type RowError } from './rows.js';
import { done, fail, type Outcome } from './outcome.js';

export const MAX_IMPORT_ROWS = 5000;

export type CsvError =
  | { code: 'import.unreadable'; line: number }
  | { code: 'import.empty' }
  | { code: 'import.too_many_rows'; max: number }
  | { code: 'import.missing_column'; column: string }
  | { code: 'import.bad_row'; line: number; error: RowError };

/** Header words accepted for each column, folded (French headers too). */
const COLUMNS: Record<keyof NeedFields, readonly string[]> = {
  site: ['site', 'lieu', 'douar', 'village'],
  item: ['item', 'article', 'objet'],
  size: ['size', 'taille', 'pointure'],
  quantity: ['quantity', 'quantite', 'qty', 'qte', 'nombre'],
  unitPrice: ['unit price', 'unit_price', 'prix unitaire', 'prix_unitaire', 'prix', 'price'],
};

function columnIndex(header: readonly string[]): Outcome<Record<keyof NeedFields, number>, CsvError> {
  const folded = header.map((h) => fold(h.replace(/_/g, ' ')));
  const index = { site: -1, item: -1, size: -1, quantity: -1, unitPrice: -1 };
  for (const key of Object.keys(COLUMNS) as Array<keyof NeedFields>) {
    index[key] = folded.findIndex((h) => COLUMNS[key].some((w) => fold(w.replace(/_/g, ' ')) === h));
  }
  for (const required of ['site', 'item', 'quantity'] as const) {
    if (index[required] < 0) return fail({ code: 'import.missing_column', column: required === 'site' ? 'site' : required });
  }
  return done(index);
}

const parsedRows = z.array(z.object({ record: z.array(z.string()), info: z.object({ lines: z.number().int() }) }));
type Record_ = z.infer<typeof parsedRows>[number];

function records(text: string): Outcome<Record_[], CsvError> {
  try {
    // With `info`, csv-parse returns { record, info } per row, which its types do not say: parse it.
    const rows: unknown = parse(text, { bom: true, delimiter: [',', ';'], skip_empty_lines: true, relax_column_count: true, info: true, trim: true });
    return done(parsedRows.parse(rows));
  } catch (error) {
    const line = typeof error === 'object' && error !== null && 'lines' in error && typeof error.lines === 'number' ? error.lines : 0;
    return fail({ code: 'import.unreadable', line });
  }
}

/** The file's needs, checked against the campaign's sites; `line` is the row's line in the file. */
export function readNeedsCsv(text: string, sites: readonly Site[], currency: string): Outcome<Array<NewNeed & { line: number }>, CsvError> {
  const parsed = records(text);
  if (!parsed.ok) return parsed;
  const [head, ...body] = parsed.value;
  if (!head || body.length === 0) return fail({ code: 'import.empty' });
  if (body.length > MAX_IMPORT_ROWS) return fail({ code: 'import.too_many_rows', max: MAX_IMPORT_ROWS });
  const index = columnIndex(head.record);
  if (!index.ok) return index;
  const cell = (row: string[], i: number) => (i < 0 ? '' : (row[i] ?? ''));
  const needs: Array<NewNeed & { line: number }> = [];
  for (const { record, info } of body) {
    const fields: NeedFields = {
      site: cell(record, index.value.site),
      item: cell(record, index.value.item),
      size: cell(record, index.value.size),
      quantity: cell(record, index.value.quantity),
      unitPrice: cell(record, index.value.unitPrice),
    };
    const checked = checkNeed(fields, sites, currency);
    if (!checked.ok) return fail({ code: 'import.bad_row', line: info.lines, error: checked.error });
    needs.push({ ...checked.value, line: info.lines });
  }
  return done(needs);
}
