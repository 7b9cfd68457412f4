/**
 * Catalogue text as Slack mrkdwn or plain_text, one span kind at a time. The catalogue writes no
 * markup of its own (src/chat/text.ts); here bold becomes `*…*`, italic `_…_`, a command or code in backticks, a
 * Slack conversation Slack's own `<#C…>` / `<@U…>`, a mention of everyone `<!here>` and a link
 * `<url|label>`. Person-typed text is escaped
 * (https://docs.slack.dev/messaging/formatting-message-text#escaping: `&`, `<`, `>` as entities,
 * which also disarms `<!here>`, `<@U…>` and `<url|label>`), and formatting characters in it are
 * fenced with zero-width spaces so a `*` in a name can neither open nor close bold.
 */
import { plainText, spans, type Span } from '../../src/chat/text.js';

const ZWSP = '\u200B';

/** A person's text, shown literally inside mrkdwn. */
export function escapeSlack(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[*_~`]/g, (ch) => `${ZWSP}${ch}${ZWSP}`);
}

/** Only `&`, `<` and `>` have a meaning in a link's label (and `|` would end its URL). */
const entities = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function mrkdwnOf(s: Span): string {
  switch (s.kind) {
    case 'plain':
      return s.text;
    case 'person':
      return escapeSlack(s.text);
    case 'bold':
      return `*${s.spans.map(mrkdwnOf).join('')}*`;
    case 'italic':
      return `_${s.spans.map(mrkdwnOf).join('')}_`;
    case 'command':
    case 'code':
      return `\`${s.text}\``;
    case 'everyone':
      return `<!${s.which}>`;
    case 'link':
      return s.label === '' ? `<${s.url}>` : `<${s.url}|${entities(s.label)}>`;
    case 'channel':
      return s.person ? `<@${s.id}>` : `<#${s.id}>`;
    default:
      return s satisfies never;
  }
}

/** Catalogue text as mrkdwn. */
export function slackMrkdwn(text: string): string {
  return spans(text).map(mrkdwnOf).join('');
}

/** Catalogue text for a plain_text object: Slack shows it as is, so only the marks go. */
export function slackPlain(text: string): string {
  return plainText(text);
}
