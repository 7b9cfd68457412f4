/**
 * Catalogue text as Teams markdown, in one place for messages and Adaptive Card text alike: the
 * catalogue's Slack-style bold (`*x*`) becomes `**x**`, a command (`` `/pledge list` ``) is shown as
 * people type it in Teams (bold, no slash, no backticks), and person-typed text is escaped so
 * `*Imlil* _2026_` shows literally. A mention of everyone in HR's announcement is shown as the words
 * `@here`: a bot message cannot mention a whole channel in Teams the way Slack does, and raw
 * `<!here>` would only confuse. A link HR typed becomes `[label](url)`.
 */
import { spans, type Span } from '../../src/chat/text.js';

/** Backslash-escapes the characters Teams markdown would read as formatting (CommonMark escapes). */
export function escapeTeams(text: string): string {
  return text.replace(/[\\`*_~[\]<>#|]/g, (ch) => `\\${ch}`);
}

/** `/volunteer status` → `volunteer status`: in Teams the words are typed without a slash. */
export function teamsCommand(command: string): string {
  return command.replace(/^\//, '');
}

const SLOT = /\u0091(\d+)\u0092/g;

/** A link's target inside `(…)`: parentheses and spaces would end it early. */
const linkTarget = (url: string) => url.replace(/[()\s]/g, (ch) => encodeURIComponent(ch));

function markdownOf(s: Exclude<Span, { kind: 'plain' }>): string {
  switch (s.kind) {
    case 'person':
      return escapeTeams(s.text);
    case 'command':
      return `**${escapeTeams(teamsCommand(s.text))}**`;
    case 'everyone':
      return `@${s.which}`;
    case 'link':
      return `[${escapeTeams(s.label === '' ? s.url : s.label)}](${linkTarget(s.url)})`;
  }
}

/** Catalogue text (with its person-text marks) as Teams markdown. */
export function teamsText(text: string): string {
  const held: string[] = [];
  // Everything but the catalogue's own words waits in numbered slots while its bold is converted.
  const hold = (s: string) => `\u0091${held.push(s) - 1}\u0092`;
  const flat = spans(text)
    .map((s) => (s.kind === 'plain' ? s.text.replace(/[\u0091\u0092]/g, '') : hold(markdownOf(s))))
    .join('');
  const bolded = flat.replace(/(^|[^\w*])\*(?=\S)([^*\n]*?\S)\*(?![\w*])/g, '$1**$2**');
  return bolded.replace(SLOT, (_, i: string) => held[Number(i)] ?? '');
}

/**
 * Catalogue text where Teams shows no markdown (a ChoiceSet's choice titles, input labels): what a
 * person typed appears exactly as typed, with neither marks nor backslashes; commands lose their slash.
 */
export function teamsPlain(text: string): string {
  return spans(text)
    .map((s) =>
      s.kind === 'command'
        ? teamsCommand(s.text)
        : s.kind === 'everyone'
          ? `@${s.which}`
          : s.kind === 'link'
            ? s.label === ''
              ? s.url
              : `${s.label} (${s.url})`
            : s.text,
    )
    .join('');
}
