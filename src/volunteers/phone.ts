/**
 * Phone numbers as people type them, normalised to E.164 (`+212612345678`). Moroccan numbers are
 * accepted in every everyday form (`06 12 34 56 78`, `07.12.34.56.78`, `+212 6…`, `00212 6…`,
 * `+212 (0)6…`); any other country only in international form (`+33 6…`, `0033 6…`). A small
 * hand-written rule is enough here: the caravan needs a number to call, not a carrier look-up.
 */
import { err, ok, type Coded, type Result } from '../shared/result.js';

export type PhoneError = Coded<'phone.missing' | 'phone.invalid' | 'phone.not_international'>;

const SEPARATORS = /[\s.\-()/\u00a0]/g;
/** Moroccan national significant numbers: 5… fixed lines, 6… and 7… mobiles, 9 digits in all. */
const MOROCCO_NSN = /^[567]\d{8}$/;

/** Arabic-Indic and Eastern Arabic-Indic digits, as some phones' keyboards write them. */
function westernDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10));
}

/**
 * `phone.missing` for an empty field, `phone.invalid` for something that is not a number we can
 * call, `phone.not_international` for a national number of another country (no country code).
 */
export function normalizePhone(input: string | null | undefined): Result<string, PhoneError> {
  const raw = westernDigits((input ?? '').trim());
  if (raw === '') return err({ code: 'phone.missing' });
  if (raw.length > 40) return err({ code: 'phone.invalid' });
  let compact = raw.replace(SEPARATORS, '');
  if (compact.startsWith('00')) compact = `+${compact.slice(2)}`;
  if (!/^\+?\d+$/.test(compact)) return err({ code: 'phone.invalid' });
  if (!compact.startsWith('+')) {
    if (/^0\d{9}$/.test(compact)) return MOROCCO_NSN.test(compact.slice(1)) ? ok(`+212${compact.slice(1)}`) : err({ code: 'phone.invalid' });
    return err({ code: 'phone.not_international' });
  }
  if (compact.startsWith('+212')) {
    // `+212 (0)6…`: the national trunk zero written after the country code.
    const nsn = compact.slice(4).replace(/^0(?=\d{9}$)/, '');
    return MOROCCO_NSN.test(nsn) ? ok(`+212${nsn}`) : err({ code: 'phone.invalid' });
  }
  // E.164: a country code never starts with 0, and the whole number has 8 to 15 digits.
  return /^\+[1-9]\d{7,14}$/.test(compact) ? ok(compact) : err({ code: 'phone.invalid' });
}

/** The last two digits only (`•• 78`): enough for a person to recognise their number in a message. */
export function phoneHint(e164: string | null): string | null {
  return e164 === null || e164.length < 4 ? null : e164.slice(-2);
}
