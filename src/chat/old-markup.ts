/**
 * Messages written before the catalogue spoke in neutral spans carry the old markup in their own
 * words: `*bold*` (the catalogue's, and HR's kept bold), `_italic_` (HR's) and `` `/command` ``. The
 * outbox may hold such a message for weeks (an announcement scheduled ahead), so it is read back
 * here as the spans it meant; text written today has none of it outside its marks (a lint test
 * keeps src/ free of it), so reading it again changes nothing.
 */
import { bold, command, italic, MARKED } from './text.js';

/** Holes for the marked parts while the words around them are read; C1 controls never typed. */
const HOLE = /\u0091(\d+)\u0092/g;
const OLD_CODE = /`([^`\n\u0091\u0092]+)`/g;
/** As the Teams renderer used to read the catalogue's bold. */
const OLD_BOLD = /(^|[^\w*])\*(?=\S)([^*\n]*?\S)\*(?![\w*])/g;
/**
 * HR's italic as format.ts kept it: always around HR's own (marked) words, so a `_` in a signed
 * link's address is never read as italic.
 */
const OLD_ITALIC = /(?<![\p{L}\p{N}_])_(\u0091\d+\u0092(?:[^_\n]*\u0091\d+\u0092)?)_(?![\p{L}\p{N}_])/gu;

/** `text` with the old markup of its own words turned into neutral spans. */
export function fromOldMarkup(text: string): string {
  if (!/[*_`]/.test(text.replace(new RegExp(MARKED), ''))) return text;
  const held: string[] = [];
  const hold = (m: string) => `\u0091${held.push(m) - 1}\u0092`;
  const read = text
    .replace(/[\u0091\u0092]/g, '')
    .replace(new RegExp(MARKED), hold)
    .replace(OLD_CODE, (_, c: string) => hold(command(c)))
    .replace(OLD_BOLD, (_, before: string, inner: string) => `${before}${bold(inner)}`)
    .replace(OLD_ITALIC, (_, inner: string) => italic(inner));
  return read.replace(HOLE, (_, i: string) => held[Number(i)] ?? '');
}
