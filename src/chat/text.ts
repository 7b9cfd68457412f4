/**
 * Structured chat text inside the catalogue's strings. The catalogue writes no platform's markup: its
 * own formatting goes through `bold`, `command` and `code`, whatever a person typed or named — display names,
 * notes, captions, places, trip names, file names — through `personText`, and a Slack conversation
 * through `slackConversation`. Each platform renderer reads the spans back and draws them its own
 * way (Slack mrkdwn, Teams markdown, HTML), escaping person text so no name can become a mention, a
 * link or bold.
 *
 * The marks are invisible format characters (U+2061 to U+2064): they survive concatenation and
 * template literals, a text that skips a renderer still reads right, `personText` strips them from
 * what people type, and `plainText` removes them for places that are not chat (CSV files, logs).
 * Person text sits between OPEN and CLOSE; every other span is a token between two TOKEN marks: a
 * mention of everyone and a link (what HR's announcements may keep, src/announcements/format.ts), or,
 * when the token starts with SEP, one of the tagged kinds below; every mark is invisible.
 */

const OPEN = '\u2063';
const CLOSE = '\u2064';
/** Wraps a token: `@here`, a link's URL and label separated by {@link SEP}, or SEP and a tag. */
const TOKEN = '\u2062';
const SEP = '\u2061';
const MARKS = /[\u2061-\u2064]/g;

/**
 * The tagged kinds, told apart by how many SEP marks open the token, so a text that skips a renderer
 * shows none of the tag: only the words (and a command's or code's text) remain visible.
 */
const TAG = { boldOn: 1, boldOff: 2, italicOn: 3, italicOff: 4, command: 5, code: 6, conversation: 7 } as const;
const tagged = (tag: number, ...parts: string[]) => `${TOKEN}${SEP.repeat(tag)}${parts.join(SEP)}${TOKEN}`;

export type Everyone = 'here' | 'channel' | 'everyone';
const SAFE_URL = /^(?:https?:\/\/|mailto:)[^\s<>|\u2061-\u2064]+$/i;

/** A span that holds no other span. */
export type Inline =
  /** The catalogue's own words, without any markup. */
  | { kind: 'plain'; text: string }
  /** A command as the person types it (`/pledge list`; without the slash where the platform has none). */
  | { kind: 'command'; text: string }
  /** Literal text set apart in fixed width: a progress bar, a CSV header to copy. */
  | { kind: 'code'; text: string }
  /** Text a person typed or named: shown literally, whatever characters it holds. */
  | { kind: 'person'; text: string }
  /** A mention of everyone in the conversation, only ever from HR's announcement. */
  | { kind: 'everyone'; which: Everyone }
  /** A link HR typed, or the catalogue's own (the album's gallery); the label (possibly empty) is text. */
  | { kind: 'link'; url: string; label: string }
  /**
   * A Slack conversation by its id: a channel, or a person (`U…`, `W…`: a direct message). Slack shows
   * its own live reference; elsewhere it reads `Slack #name` (the name people gave it, else the id).
   */
  | { kind: 'channel'; id: string; person: boolean; name: string | null };

export type Span =
  | Inline
  /** Emphasis; what it holds is never bold or italic again. */
  | { kind: 'bold'; spans: Inline[] }
  | { kind: 'italic'; spans: Inline[] };

/** Marks `text` as typed by a person. */
export function personText(text: string): string {
  return `${OPEN}${text.replace(MARKS, '')}${CLOSE}`;
}

/** The catalogue's own bold; `text` may hold person text, commands and links. */
export function bold(text: string): string {
  return `${tagged(TAG.boldOn)}${text}${tagged(TAG.boldOff)}`;
}

/** Italic, only ever kept from HR's announcement (src/announcements/format.ts). */
export function italic(text: string): string {
  return `${tagged(TAG.italicOn)}${text}${tagged(TAG.italicOff)}`;
}

/** A command as the person types it: `command('/pledge list')`, or `command(`${prefix}caravan help`)`. */
export function command(text: string): string {
  return tagged(TAG.command, text.replace(MARKS, ''));
}

/** Literal text in fixed width (`code('pledge,amount')`, a progress bar); never a person's text. */
export function code(text: string): string {
  return tagged(TAG.code, text.replace(MARKS, ''));
}

/** A Slack conversation (`C…` channel or `U…` person) with the name people gave it, when known. */
export function slackConversation(id: string, name: string | null): string {
  return tagged(TAG.conversation, id.replace(MARKS, ''), (name ?? '').replace(MARKS, ''));
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

type Piece = Inline | { kind: 'on'; what: 'bold' | 'italic' } | { kind: 'off'; what: 'bold' | 'italic' };

function token(body: string): Piece | null {
  if (body.startsWith(SEP)) {
    const rest = body.replace(/^\u2061+/, '');
    const [a = '', b = ''] = rest.split(SEP);
    switch (body.length - rest.length) {
      case TAG.boldOn:
        return { kind: 'on', what: 'bold' };
      case TAG.boldOff:
        return { kind: 'off', what: 'bold' };
      case TAG.italicOn:
        return { kind: 'on', what: 'italic' };
      case TAG.italicOff:
        return { kind: 'off', what: 'italic' };
      case TAG.command:
        return a === '' ? null : { kind: 'command', text: a };
      case TAG.code:
        return a === '' ? null : { kind: 'code', text: a };
      case TAG.conversation:
        return a === '' ? null : { kind: 'channel', id: a, person: /^[UW]/.test(a), name: b === '' ? null : b };
      default:
        return null;
    }
  }
  const which = /^@(here|channel|everyone)$/.exec(body)?.[1];
  if (which === 'here' || which === 'channel' || which === 'everyone') return { kind: 'everyone', which };
  const [url = '', label = ''] = body.split(SEP);
  return { kind: 'link', url, label };
}

/** A person's text or a token, whole: what is not the catalogue's own words. */
export const MARKED = /\u2063([^\u2063\u2064]*)\u2064|\u2062([^\u2062]*)\u2062/g;

/** The marks of `text`, in order, as pieces; a mark out of place (never written by the helpers above) is dropped. */
function pieces(text: string): Piece[] {
  const out: Piece[] = [];
  const re = new RegExp(MARKED);
  let at = 0;
  const words = (s: string) => {
    const t = s.replace(MARKS, '');
    if (t !== '') out.push({ kind: 'plain', text: t });
  };
  for (const m of text.matchAll(re)) {
    words(text.slice(at, m.index));
    at = m.index + m[0].length;
    if (m[1] !== undefined) {
      if (m[1] !== '') out.push({ kind: 'person', text: m[1] });
    } else {
      const p = token(m[2] ?? '');
      if (p) out.push(p);
    }
  }
  words(text.slice(at));
  return out;
}

/**
 * Splits catalogue text into spans: the catalogue's words, person text, and the tokens of the
 * helpers above. Bold and italic hold the spans between their two marks; inside them another bold
 * or italic adds nothing, and one left open ends with the text.
 */
export function spans(text: string): Span[] {
  const out: Span[] = [];
  let box: { kind: 'bold' | 'italic'; spans: Inline[] } | null = null;
  for (const p of pieces(text)) {
    if (p.kind === 'on') {
      if (box === null) {
        box = { kind: p.what, spans: [] };
        out.push(box);
      }
    } else if (p.kind === 'off') {
      if (box?.kind === p.what) box = null;
    } else (box?.spans ?? out).push(p);
  }
  // An emphasis with nothing inside draws nothing (`**` would read as a literal on some clients).
  return out.filter((s) => !((s.kind === 'bold' || s.kind === 'italic') && s.spans.length === 0));
}

/** How a Slack conversation reads where Slack cannot draw it: `Slack #name`, `Slack #C0…`, `Slack @U0…`. */
export function conversationText(s: Extract<Inline, { kind: 'channel' }>): { prefix: string; name: string } {
  return { prefix: `Slack ${s.person ? '@' : '#'}`, name: s.person ? s.id : (s.name ?? s.id) };
}

function inlinePlain(s: Inline): string {
  switch (s.kind) {
    case 'plain':
    case 'person':
    case 'command':
    case 'code':
      return s.text;
    case 'everyone':
      return `@${s.which}`;
    case 'link':
      return s.label === '' ? s.url : `${s.label} (${s.url})`;
    case 'channel': {
      const { prefix, name } = conversationText(s);
      return `${prefix}${name}`;
    }
    default:
      return s satisfies never;
  }
}

/** One span as text without any markup: a link reads `label (url)`, emphasis is just its words. */
export function spanPlain(s: Span): string {
  return s.kind === 'bold' || s.kind === 'italic' ? s.spans.map(inlinePlain).join('') : inlinePlain(s);
}

/** The text without its marks, for places that are not chat (CSV files, logs). */
export function plainText(text: string): string {
  return spans(text).map(spanPlain).join('');
}

/** True when a headline brings its own icon (`📣 Annonce`): renderers then add no tone icon beside it. */
export function hasOwnIcon(headline: string): boolean {
  return /^\p{Extended_Pictographic}/u.test(headline.trim());
}
