/**
 * Catalogue text as Slack mrkdwn: the catalogue's own markup passes through, person-typed text is
 * escaped (https://docs.slack.dev/messaging/formatting-message-text#escaping: `&`, `<`, `>` as
 * entities, which also disarms `<!here>`, `<@U…>` and `<url|label>`), and formatting characters in
 * it are fenced with zero-width spaces so a `*` in a name can neither open nor close bold. The two
 * tokens only HR's announcements carry become Slack's own markup: `<!here>` and `<url|label>`.
 */
import { spans, type Span } from '../../src/chat/text.js';

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
    case 'person':
      return escapeSlack(s.text);
    case 'command':
      return `\`${s.text}\``;
    case 'plain':
      return s.text;
    case 'everyone':
      return `<!${s.which}>`;
    case 'link':
      return s.label === '' ? `<${s.url}>` : `<${s.url}|${entities(s.label)}>`;
  }
}

/** Catalogue text (with its person-text marks) as mrkdwn. */
export function slackMrkdwn(text: string): string {
  return spans(text).map(mrkdwnOf).join('');
}

/** Catalogue text for a plain_text object: Slack shows it as is, so only the marks go. */
export function slackPlain(text: string): string {
  return spans(text)
    .map((s) => (s.kind === 'everyone' ? `@${s.which}` : s.kind === 'link' ? (s.label === '' ? s.url : `${s.label} (${s.url})`) : s.text))
    .join('');
}
