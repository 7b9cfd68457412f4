/**
 * A plain chat message, before any platform lays it out: what proactive messages and notices carry.
 * It imports nothing, so the ports that speak of messages depend on no feature.
 */
export type Tone = 'ok' | 'info' | 'error';

export interface MessageReply {
  kind: 'message';
  tone: Tone;
  headline?: string;
  lines: string[];
}

export const message = (tone: Tone, lines: string[], headline?: string): MessageReply =>
  headline === undefined ? { kind: 'message', tone, lines } : { kind: 'message', tone, lines, headline };

/** The reply as plain text: headline first, then one line each. */
export function replyText(reply: MessageReply): string {
  return [reply.headline, ...reply.lines].filter((l): l is string => l !== undefined && l !== '').join('\n');
}
