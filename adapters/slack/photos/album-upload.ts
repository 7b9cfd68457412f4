/**
 * Outgoing messages that carry stored files (album posts), for the Slack sender: the files are
 * uploaded to the channel with the message as their comment. Each file is read at delivery time, so
 * a photo withdrawn since the post was queued is left out; every Slack file id is remembered so a
 * later withdrawal can delete it.
 */
import type { WebClient } from '@slack/web-api';
import type { StoredFiles } from '../../../src/messaging/files.js';
import type { Destination, OutgoingMessage, SendOutcome } from '../../../src/messaging/ports.js';
import { messageMrkdwn } from '../render.js';
import { uploadFiles } from './upload-files.js';

export const hasStoredFiles = (message: OutgoingMessage) => (message.attachments ?? []).some((a) => a.kind === 'file');

/** What Slack keeps of an upload's comment (about 4,000 characters), with room to spare. */
export const COMMENT_MAX = 3900;

/**
 * The message as an upload's comment, within COMMENT_MAX: when the captions make it longer (a `<`
 * typed is four characters once escaped), lines are left out from the end of the body, marked by `…`,
 * never the headline nor what follows the last blank line (the gallery's link and its note).
 */
export function uploadComment(message: OutgoingMessage): string {
  const full = messageMrkdwn(message);
  if (full.length <= COMMENT_MAX) return full;
  const split = message.lines.lastIndexOf('');
  const tail = split < 0 ? message.lines.slice(-1) : message.lines.slice(split);
  const body = split < 0 ? message.lines.slice(0, -1) : message.lines.slice(0, split);
  for (let kept = body.length - 1; kept >= 0; kept--) {
    const text = messageMrkdwn({ ...message, lines: [...body.slice(0, kept), '…', ...tail] });
    if (text.length <= COMMENT_MAX) return text;
  }
  return messageMrkdwn({ ...message, lines: tail }).slice(0, COMMENT_MAX);
}

/** One attempt; Web API errors are thrown for the sender to map. */
export async function sendWithFiles(
  client: WebClient,
  files: StoredFiles,
  destination: Destination & { platform: 'slack' },
  message: OutgoingMessage,
): Promise<SendOutcome> {
  const found: Array<{ fileId: string; bytes: Buffer; name: string }> = [];
  for (const a of message.attachments ?? []) {
    if (a.kind !== 'file') continue;
    const file = await files.read(a.fileId);
    if (file) found.push({ fileId: a.fileId, bytes: file.bytes, name: file.name });
  }
  if (found.length === 0) return { status: 'failed', failure: { code: 'files.unavailable' } };
  const ids = await uploadFiles(client, destination.channelId, found, uploadComment(message));
  for (const [i, slackId] of ids.entries()) {
    const fileId = found[i]?.fileId;
    if (fileId) await files.posted(fileId, { platform: 'slack', kind: 'file', destination, platformRef: slackId });
  }
  return ids[0] ? { status: 'sent', platformMessageId: ids[0] } : { status: 'sent' };
}
