/**
 * Photos sent to the bot in its Slack direct message (`message` events with subtype `file_share`).
 * Each file is downloaded with the bot token, which is only ever sent to Slack's own hosts; the
 * files of one message form one batch, answered with the consent prompt.
 */
import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { actorFor } from '../../../src/chat/actor.js';
import { message } from '../../../src/chat/reply.js';
import { BATCH_MAX } from '../../../src/photos/photo.js';
import { nothingStoredReply, receivedHeadline, refusalLines } from '../../../src/photos/texts.js';
import { receivePhotos, type IncomingFile } from '../../../src/photos/upload.service.js';
import { photoErrorText } from '../../../src/photos/texts.js';
import { t } from '../../../src/shared/i18n/index.js';
import { downloadFile } from '../../photos/download.js';
import type { SlackContext } from '../context.js';
import { renderMessage } from '../render.js';
import { consentPrompt } from './blocks.js';

export interface SlackPhotoOptions {
  token: string;
  /** SLACK_API_URL: its host (and files.slack.com) may receive the token. */
  apiUrl: string;
  maxBytes: number;
}

const text = z.string().max(20_000).optional().catch(undefined);
const file = z.looseObject({
  id: z.string().min(1).max(64),
  name: z.string().max(1000).optional().catch(undefined),
  title: z.string().max(1000).optional().catch(undefined),
  size: z.number().optional().catch(undefined),
  url_private_download: z.string().max(4000).optional().catch(undefined),
  url_private: z.string().max(4000).optional().catch(undefined),
});
const fileShare = z.looseObject({
  subtype: z.literal('file_share'),
  channel: z.string().min(1).max(64),
  channel_type: z.string().optional().catch(undefined),
  user: z.string().min(1).max(64),
  ts: z.string().min(1).max(64),
  bot_id: z.string().optional().catch(undefined),
  text,
  files: z.array(file).max(100),
});
const info = z.looseObject({ file: file.optional().catch(undefined) });

/** Who may receive the bot token: the configured Web API host, and Slack's file host over HTTPS. */
export function slackTokenHosts(apiUrl: string): (url: URL) => boolean {
  const api = new URL(apiUrl);
  return (url) => (url.protocol === api.protocol && url.host === api.host) || (url.protocol === 'https:' && url.host === 'files.slack.com');
}

type SlackFile = z.infer<typeof file>;

/** Slack's message markup as plain words: links keep their label (or URL), mentions their label, entities decoded. */
export function slackPlainText(text: string): string {
  return text
    .replace(/<(https?:[^|>\s]+)(?:\|([^>]*))?>/g, (_m, url: string, label?: string) => label || url)
    .replace(/<[@#!][^|>]*(?:\|([^>]*))?>/g, (_m, label?: string) => label ?? '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The file's download URL, asking files.info when the event did not carry it (files shared in `file_access` mode). */
async function withUrl(client: WebClient, f: SlackFile): Promise<SlackFile> {
  if (f.url_private_download || f.url_private) return f;
  const res = info.safeParse(await client.files.info({ file: f.id }).catch(() => ({})));
  return res.success && res.data.file ? { ...f, ...res.data.file } : f;
}

async function fetchAll(client: WebClient, files: SlackFile[], options: SlackPhotoOptions): Promise<IncomingFile[]> {
  const trusted = slackTokenHosts(options.apiUrl);
  const allowHttp = new URL(options.apiUrl).protocol === 'http:';
  const out: IncomingFile[] = [];
  for (const [i, raw] of files.entries()) {
    const name = raw.name ?? raw.title ?? raw.id;
    if (i >= BATCH_MAX) out.push({ name, error: { code: 'photo.too_many' } });
    else if (raw.size !== undefined && raw.size > options.maxBytes) out.push({ name, error: { code: 'photo.too_large' } });
    else {
      const f = await withUrl(client, raw);
      const url = f.url_private_download ?? f.url_private;
      const got = url
        ? await downloadFile(url, { maxBytes: options.maxBytes, allowHttp, authorization: (u) => (trusted(u) ? `Bearer ${options.token}` : null) })
        : ({ ok: false, error: { code: 'photo.download_failed' } } as const);
      out.push(got.ok ? { name, bytes: got.value } : { name, error: got.error });
    }
  }
  return out;
}

export function registerPhotoUploads(app: App, sc: SlackContext, options: SlackPhotoOptions): void {
  app.event('message', async ({ event, body, client }) => {
    const parsed = fileShare.safeParse(event);
    if (!parsed.success) return;
    const msg = parsed.data;
    // Only the bot's own direct messages, never files in channels, never the bot's own uploads.
    const direct = msg.channel_type === 'im' || (msg.channel_type === undefined && msg.channel.startsWith('D'));
    if (!direct || msg.bot_id !== undefined) return;
    const teamId = (body as { team_id?: string }).team_id ?? '';
    const actor = await actorFor(sc.deps, await sc.people.identity(teamId, msg.user));
    const { c } = actor;
    try {
      const files = await fetchAll(client, msg.files, options);
      const result = await receivePhotos(sc.deps, actor, {
        sourceKey: `slack:${teamId}:${msg.channel}:${msg.ts}`,
        text: msg.text ? slackPlainText(msg.text) : null,
        files,
      });
      const maxMb = Math.round(options.maxBytes / (1024 * 1024));
      if (!result.ok) {
        await client.chat.postMessage({ channel: msg.channel, ...renderMessage(message('error', [photoErrorText(c, result.error)])) });
        return;
      }
      const { batch, refused, duplicate } = result.value;
      if (duplicate) return;
      if (!batch) {
        await client.chat.postMessage({ channel: msg.channel, ...renderMessage(nothingStoredReply(c, refused, maxMb)) });
        return;
      }
      const head = message(refused.length > 0 ? 'info' : 'ok', refusalLines(c, refused, maxMb), receivedHeadline(c, batch));
      await client.chat.postMessage({ channel: msg.channel, ...consentPrompt(c, batch, head) });
    } catch (error) {
      sc.logger.error({ component: 'photos', err: String(error) }, 'photo upload failed');
      await client.chat
        .postMessage({ channel: msg.channel, ...renderMessage(message('error', [(c ?? t(sc.deps.defaultLocale)).common.sorry])) })
        .catch(() => undefined);
    }
  });
}
