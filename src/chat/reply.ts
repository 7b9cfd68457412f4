/**
 * What a chat command answers, before any platform lays it out. Slack renders it as Block Kit,
 * Teams as text or an Adaptive Card; the words come from the catalogue only.
 */
export type Tone = 'ok' | 'info' | 'error';

export interface MessageReply {
  kind: 'message';
  tone: Tone;
  headline?: string;
  lines: string[];
}

/** The platform should open a form (Slack modal / Teams card). `announce` is only ever asked of Slack. */
export interface FormReply {
  kind: 'form';
  form: 'pledge' | 'announce';
  /** Shown at the top of the form. */
  intro: string;
}

export type Reply = MessageReply | FormReply;

export const message = (tone: Tone, lines: string[], headline?: string): MessageReply =>
  headline === undefined ? { kind: 'message', tone, lines } : { kind: 'message', tone, lines, headline };

/** The reply as plain text: headline first, then one line each. */
export function replyText(reply: MessageReply): string {
  return [reply.headline, ...reply.lines].filter((l): l is string => l !== undefined && l !== '').join('\n');
}
