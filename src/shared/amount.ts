import { err, ok, type Coded, type Result } from './result.js';
import { currencyOf } from './currency-marks.js';
import { minor, type Minor } from './money.js';

/**
 * Why a text is not an amount at all. `amount.too_long`: more digits than any amount could have;
 * `amount.other_currency`: an amount written in a currency that is not the campaign's (`written`, its code, or
 * the mark as written when it surely is a currency but not which one: `₿`, `francs`).
 */
export type AmountReadError =
  | Coded<'amount.missing' | 'amount.invalid' | 'amount.negative' | 'amount.zero' | 'amount.too_precise' | 'amount.too_long'>
  | { readonly code: 'amount.other_currency'; readonly written: string };

/** An amount outside the pledge limits, with the limit in the currency it was checked in. */
export type AmountRangeError =
  | { readonly code: 'amount.too_small'; readonly min: Minor; readonly currency: string }
  | { readonly code: 'amount.too_large'; readonly max: Minor; readonly currency: string };

/** A read error as it is answered: with the currency amounts are written in, which the answer names. */
export type AmountUnread = AmountReadError & { readonly currency: string };

/** The read error, told in `currency` (the campaign's). */
export const unreadIn = (error: AmountReadError, currency: string): AmountUnread => ({ ...error, currency });

export type AmountError = AmountUnread | AmountRangeError;

/** Arabic-Indic (U+0660…) and Eastern Arabic-Indic (U+06F0…) digits, and the Arabic separators. */
function asciiDigits(text: string): string {
  return text
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/\u066b/g, ',') // Arabic decimal separator
    .replace(/\u066c/g, '.'); // Arabic thousands separator
}

const SPACES = /[\s\u00a0\u202f\u2009]+/g;
const NUMBER_CHARS = /^[+-]?[0-9][0-9.,]*$/;

/** The longest amount we even look at: beyond this it is absurd, whatever it says. */
const MAX_DIGITS = 13;

/**
 * A currency mark at the end or the start of the text: a word, a sign with or without letters
 * (`€`, `US$`, `$US`, `CA$`, `€uros`), or two letters and a sign (`US $`).
 */
const TRAILING_MARK = /(?<![\p{L}\p{Sc}])(?:\p{L}{2} \p{Sc}|[\p{L}\p{Sc}]+)$/u;
const LEADING_MARK = /^(?:\p{L}{2} \p{Sc}|[\p{L}\p{Sc}]+)(?![\p{L}\p{Sc}])/u;
const SIGNED = /^[-−–+]/;

/**
 * The text without its currency mark, or why it cannot be read. Without a `currency` (no campaign
 * names one) only dirhams are understood, and any other mark leaves the text unreadable.
 */
function withoutCurrency(text: string, currency: string | undefined): Result<string, AmountReadError> {
  const trailing = TRAILING_MARK.exec(text);
  const leading = trailing ? null : LEADING_MARK.exec(text);
  const mark = trailing ?? leading;
  if (!mark) return ok(text);
  const written = currencyOf(mark[0]);
  if (written === null) return err({ code: 'amount.invalid' });
  if (written !== (currency ?? 'MAD')) return err(currency === undefined ? { code: 'amount.invalid' } : { code: 'amount.other_currency', written });
  const rest = trailing ? text.slice(0, mark.index) : text.slice(mark[0].length);
  return ok(rest.trim());
}

/**
 * Reads an amount the way people type it, into centimes.
 *
 * `1500`, `1 500`, `1.500`, `1,500` (thousands), `1500,50`, `1500.50` (decimals), `150.000,00`,
 * `1,500.50`, `1500 MAD`, `1500dh`, `1 500 DH`, `٥٠٠ درهم`. A single `.` or `,` followed by exactly
 * three digits groups thousands; otherwise it is the decimal mark. At most two decimals.
 * `currency` is the campaign's: its code, symbol or words are understood before or after the number
 * (`500 €`, `€500`, `500 euros`, `EUR 500`, `500 chf`), and another currency, or a mark that surely is a
 * currency but not which one, is refused (`amount.other_currency`) rather than counted as if it were the
 * campaign's. A sign may lead (`-€500` is less than zero). Without it, only dirhams are understood.
 * Range checks are separate ({@link checkPledgeRange}).
 */
export function parseAmount(raw: string, currency?: string): Result<Minor, AmountReadError> {
  let text = asciiDigits(raw).trim();
  if (text === '') return err({ code: 'amount.missing' });
  text = text.replace(SPACES, ' ');
  // The sign may come before the currency mark (`-€500`) or after it (`€-500`).
  const sign = SIGNED.exec(text)?.[0] ?? '';
  const unmarked = withoutCurrency(text.slice(sign.length).trim(), currency);
  if (!unmarked.ok) return unmarked;
  text = sign + unmarked.value;
  let negative = false;
  if (/^[-−–]/.test(text)) {
    negative = true;
    text = text.slice(1).trim();
  } else if (text.startsWith('+')) {
    text = text.slice(1).trim();
  }
  const spaced = text.split(' ');
  if (spaced.length > 1) {
    // Space-grouped thousands: every group after the first is exactly three digits (the last may carry decimals).
    const groupsOk = spaced.every((g, i) => (i === 0 ? /^\d{1,3}$/.test(g) : i === spaced.length - 1 ? /^\d{3}(?:[.,]\d{1,2})?$/.test(g) : /^\d{3}$/.test(g)));
    if (!groupsOk) return err({ code: 'amount.invalid' });
    text = spaced.join('');
  }
  if (!NUMBER_CHARS.test(text)) return err({ code: 'amount.invalid' });
  const parts = splitNumber(text);
  if (!parts) return err({ code: 'amount.invalid' });
  const { whole, fraction } = parts;
  if (fraction.length > 2) return err({ code: 'amount.too_precise' });
  const wholeDigits = whole.replace(/^0+(?=\d)/, '');
  if (wholeDigits.length > MAX_DIGITS) return err({ code: 'amount.too_long' });
  const value = Number(wholeDigits) * 100 + Number(fraction.padEnd(2, '0'));
  if (negative && value > 0) return err({ code: 'amount.negative' });
  if (value === 0) return err({ code: 'amount.zero' });
  return ok(minor(value));
}

/** Splits `1.500.000,50` into whole `1500000` and fraction `50`, or null when the separators make no sense. */
function splitNumber(text: string): { whole: string; fraction: string } | null {
  const dots = (text.match(/\./g) ?? []).length;
  const commas = (text.match(/,/g) ?? []).length;
  if (dots === 0 && commas === 0) return { whole: text, fraction: '' };
  if (dots > 0 && commas > 0) {
    // Both marks: the last one is the decimal mark, the other groups thousands.
    const lastDot = text.lastIndexOf('.');
    const lastComma = text.lastIndexOf(',');
    const [decimalMark, groupMark] = lastDot > lastComma ? ['.', ','] : [',', '.'];
    if ((decimalMark === '.' ? dots : commas) !== 1) return null;
    const [intPart = '', fraction = ''] = text.split(decimalMark);
    const whole = ungroup(intPart, groupMark);
    return whole === null || fraction === '' ? null : { whole, fraction };
  }
  const mark = dots > 0 ? '.' : ',';
  const count = dots + commas;
  const pieces = text.split(mark);
  if (count === 1) {
    const [head = '', tail = ''] = pieces;
    if (head === '' || tail === '') return null;
    // Exactly three digits after a single mark: thousands (1.500); otherwise a decimal mark (1500,50).
    if (tail.length === 3) {
      return /^\d{1,3}$/.test(head) ? { whole: head + tail, fraction: '' } : null;
    }
    return { whole: head, fraction: tail };
  }
  const whole = ungroup(text, mark);
  return whole === null ? null : { whole, fraction: '' };
}

/** `1.500.000` with `.` → `1500000`, or null unless the groups are 1–3 digits then threes. */
function ungroup(text: string, mark: string): string | null {
  const groups = text.split(mark);
  const valid = groups.every((g, i) => (i === 0 ? /^\d{1,3}$/.test(g) : /^\d{3}$/.test(g)));
  return valid ? groups.join('') : null;
}

/**
 * Minimum and maximum a single pledge may be, and the currency pledges are counted in where no
 * campaign says otherwise (a campaign names its own).
 */
export interface PledgeLimits {
  min: Minor;
  max: Minor;
  currency: string;
}

/** The amount within the limits; a refusal names the limit, in `currency` (the campaign's). */
export function checkPledgeRange(amount: Minor, limits: PledgeLimits, currency: string): Result<Minor, AmountRangeError> {
  if (amount < limits.min) return err({ code: 'amount.too_small', min: limits.min, currency });
  if (amount > limits.max) return err({ code: 'amount.too_large', max: limits.max, currency });
  return ok(amount);
}
