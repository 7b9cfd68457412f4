/**
 * Catalogue text as Teams markdown, in one place for messages and Adaptive Card text alike: the
 * catalogue's Slack-style bold (`*x*`) becomes `**x**`, a command (`` `/pledge list` ``) is shown as
 * people type it in Teams (bold, no slash, no backticks), and person-typed text is escaped so
 * `*Imlil* _2026_` shows literally.
 */
import { spans } from '../../src/chat/text.js';

/** Backslash-escapes the characters Teams markdown would read as formatting (CommonMark escapes). */
export function escapeTeams(text: string): string {
  return text.replace(/[\\`*_~[\]<>#|]/g, (ch) => `\\${ch}`);
}

/** `/volunteer status` → `volunteer status`: in Teams the words are typed without a slash. */
export function teamsCommand(command: string): string {
  return command.replace(/^\//, '');
}

const SLOT = /\u0091(\d+)\u0092/g;

/** Catalogue text (with its person-text marks) as Teams markdown. */
export function teamsText(text: string): string {
  const held: string[] = [];
  // Person text and commands wait in numbered slots while the catalogue's own bold is converted.
  const hold = (s: string) => `\u0091${held.push(s) - 1}\u0092`;
  const flat = spans(text)
    .map((s) => (s.kind === 'plain' ? s.text.replace(/[\u0091\u0092]/g, '') : s.kind === 'person' ? hold(escapeTeams(s.text)) : hold(`**${escapeTeams(teamsCommand(s.text))}**`)))
    .join('');
  const bolded = flat.replace(/(^|[^\w*])\*(?=\S)([^*\n]*?\S)\*(?![\w*])/g, '$1**$2**');
  return bolded.replace(SLOT, (_, i: string) => held[Number(i)] ?? '');
}
