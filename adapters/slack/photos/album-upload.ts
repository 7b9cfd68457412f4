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
  const ids = await uploadFiles(client, destination.channelId, found, messageMrkdwn(message));
  for (const [i, slackId] of ids.entries()) {
    const fileId = found[i]?.fileId;
    if (fileId) await files.posted(fileId, { platform: 'slack', kind: 'file', destination, platformRef: slackId });
  }
  return ids[0] ? { status: 'sent', platformMessageId: ids[0] } : { status: 'sent' };
}
