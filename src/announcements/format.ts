/**
 * What of HR's announcement text stays markup. This is the one place the rule lives:
 *
 * - **Kept**: bold (`*mots*`, or `**mots**` as Teams writes it), italic (`_mots_`), and links HR typed
 *   (a bare `https://…` URL, Slack's `<https://…|label>` / `<https://…>`, markdown's `[label](https://…)`).
 *   Only http(s) and mailto links; the label is text.
 * - **A mention of everyone**, only when HR typed it: `<!here>`, `<!channel>`, `<!everyone>` (also
 *   with a `|label`), or the words `@here`, `@channel`, `@everyone`. Each platform shows it its own
 *   way (Slack `<!here>`, Teams the words `@here`).
 * - **Everything else is text**: `<@U…>`, `<#C…>`, `<!subteam^…>`, `<!date…>`, any other `<…>`,
 *   `&`, `~`, backticks, `#`, HTML — shown as typed, never a mention, a link or formatting.
 *
 * The result is catalogue text with neutral marks (src/chat/text.ts): HR's words as person text, kept
 * bold and italic as `bold` and `italic` spans, so the platform renderers draw them; nothing here
 * knows Slack or Teams, and no platform's markup is written.
 */
import { bold, everyoneMention, italic, personText, typedLink, type Everyone } from '../chat/text.js';

const EVERYONE = new Set<string>(['here', 'channel', 'everyone']);

/** One alternative per kept piece; the named groups say which matched. */
const KEPT = new RegExp(
  [
    String.raw`<!(?<slackAll>here|channel|everyone)(?:\|[^<>\n]*)?>`,
    String.raw`(?<![\p{L}\p{N}_@.])@(?<wordAll>here|channel|everyone)(?![\p{L}\p{N}_])`,
    String.raw`<(?<slackUrl>(?:https?://|mailto:)[^\s<>|]+)(?:\|(?<slackLabel>[^<>\n]*))?>`,
    String.raw`\[(?<mdLabel>[^\]\n]+)\]\((?<mdUrl>(?:https?://|mailto:)[^\s()<>]+)\)`,
    String.raw`(?<bareUrl>https?://[^\s<>]*[^\s<>.,;:!?)'"»])`,
    String.raw`(?<![\p{L}\p{N}*])\*\*(?<bold2>\S(?:[^*\n]*\S)?)\*\*(?![\p{L}\p{N}*])`,
    String.raw`(?<![\p{L}\p{N}*])\*(?<bold>\S(?:[^*\n]*\S)?)\*(?![\p{L}\p{N}*])`,
    String.raw`(?<![\p{L}\p{N}_])_(?<italic>\S(?:[^_\n]*\S)?)_(?![\p{L}\p{N}_])`,
  ].join('|'),
  'gu',
);

const asEveryone = (word: string): Everyone => (word === 'channel' ? 'channel' : word === 'everyone' ? 'everyone' : 'here');

/** One line of HR's text as catalogue text; `emphasis: false` inside bold or italic (no nesting). */
function line(text: string, emphasis: boolean): string {
  let out = '';
  let at = 0;
  for (const m of text.matchAll(KEPT)) {
    const g = m.groups ?? {};
    const inner = g.bold2 ?? g.bold ?? g.italic;
    // Bold or italic inside bold or italic stays text; the rest of the match is read again as text.
    if (inner !== undefined && !emphasis) continue;
    out += text.slice(at, m.index) === '' ? '' : personText(text.slice(at, m.index));
    at = m.index + m[0].length;
    const all = g.slackAll ?? g.wordAll;
    if (all !== undefined && EVERYONE.has(all)) out += everyoneMention(asEveryone(all));
    else if (g.slackUrl !== undefined) out += typedLink(g.slackUrl, g.slackLabel ?? '');
    else if (g.mdUrl !== undefined) out += typedLink(g.mdUrl, g.mdLabel ?? '');
    else if (g.bareUrl !== undefined) out += typedLink(g.bareUrl);
    else if (inner !== undefined) out += g.italic !== undefined ? italic(line(inner, false)) : bold(line(inner, false));
  }
  const rest = text.slice(at);
  return rest === '' ? out : out + personText(rest);
}

/** HR's announcement, line by line, as catalogue text that keeps only what the rule above keeps. */
export function announcementLines(text: string): string[] {
  return text.split('\n').map((l) => line(l, true));
}
