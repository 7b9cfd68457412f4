/**
 * Photos sent to the bot in a Teams 1:1 chat. Pasted images arrive as `image/*` attachments on the
 * Bot Connector, fetched with the bot's token (only from the Bot Connector host the activity came
 * from, and only when that host is trusted); attached files arrive as `file.download.info` with a
 * short-lived download URL that needs no token (none is sent). The files of one message form one batch.
 */
import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { actorFor } from '../../../src/chat/actor.js';
import { message } from '../../../src/chat/reply.js';
import { BATCH_MAX } from '../../../src/photos/photo.js';
import { nothingStoredReply, photoErrorText, receivedHeadline, refusalLines } from '../../../src/photos/texts.js';
import { receivePhotos, type IncomingFile } from '../../../src/photos/upload.service.js';
import { t } from '../../../src/shared/i18n/index.js';
import { downloadFile } from '../../photos/download.js';
import { commandText, teamsIdentity, type TeamsTurn } from '../activity.js';
import type { TeamsContext } from '../context.js';
import { cardActivity, renderMessage } from '../render.js';
import { consentCard } from './cards.js';

const DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';
const attachments = z
  .array(
    z.looseObject({
      contentType: z.string().max(200).optional().catch(undefined),
      contentUrl: z.string().max(4000).optional().catch(undefined),
      name: z.string().max(1000).optional().catch(undefined),
      content: z
        .looseObject({ downloadUrl: z.string().max(4000).optional().catch(undefined) })
        .optional()
        .catch(undefined),
    }),
  )
  .max(50)
  .optional()
  .catch(undefined);

interface Candidate {
  name: string;
  url: string;
  /** Pasted images live on the Bot Connector and need the bot's token; attached files do not. */
  withToken: boolean;
}

/** The photo-like attachments of an activity (the rich-text `text/html` copy of the message is not one). */
export function photoCandidates(activity: unknown): Candidate[] {
  const list = attachments.safeParse((activity as { attachments?: unknown }).attachments);
  const out: Candidate[] = [];
  for (const [i, a] of (list.success ? (list.data ?? []) : []).entries()) {
    const name = a.name ?? `image-${i + 1}`;
    if (a.contentType === DOWNLOAD_INFO && a.content?.downloadUrl) out.push({ name, url: a.content.downloadUrl, withToken: false });
    else if (a.contentType?.startsWith('image/') && a.contentUrl) out.push({ name, url: a.contentUrl, withToken: true });
  }
  return out;
}

const sameHost = (a: string, b: string) => {
  try {
    const x = new URL(a);
    const y = new URL(b);
    return x.protocol === y.protocol && x.host === y.host;
  } catch {
    return false;
  }
};

/** The Authorization header the bot would send to its connector, made by botbuilder's own credentials. */
async function botAuthorization(ctx: TurnContext): Promise<string | null> {
  const connector = ctx.turnState.get(ctx.adapter.ConnectorClientKey) as { credentials?: { signRequest(r: unknown): Promise<unknown> } } | undefined;
  let header: string | null = null;
  await connector?.credentials?.signRequest({
    headers: { set: (name: string, value: string) => (name.toLowerCase() === 'authorization' ? (header = value) : undefined), get: () => undefined },
  });
  return header;
}

async function fetchAll(tc: TeamsContext, ctx: TurnContext, turn: TeamsTurn, candidates: Candidate[], maxBytes: number): Promise<IncomingFile[]> {
  const out: IncomingFile[] = [];
  for (const [i, c] of candidates.entries()) {
    if (i >= BATCH_MAX) {
      out.push({ name: c.name, error: { code: 'photo.too_many' } });
      continue;
    }
    // The token goes only to the trusted Bot Connector host this very activity came from. Plain http
    // only where Teams runs unauthenticated (local use) or the operator allowed that prefix.
    const tokenOk = c.withToken && sameHost(c.url, turn.serviceUrl) && tc.mayUse(turn.serviceUrl);
    const token = tokenOk ? await botAuthorization(ctx) : null;
    const got = await downloadFile(c.url, {
      maxBytes,
      allowHttp: !tc.authenticated || tc.mayUse(c.url),
      authorization: (u) => (token && sameHost(u.href, turn.serviceUrl) ? token : null),
    });
    out.push(got.ok ? { name: c.name, bytes: got.value } : { name: c.name, error: got.error });
  }
  return out;
}

/**
 * The caption typed with the photos. Teams sends the message as HTML: its tags go first, on the raw
 * text, and its entities are decoded after, so `Tizi n'Test < Imlil > Anergui` and `<3` stay as typed.
 */
function captionText(turn: TeamsTurn): string {
  let raw = turn.text;
  for (const mention of turn.botMentions) raw = raw.split(mention).join(' ');
  return commandText({ text: raw.replace(/<[^>]*>/g, ' '), botMentions: [] });
}

/** Handles a 1:1 message carrying photos; false when the message has none (it is then a command). */
export async function receiveTeamsPhotos(tc: TeamsContext, ctx: TurnContext, turn: TeamsTurn): Promise<boolean> {
  if (turn.conversationType !== 'personal') return false;
  const candidates = photoCandidates(ctx.activity);
  if (candidates.length === 0) return false;
  const identity = teamsIdentity(turn);
  const c0 = t(turn.locale ?? tc.deps.defaultLocale);
  if (!identity) {
    await ctx.sendActivity(renderMessage(message('info', [c0.teams.unidentified])));
    return true;
  }
  const actor = await actorFor(tc.deps, identity);
  const { c } = actor;
  const maxBytes = tc.deps.photos.maxBytes;
  const files = await fetchAll(tc, ctx, turn, candidates, maxBytes);
  const caption = captionText(turn);
  const result = await receivePhotos(tc.deps, actor, {
    sourceKey: `teams:${turn.conversationId}:${turn.activityId ?? randomUUID()}`,
    text: caption || null,
    files,
  });
  const maxMb = Math.round(maxBytes / (1024 * 1024));
  if (!result.ok) await ctx.sendActivity(renderMessage(message('error', [photoErrorText(c, result.error)])));
  else if (result.value.duplicate) return true;
  else if (!result.value.batch) await ctx.sendActivity(renderMessage(nothingStoredReply(c, result.value.refused, maxMb)));
  else {
    const { batch, refused } = result.value;
    const head = message(refused.length > 0 ? 'info' : 'ok', refusalLines(c, refused, maxMb), receivedHeadline(c, batch));
    await ctx.sendActivity(cardActivity(consentCard(c, batch, head)));
  }
  return true;
}
