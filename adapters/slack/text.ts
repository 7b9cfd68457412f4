/**
 * Catalogue text as Slack mrkdwn: the catalogue's own markup passes through, person-typed text is
 * escaped (https://docs.slack.dev/messaging/formatting-message-text#escaping: `&`, `<`, `>` as
 * entities, which also disarms `<!here>`, `<@U…>` and `<url|label>`), and formatting characters in
 * it are fenced with zero-width spaces so a `*` in a name can neither open nor close bold.
 */
import { spans } from '../../src/chat/text.js';

const ZWSP = '\u200B';

/** A person's text, shown literally inside mrkdwn. */
export function escapeSlack(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[*_~`]/g, (ch) => `${ZWSP}${ch}${ZWSP}`);
}

/** Catalogue text (with its person-text marks) as mrkdwn. */
export function slackMrkdwn(text: string): string {
  return spans(text)
    .map((s) => (s.kind === 'person' ? escapeSlack(s.text) : s.kind === 'command' ? `\`${s.text}\`` : s.text))
    .join('');
}

/** Catalogue text for a plain_text object: Slack shows it as is, so only the marks go. */
export function slackPlain(text: string): string {
  return spans(text)
    .map((s) => s.text)
    .join('');
}
