/**
 * A private file for one person (HR's volunteers CSV): uploaded straight into their direct messages
 * with the bot through files.getUploadURLExternal → upload → files.completeUploadExternal
 * (`filesUploadV2`). It is never shared into a channel.
 */
import type { WebClient } from '@slack/web-api';
import type { FileReply } from '../../../src/chat/reply.js';
import { slackMrkdwn } from '../text.js';

/** Uploads `file` to the DM between the bot and `userId`. Throws when Slack refuses. */
export async function sendFilePrivately(client: WebClient, userId: string, file: FileReply): Promise<void> {
  const opened = await client.conversations.open({ users: userId });
  const channel = opened.channel?.id;
  if (!channel) throw new Error('slack did not open a direct message channel');
  await client.filesUploadV2({
    channel_id: channel,
    content: file.content,
    filename: file.filename,
    title: file.filename,
    initial_comment: slackMrkdwn(file.comment),
  });
}
