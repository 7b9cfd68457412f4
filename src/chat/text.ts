/**
 * Structured chat text inside the catalogue's strings. The catalogue writes its own words with light
 * markup (`*bold*`, `` `/command` ``) and marks whatever a person typed or named — display names, notes,
 * captions, places, trip names, file names — with `personText`. Each platform renderer reads the
 * spans back and escapes person text its own way, so no name can become a mention, a link or bold.
 *
 * The marks are two invisible format characters (U+2063, U+2064): they survive concatenation and
 * template literals, a text that skips a renderer still reads right, `personText` strips them from
 * what people type, and `plainText` removes them for places that are not chat (CSV files, logs).
 */

const OPEN = '\u2063';
const CLOSE = '\u2064';
const MARKS = /[\u2063\u2064]/g;

export type Span =
  /** The catalogue's own words, with its light markup. */
  | { kind: 'plain'; text: string }
  /** A command as the person types it, written `` `/pledge list` `` in the catalogue. */
  | { kind: 'command'; text: string }
  /** Text a person typed or named: shown literally, whatever characters it holds. */
  | { kind: 'person'; text: string };

/** Marks `text` as typed by a person. */
export function personText(text: string): string {
  return `${OPEN}${text.replace(MARKS, '')}${CLOSE}`;
}

/** The text without its marks, for places that are not chat. */
export function plainText(text: string): string {
  return text.replace(MARKS, '');
}

/** Splits a catalogue string into spans; commands are the catalogue's `` `/…` `` code spans. */
export function spans(text: string): Span[] {
  const out: Span[] = [];
  for (const [i, part] of text.split(/[\u2063\u2064]/).entries()) {
    if (part === '') continue;
    // Odd parts sit between an OPEN and its CLOSE.
    if (i % 2 === 1) {
      out.push({ kind: 'person', text: part });
      continue;
    }
    for (const [j, piece] of part.split(/`([^`\n]+)`/).entries()) {
      if (piece === '') continue;
      out.push(j % 2 === 1 ? { kind: 'command', text: piece } : { kind: 'plain', text: piece });
    }
  }
  return out;
}

/** True when a headline brings its own icon (`📣 Annonce`): renderers then add no tone icon beside it. */
export function hasOwnIcon(headline: string): boolean {
  return /^\p{Extended_Pictographic}/u.test(headline.trim());
}
