/**
 * Structured chat text inside the catalogue's strings. The catalogue writes its own words with light
 * markup (`*bold*`, `` `/command` ``) and marks whatever a person typed or named — display names, notes,
 * captions, places, trip names, file names — with `personText`. Each platform renderer reads the
 * spans back and escapes person text its own way, so no name can become a mention, a link or bold.
 *
 * The marks are invisible format characters (U+2061 to U+2064): they survive concatenation and
 * template literals, a text that skips a renderer still reads right, `personText` strips them from
 * what people type, and `plainText` removes them for places that are not chat (CSV files, logs).
 * Two more marks carry what HR's announcements may keep (src/announcements/format.ts): a mention of
 * everyone and a link, each rendered by the platform its own way.
 */

const OPEN = '\u2063';
const CLOSE = '\u2064';
/** Wraps a markup token: `@here`, or a link's URL and label separated by {@link SEP}. */
const TOKEN = '\u2062';
const SEP = '\u2061';
const MARKS = /[\u2061-\u2064]/g;
const TOKENS = /\u2062([^\u2062]*)\u2062/g;

export type Everyone = 'here' | 'channel' | 'everyone';
const SAFE_URL = /^(?:https?:\/\/|mailto:)[^\s<>|\u2061-\u2064]+$/i;

export type Span =
  /** The catalogue's own words, with its light markup. */
  | { kind: 'plain'; text: string }
  /** A command as the person types it, written `` `/pledge list` `` in the catalogue. */
  | { kind: 'command'; text: string }
  /** Text a person typed or named: shown literally, whatever characters it holds. */
  | { kind: 'person'; text: string }
  /** A mention of everyone in the conversation, only ever from HR's announcement. */
  | { kind: 'everyone'; which: Everyone }
  /** A link HR typed; the label (possibly empty) is text. */
  | { kind: 'link'; url: string; label: string };

/** Marks `text` as typed by a person. */
export function personText(text: string): string {
  return `${OPEN}${text.replace(MARKS, '')}${CLOSE}`;
}

/** `@here` as the platform's own mention of everyone (HR's announcements only). */
export function everyoneMention(which: Everyone): string {
  return `${TOKEN}@${which}${TOKEN}`;
}

/** A link to `url` shown as `label` (or as the URL when empty); a URL that is not http(s) or mailto stays text. */
export function typedLink(url: string, label = ''): string {
  if (!SAFE_URL.test(url)) return personText(label === '' ? url : `${label} (${url})`);
  return `${TOKEN}${url}${SEP}${label.replace(MARKS, '')}${TOKEN}`;
}

function token(body: string): Span {
  const which = /^@(here|channel|everyone)$/.exec(body)?.[1];
  if (which === 'here' || which === 'channel' || which === 'everyone') return { kind: 'everyone', which };
  const [url = '', label = ''] = body.split(SEP);
  return { kind: 'link', url, label };
}

/** The text without its marks, for places that are not chat: a link reads `label (url)`. */
export function plainText(text: string): string {
  return text
    .replace(TOKENS, (_, body: string) => {
      const s = token(body);
      return s.kind === 'everyone' ? `@${s.which}` : s.kind === 'link' && s.label !== '' ? `${s.label} (${s.url})` : s.kind === 'link' ? s.url : '';
    })
    .replace(MARKS, '');
}

/**
 * Splits a catalogue string into spans; commands are the catalogue's `` `/…` `` code spans, and the
 * tokens of {@link everyoneMention} and {@link typedLink} come back as `everyone` and `link` spans.
 */
export function spans(text: string): Span[] {
  const out: Span[] = [];
  for (const [i, part] of text.split(/[\u2063\u2064]/).entries()) {
    if (part === '') continue;
    // Odd parts sit between an OPEN and its CLOSE.
    if (i % 2 === 1) {
      out.push({ kind: 'person', text: part });
      continue;
    }
    for (const [k, chunk] of part.split(TOKEN).entries()) {
      // Odd chunks sit between two TOKEN marks.
      if (k % 2 === 1) {
        out.push(token(chunk));
        continue;
      }
      for (const [j, piece] of chunk.split(/`([^`\n]+)`/).entries()) {
        if (piece === '') continue;
        out.push(j % 2 === 1 ? { kind: 'command', text: piece } : { kind: 'plain', text: piece });
      }
    }
  }
  return out;
}

/** True when a headline brings its own icon (`📣 Annonce`): renderers then add no tone icon beside it. */
export function hasOwnIcon(headline: string): boolean {
  return /^\p{Extended_Pictographic}/u.test(headline.trim());
}
