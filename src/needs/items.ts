/**
 * How people write items and sizes: `3 parkas 8-10`, `une couverture`, `2 ballons de foot`,
 * `boots T32`. Pure functions, unit-tested: words are folded (no accents, lower case, singular) and
 * looked up in a table of French and English names. An unknown or ambiguous word is reported, never
 * guessed at.
 */

/** Lower case, accents removed (NFD), apostrophes and punctuation to spaces. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`´]/g, ' ')
    .replace(/[^a-z0-9/\- ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** French and English plurals to the singular: `parkas`, `manteaux`, `boxes` → `parka`, `manteau`, `box`. */
export function singular(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith('eaux')) return word.slice(0, -1);
  if (/(ch|sh|x|s)es$/.test(word) && !word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/[sx]$/.test(word) && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** Small words between the ones that matter (`ballon de football`, `pairs of boots`). */
const FILLERS = new Set([
  'de',
  'du',
  'des',
  'd',
  'l',
  'la',
  'le',
  'les',
  'un',
  'une',
  'of',
  'the',
  'a',
  'an',
  'pour',
  'for',
  'paire',
  'pair',
  'taille',
  'size',
  'pointure',
  'en',
  'a',
  'au',
  'aux',
  'to',
]);

/** The folded, singular words of a phrase, fillers dropped. */
export function itemWords(text: string): string[] {
  return fold(text)
    .split(' ')
    .map(singular)
    .filter((w) => w !== '' && !FILLERS.has(w));
}

/**
 * Canonical item keys and the names people use for them, French and English. HR may add needs for
 * items not listed here: their key is then their own folded words.
 */
export const ITEM_NAMES: Readonly<Record<string, readonly string[]>> = {
  parka: ['parka', 'anorak', 'doudoune', 'manteau', 'blouson', 'coat', 'winter coat', 'jacket', 'veste chaude', 'puffer jacket'],
  boots: ['botte', 'bottes', 'boot', 'bottine', 'snow boot', 'botte de pluie'],
  pullover: ['pull', 'pullover', 'pull over', 'sweater', 'jumper', 'tricot', 'sweat', 'sweatshirt'],
  blanket: ['couverture', 'blanket', 'plaid'],
  football: ['ballon football', 'ballon foot', 'football', 'soccer ball', 'football ball', 'ballon soccer'],
  basketball: ['ballon basket', 'ballon basketball', 'basketball', 'basket ball', 'basketball ball'],
  wheelchair: ['fauteuil roulant', 'wheelchair', 'chaise roulante'],
  gloves: ['gant', 'glove', 'moufle', 'mitten'],
  hat: ['bonnet', 'hat', 'beanie', 'winter hat'],
  scarf: ['echarpe', 'scarf', 'cache col', 'neck warmer'],
  socks: ['chaussette', 'sock'],
  shoes: ['chaussure', 'shoe', 'basket', 'sneaker', 'trainer'],
  trousers: ['pantalon', 'trouser', 'pant', 'jogging'],
  tracksuit: ['survetement', 'tracksuit'],
  schoolbag: ['cartable', 'sac ecole', 'sac scolaire', 'school bag', 'schoolbag', 'backpack', 'sac dos'],
  'winter-kit': ['kit hiver', 'winter kit'],
};

/** Folded synonym phrase → key, built once. */
const PHRASES: ReadonlyMap<string, string> = new Map(
  Object.entries(ITEM_NAMES).flatMap(([key, names]) => names.map((n) => [itemWords(n).join(' '), key] as const)),
);

export type ItemMatch = { kind: 'item'; key: string } | { kind: 'ambiguous'; keys: string[] } | { kind: 'unknown' };

/**
 * The item a phrase names. An exact name wins; otherwise every name that contains all the words
 * typed (`ballon` is in both `ballon de football` and `ballon de basket`): one item is a match,
 * several are ambiguous. `extra` adds HR's own items (key → their words).
 */
export function matchItem(text: string, extra: ReadonlyMap<string, string> = new Map()): ItemMatch {
  const words = itemWords(text);
  if (words.length === 0) return { kind: 'unknown' };
  const phrase = words.join(' ');
  const exact = PHRASES.get(phrase) ?? extra.get(phrase);
  if (exact) return { kind: 'item', key: exact };
  const keys = new Set<string>();
  for (const [name, key] of [...PHRASES, ...extra]) {
    const nameWords = name.split(' ');
    if (words.every((w) => nameWords.includes(w))) keys.add(key);
  }
  if (keys.size === 1) return { kind: 'item', key: [...keys][0] ?? '' };
  return keys.size === 0 ? { kind: 'unknown' } : { kind: 'ambiguous', keys: [...keys].sort() };
}

/** The key an item written by HR is stored under: a known item's key, else its own folded words. */
export function itemKeyOf(text: string): string | null {
  const match = matchItem(text);
  if (match.kind === 'item') return match.key;
  const words = itemWords(text);
  return words.length === 0 ? null : words.join(' ');
}

const RANGE = /^(\d{1,2})\s*(?:-|\/|a|à|to)\s*(\d{1,2})(?:\s*(?:ans?|years?|yrs?|y))?$/;
const SHOE = /^(?:t|p|pointure\s*|taille\s*|size\s*|eu\s*)?(\d{2})(?:\s*(?:ans?|years?))?$/;
const LETTER = /^(xxs|xs|s|m|l|xl|xxl|xxxl)$/;

/**
 * A size as stored and compared: `8 - 10 ans`, `8/10`, `8 à 10` → `8-10`; `T38`, `P38`, `38` → `38`;
 * `xl` → `XL`. Null when the text is not a size.
 */
export function normalizeSize(text: string): string | null {
  const t = fold(text).replace(/\s+/g, ' ');
  const range = RANGE.exec(t);
  if (range) return Number(range[1]) < Number(range[2]) ? `${Number(range[1])}-${Number(range[2])}` : null;
  const shoe = SHOE.exec(t);
  if (shoe) return String(Number(shoe[1]));
  const letter = LETTER.exec(t);
  return letter ? (letter[1] ?? '').toUpperCase() : null;
}

export interface GiveWords {
  quantity: number | null;
  size: string | null;
  /** The words left for the item and the site, folded. */
  rest: string[];
}

const NUMBER_WORDS: Record<string, number> = { un: 1, une: 1, one: 1, a: 1, an: 1, deux: 2, two: 2, trois: 3, three: 3, quatre: 4, four: 4, cinq: 5, five: 5 };

/**
 * Splits a `/give` line into its quantity (the first number or number word), its size (anywhere:
 * `8-10`, `8 - 10 ans`, `T32`, a second bare number) and the other words.
 */
export function splitGive(text: string): GiveWords {
  const tokens = fold(text.replace(/(\d)\s*(-|\/)\s*(\d)/g, '$1$2$3'))
    .split(' ')
    .filter((w) => w !== '');
  let quantity: number | null = null;
  let size: string | null = null;
  const rest: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i] ?? '';
    const next = tokens[i + 1];
    if (quantity === null && rest.length === 0 && size === null && (/^\d{1,6}$/.test(tok) || NUMBER_WORDS[tok] !== undefined)) {
      quantity = /^\d+$/.test(tok) ? Number(tok) : (NUMBER_WORDS[tok] ?? null);
      continue;
    }
    const cued = i > 0 && /^(taille|size|pointure)$/.test(tokens[i - 1] ?? '');
    const looksLikeSize = /^\d/.test(tok) || /^[tp]\d{2}$/.test(tok) || (LETTER.test(tok) && (tok.length >= 2 || cued));
    if (size === null && looksLikeSize) {
      const withUnit = next !== undefined && /^(ans?|years?)$/.test(next) ? `${tok} ${next}` : tok;
      const found = normalizeSize(withUnit);
      if (found !== null) {
        size = found;
        if (withUnit !== tok) i++;
        continue;
      }
    }
    if (/^(taille|size|pointure)$/.test(tok)) continue;
    rest.push(tok);
  }
  return { quantity, size, rest };
}
