/**
 * RFC 4180 CSV. A cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR) is prefixed with
 * a quote mark (phone numbers like +212 6… excepted): exports are opened in Excel by HR, and a pledge note is written by anyone.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  // A phone number in international form (+212 6…) cannot carry a formula: keep it readable.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text) && !/^\+[\d ]{6,20}$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(cells: Array<string | number | boolean | null | undefined>): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** `150050` → `1500.50`: exports carry plain decimal amounts that any spreadsheet reads. */
export function decimalAmount(minorUnits: number): string {
  const sign = minorUnits < 0 ? '-' : '';
  const abs = Math.abs(minorUnits);
  return `${sign}${Math.floor(abs / 100)}.${(abs % 100).toString().padStart(2, '0')}`;
}
