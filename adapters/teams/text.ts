/**
 * Card text helpers. Adaptive Card text blocks read markdown (bold, italics, lists, links), so what
 * a person typed (a caption, a place, a name) is escaped to stay text: `*Imlil* _2026_` must not turn
 * bold and italic. Teams honours CommonMark backslash escapes in cards (web and desktop; mobile
 * since 2024, microsoft/Teams-AdaptiveCards-Mobile#83).
 */
/** Only what card markdown acts on: bold and italics, links, and the escape itself (backticks are dropped by the card builders). */
const MARKDOWN = /[\\*_[\]]/g;
/** A list marker at the start of a line ("1. ", "- ", "+ ") would become a list. */
const LIST_START = /^(\s*)(\d+)\.(\s)|^(\s*)([-+])(\s)/gm;

export function escapeCardMarkdown(text: string): string {
  return text.replace(MARKDOWN, '\\$&').replace(LIST_START, (_m, a?: string, n?: string, s?: string, b?: string, mark?: string, t?: string) => (n !== undefined ? `${a ?? ''}${n}\\.${s ?? ''}` : `${b ?? ''}\\${mark ?? ''}${t ?? ''}`));
}

/** Starts with a pictograph already (the catalogue's 📸, 📣…): one icon is enough. */
const LEADING_ICON = /^\s*\p{Extended_Pictographic}/u;

export function withIcon(icon: string, text: string): string {
  return LEADING_ICON.test(text) ? text : `${icon} ${text}`;
}
