/**
 * Phone numbers as people type them, checked and normalised to E.164 (`+212612345678`) with
 * libphonenumber-js and its full metadata (Google's libphonenumber rules for every country, digits
 * included, not only lengths). Moroccan numbers are accepted in every everyday form (`06 12 34 56 78`,
 * `07.12.34.56.78`, `+212 6…`, `00212 6…`, `+212 (0)6…`): the default region is Morocco. Any other
 * country only in international form (`+33 6…`, `0033 6…`), since its national form would be read as
 * Moroccan.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { err, ok, type Result } from '../shared/result.js';

export type PhoneError = 'phone.missing' | 'phone.invalid' | 'phone.not_international';

/** Where the campaign runs: numbers written without a country code are read as this country's. */
const DEFAULT_REGION = 'MA';
/** What people put between digits; anything else (letters, a second number) is refused. */
const SEPARATORS = /[\s.\-()/\u00a0]/g;

/** Arabic-Indic and Eastern Arabic-Indic digits, as some phones' keyboards write them. */
function westernDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10));
}

/**
 * `phone.missing` for an empty field, `phone.invalid` for something that is not a number we can
 * call, `phone.not_international` for a national number that is not Moroccan (no country code).
 */
export function normalizePhone(input: string | null | undefined): Result<string, PhoneError> {
  const raw = westernDigits((input ?? '').trim());
  if (raw === '') return err('phone.missing');
  if (raw.length > 40) return err('phone.invalid');
  const compact = raw.replace(SEPARATORS, '');
  if (!/^\+?\d+$/.test(compact)) return err('phone.invalid');
  const international = compact.startsWith('+') || compact.startsWith('00');
  // A national number starts with the trunk zero: `612345678` alone may be anyone's, anywhere.
  if (!international && !compact.startsWith('0')) return err('phone.not_international');
  const parsed = parsePhoneNumberFromString(raw, { defaultCountry: DEFAULT_REGION });
  if (parsed?.isValid()) return ok(parsed.number);
  // Ten digits with the trunk zero look Moroccan: a wrong one is invalid, not foreign.
  return international || /^0\d{9}$/.test(compact) ? err('phone.invalid') : err('phone.not_international');
}

/** The last two digits only (`•• 78`): enough for a person to recognise their number in a message. */
export function phoneHint(e164: string | null): string | null {
  return e164 === null || e164.length < 4 ? null : e164.slice(-2);
}
