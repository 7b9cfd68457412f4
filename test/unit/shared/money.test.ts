import { describe, expect, it } from 'vitest';
import { formatMoney, minor, percentOf } from '../../../src/shared/money.js';
import { progressBar } from '../../../src/shared/progress.js';
import { formatDay } from '../../../src/shared/i18n/format.js';
import { csvCell, decimalAmount } from '../../../src/shared/csv.js';

describe('formatMoney', () => {
  it.each([
    [150050, 'fr', '1 500,50 MAD'],
    [150050, 'en', '1,500.50 MAD'],
    [50000, 'fr', '500 MAD'],
    [50000, 'en', '500 MAD'],
    [15000000, 'fr', '150 000 MAD'],
    [15000000, 'en', '150,000 MAD'],
    [5, 'fr', '0,05 MAD'],
    [123456789, 'fr', '1 234 567,89 MAD'],
    [123456789, 'en', '1,234,567.89 MAD'],
  ] as const)('%i centimes in %s is %s', (amount, locale, expected) => {
    expect(formatMoney(minor(amount), 'MAD', locale)).toBe(expected);
  });

  it('refuses a fractional number of centimes rather than rounding money', () => {
    expect(() => minor(1.5)).toThrow(RangeError);
  });
});

describe('percentOf and the progress bar', () => {
  it('rounds down so that 99.9 % is not shown as done', () => {
    expect(percentOf(minor(14_999_999), minor(15_000_000))).toBe(99);
    expect(percentOf(minor(15_000_000), minor(15_000_000))).toBe(100);
  });
  it('draws ten cells, filled in proportion', () => {
    expect(progressBar(0)).toBe('░░░░░░░░░░');
    expect(progressBar(30)).toBe('▓▓▓░░░░░░░');
    expect(progressBar(99)).toBe('▓▓▓▓▓▓▓▓▓░');
    expect(progressBar(100)).toBe('▓▓▓▓▓▓▓▓▓▓');
  });
  it('stays full past 100 % and empty below 0', () => {
    expect(progressBar(180)).toBe('▓▓▓▓▓▓▓▓▓▓');
    expect(progressBar(-5)).toBe('░░░░░░░░░░');
  });
});

describe('dates and exports', () => {
  it('writes campaign days the French and the English way', () => {
    expect(formatDay('2026-11-15', 'fr')).toBe('15 novembre 2026');
    expect(formatDay('2026-12-15', 'en')).toBe('15 December 2026');
  });
  it('writes CSV amounts as plain decimals and defuses spreadsheet formulas', () => {
    expect(decimalAmount(150050)).toBe('1500.50');
    expect(decimalAmount(7)).toBe('0.07');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('+212612345678')).toBe('+212612345678');
    expect(csvCell('+1+cmd|calc')).toBe("'+1+cmd|calc");
  });
});
