/**
 * The words and signs people write beside a number to say its currency, and which currency each names.
 * An amount's currency is read from them; a mark that names another currency than the campaign's is
 * refused, never counted as the campaign's.
 */

/** How people write the common currencies beside the ISO code, lower case, without spaces. */
const COMMON_WORDS: Readonly<Record<string, readonly string[]>> = {
  MAD: ['dh', 'dhs', 'dirham', 'dirhams', 'درهم', 'دراهم'],
  EUR: ['€', 'euro', 'euros', '€uro', '€uros', 'يورو'],
  USD: ['$', 'us$', '$us', 'dollar', 'dollars', 'دولار', 'دولارات'],
  GBP: ['£', 'pound', 'pounds'],
};

/**
 * Words that can only be a currency beside a number, with the code when one currency is meant, else
 * null (`francs`: Swiss, CFA…). They are refused in any campaign whose currency they may not be.
 */
const OTHER_WORDS: ReadonlyMap<string, string | null> = new Map(
  Object.entries({
    yen: 'JPY',
    yens: 'JPY',
    yuan: 'CNY',
    yuans: 'CNY',
    rupee: null,
    rupees: null,
    roupie: null,
    roupies: null,
    franc: null,
    francs: null,
    dinar: null,
    dinars: null,
    riyal: null,
    riyals: null,
    rial: null,
    rials: null,
    peso: null,
    pesos: null,
    rouble: 'RUB',
    roubles: 'RUB',
    ruble: 'RUB',
    rubles: 'RUB',
    zloty: 'PLN',
    zlotys: 'PLN',
    ريال: null,
    دينار: null,
    جنيه: null,
  }),
);

const ISO_CODES = new Set(Intl.supportedValuesOf('currency'));
const SIGN = /\p{Sc}/u;

let symbols: Map<string, string> | null = null;

/** Signs of every currency as English and French write them (`CA$`, `¥`, `₹`, `$CA`), lower case; built once, when first needed. */
function currencySymbols(): Map<string, string> {
  if (symbols) return symbols;
  symbols = new Map();
  for (const locale of ['en', 'fr']) {
    for (const code of ISO_CODES) {
      const parts = new Intl.NumberFormat(locale, { style: 'currency', currency: code }).formatToParts(0);
      const sign = parts
        .find((p) => p.type === 'currency')
        ?.value.replace(/\s+/g, '')
        .toLowerCase();
      if (sign !== undefined && SIGN.test(sign) && !symbols.has(sign)) symbols.set(sign, code);
    }
  }
  return symbols;
}

const fold = (mark: string): string => mark.replace(/\s+/g, '').toLowerCase();

/** Every code, sign and word of the common currencies, lower case, to its code. */
const COMMON: ReadonlyMap<string, string> = new Map(
  Object.entries(COMMON_WORDS).flatMap(([code, words]) => [code.toLowerCase(), ...words].map((word) => [word, code] as const)),
);

/** A code, sign or word of MAD, EUR, USD or GBP (`word` folded: lower case, no spaces). */
const commonCurrency = (word: string): string | null => COMMON.get(word) ?? null;

/**
 * The currency a mark names: its ISO code (`€` → `EUR`, `dhs` → `MAD`, `chf` → `CHF`, `CA$` → `CAD`,
 * `US $` → `USD`), the mark itself when it surely is a currency but not which one (`₿`, `francs`),
 * or null when it names none.
 */
export function currencyOf(mark: string): string | null {
  const word = fold(mark);
  const common = commonCurrency(word);
  if (common !== null) return common;
  const upper = word.toUpperCase();
  if (/^[A-Z]{3}$/.test(upper) && ISO_CODES.has(upper)) return upper;
  const other = OTHER_WORDS.get(word);
  if (other !== undefined) return other ?? mark;
  const signed = currencySymbols().get(word);
  if (signed !== undefined) return signed;
  return SIGN.test(word) ? mark : null;
}

/**
 * How surely a word beside a number names a currency. `sure`: a code, sign or word of the common
 * currencies in any case (`€`, `euros`, `usd`), anything with a currency sign (`¥`, `CA$`, `$US`) or
 * a currency's name (`yen`, `دولار`). `code`: another ISO code (`CHF`, `chf`), which is also an
 * ordinary word (`SOS`, `ALL`, `TOP`): a currency only when glued to the number or ending the text.
 */
export function currencyMark(word: string): 'sure' | 'code' | null {
  const folded = fold(word);
  if (folded === '') return null;
  if (commonCurrency(folded) !== null || SIGN.test(folded) || OTHER_WORDS.has(folded)) return 'sure';
  return /^[a-z]{3}$/.test(folded) && ISO_CODES.has(folded.toUpperCase()) ? 'code' : null;
}
