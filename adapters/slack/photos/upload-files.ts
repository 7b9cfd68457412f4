/**
 * Uploads files to a Slack conversation the current way (files.getUploadURLExternal, the bytes,
 * files.completeUploadExternal, via the client's filesUploadV2) and returns Slack's file ids, in the
 * order given, so the bot can delete its own copies later.
 */
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';

const completed = z.looseObject({
  files: z
    .array(
      z.looseObject({
        files: z
          .array(z.looseObject({ id: z.string() }))
          .optional()
          .catch(undefined),
      }),
    )
    .optional()
    .catch(undefined),
});

export interface UploadFile {
  bytes: Buffer;
  name: string;
}

export async function uploadFiles(client: WebClient, channelId: string, files: UploadFile[], comment?: string): Promise<string[]> {
  if (files.length === 0) return [];
  const res = await client.filesUploadV2({
    channel_id: channelId,
    ...(comment ? { initial_comment: comment.slice(0, 3900) } : {}),
    file_uploads: files.map((f) => ({ file: f.bytes, filename: f.name })),
  });
  const parsed = completed.safeParse(res);
  return parsed.success ? (parsed.data.files ?? []).flatMap((job) => (job.files ?? []).map((f) => f.id)) : [];
}

/** The bot's direct-message channel with a user (chat.postMessage takes a user id; uploads need the D… id). */
export async function directChannel(client: WebClient, userId: string): Promise<string> {
  const res = await client.conversations.open({ users: userId });
  const id = res.channel?.id;
  if (!id) throw new Error('conversations.open returned no channel');
  return id;
}
