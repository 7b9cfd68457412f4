/**
 * Catalogue text as Teams markdown, in one place for messages and Adaptive Card text alike, one span
 * kind at a time: bold becomes `**x**`, italic `_x_`, a command (`/pledge list`) is shown as people
 * type it in Teams (bold, no slash, no backticks), and person-typed text is escaped so `*Imlil*
 * _2026_` shows literally. A mention of everyone in HR's announcement is shown as the words `@here`:
 * a bot message cannot mention a whole channel in Teams the way Slack does, and raw `<!here>` would
 * only confuse. A link HR typed becomes `[label](url)`; a Slack conversation reads `Slack #name`.
 */
import { conversationText, spanPlain, spans, type Span } from '../../src/chat/text.js';

/** Backslash-escapes the characters Teams markdown would read as formatting (CommonMark escapes). */
export function escapeTeams(text: string): string {
  return text.replace(/[\\`*_~[\]<>#|]/g, (ch) => `\\${ch}`);
}

/**
 * What a person typed, escaped, with an invisible word joiner after the colon of a `://`: a URL someone
 * typed reads as typed, yet the card holds no bare URL that a client would turn into a link of its own
 * (the bot's own links, and HR's, are link spans and keep theirs). Not a backslash: card renderers show
 * `\:` as it is.
 */
const escapePersonText = (text: string) => escapeTeams(text).replace(/:(?=\/\/)/g, ':\u2060');

/** `/volunteer status` → `volunteer status`: in Teams the words are typed without a slash. */
export function teamsCommand(command: string): string {
  return command.replace(/^\//, '');
}

/** A link's target inside `(…)`: parentheses and spaces would end it early. */
const linkTarget = (url: string) => url.replace(/[()\s]/g, (ch) => encodeURIComponent(ch));

/** `inBold`: a command inside bold is already bold (`****` would show as stars). */
function markdownOf(s: Span, inBold = false): string {
  switch (s.kind) {
    case 'plain':
      return s.text;
    case 'person':
      return escapePersonText(s.text);
    case 'bold':
      return `**${s.spans.map((x) => markdownOf(x, true)).join('')}**`;
    case 'italic':
      return `_${s.spans.map((x) => markdownOf(x, inBold)).join('')}_`;
    case 'command':
      return inBold ? escapeTeams(teamsCommand(s.text)) : `**${escapeTeams(teamsCommand(s.text))}**`;
    case 'code':
      // Bold, as commands are: how Teams has always shown the catalogue's fixed-width text.
      return inBold ? escapeTeams(s.text) : `**${escapeTeams(s.text)}**`;
    case 'everyone':
      return `@${s.which}`;
    case 'link':
      return `[${escapeTeams(s.label === '' ? s.url : s.label)}](${linkTarget(s.url)})`;
    case 'channel': {
      const { prefix, name } = conversationText(s);
      return `${prefix}${escapeTeams(name)}`;
    }
    default:
      return s satisfies never;
  }
}

/** Catalogue text as Teams markdown. */
export function teamsText(text: string): string {
  return spans(text)
    .map((s) => markdownOf(s))
    .join('');
}

function plainOf(s: Span): string {
  switch (s.kind) {
    case 'command':
      return teamsCommand(s.text);
    case 'bold':
    case 'italic':
      return s.spans.map(plainOf).join('');
    case 'plain':
    case 'person':
    case 'code':
    case 'everyone':
    case 'link':
    case 'channel':
      return spanPlain(s);
    default:
      return s satisfies never;
  }
}

/**
 * Catalogue text where Teams shows no markdown (a ChoiceSet's choice titles, input labels): what a
 * person typed appears exactly as typed, with neither marks nor backslashes; commands lose their slash.
 */
export function teamsPlain(text: string): string {
  return spans(text).map(plainOf).join('');
}
