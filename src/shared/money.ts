/**
 * Money is an integer number of minor units (centimes). It is made and combined only here:
 * no float ever holds an amount.
 */
import type { Locale } from './vocabulary.js';

export type Minor = number & { readonly __minor: unique symbol };

export const minor = (n: number): Minor => {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not an integer amount of minor units: ${n}`);
  return n as Minor;
};

export const ZERO = minor(0);
export const add = (a: Minor, b: Minor): Minor => minor(a + b);
export const sub = (a: Minor, b: Minor): Minor => minor(a - b);
export const fromMajor = (units: number): Minor => minor(units * 100);

/** Re-exported from the vocabulary, where it is defined. */
export type { Locale };

/** Groups of three digits, separated by `sep`. */
function group(digits: string, sep: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/**
 * `150050` → fr `1 500,50 MAD`, en `1,500.50 MAD`. Whole amounts drop the decimals (`500 MAD`).
 * A plain space groups thousands in French so that what people type (`1 500,50`) reads back the same.
 */
export function formatMoney(amount: Minor, currency: string, locale: Locale): string {
  const negative = amount < 0;
  const abs = Math.abs(amount);
  const units = Math.floor(abs / 100).toString();
  const cents = abs % 100;
  const [thousands, decimal] = locale === 'fr' ? [' ', ','] : [',', '.'];
  const whole = group(units, thousands);
  const body = cents === 0 ? whole : `${whole}${decimal}${cents.toString().padStart(2, '0')}`;
  return `${negative ? '-' : ''}${body} ${currency}`;
}

/** Whole percent of `part` in `total`, rounded down (99.9 % is not yet 100 %). */
export function percentOf(part: Minor, total: Minor): number {
  if (total <= 0) return 0;
  return Math.floor((part * 100) / total);
}
