/**
 * Proactive Teams messages for the outbox: from a stored conversation reference, one attempt per
 * call, the result mapped to a SendOutcome the outbox can schedule on.
 */
import type { Activity, ConversationReference, TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { TeamsConversation, TeamsConversationStore } from './ports.js';
import type { StoredFiles } from '../../src/messaging/files.js';
import { chartOf, type ChartImages } from '../../src/messaging/charts.js';
import { chartActivity } from './chart-card.js';
import { deliveryKey, type DeliveryFailure } from '../../src/messaging/delivery.js';
import type { Destination, OutboxPayload, OutgoingMessage, PlatformSender, PostedCopy, SendOutcome } from '../../src/messaging/ports.js';
import type { Locale } from '../../src/shared/money.js';
import type { Logger } from '../logger.js';
import { retractAgain, type PhotoMessages } from '../photos/messages.js';
import type { CaravaneCloudAdapter } from './auth.js';
import { albumActivity, hasStoredFiles, recordTeamsPosts } from './photos/album.js';
import { noticeActivity, retractTeamsCopies, reviewActivity, type PhotoActivity } from './photos/outbox.js';
import { renderMessage } from './render.js';

export interface TeamsSenderOptions {
  adapter: CaravaneCloudAdapter;
  conversations: TeamsConversationStore;
  /** MICROSOFT_APP_ID, or '' when Teams runs unauthenticated. */
  appId: string;
  mayUse(serviceUrl: string): boolean;
  logger: Logger;
  /** Stored files (album photos) shown as card images at signed URLs; without it such messages fail. */
  files?: StoredFiles | undefined;
  /** Signed links to the chart digest and milestone posts carry; without it they go out as text. */
  charts?: ChartImages | undefined;
  /** HR's photo reviews, the notices about photos and album redraws; without it reviews fail. */
  photos?: PhotoMessages | undefined;
  /** The language of review cards recorded without their reader's. */
  defaultLocale: Locale;
}

/** The connector calls a send needs; botbuilder keeps the ConnectorClient in the turn state, untyped. */
interface Connector {
  conversations: { sendToConversation(conversationId: string, activity: object): Promise<{ id?: string }> };
  client?: { pipeline?: { removePolicy(options: { name: string }): unknown } };
}

const restError = z.looseObject({
  statusCode: z.number().int().optional().catch(undefined),
  message: z.string().optional().catch(undefined),
  response: z
    .looseObject({ headers: z.custom<{ get(name: string): string | undefined }>((h) => typeof (h as { get?: unknown })?.get === 'function') })
    .optional()
    .catch(undefined),
});

/** Teams asks to retry these later (rate limits, precondition races, gateway trouble). */
const TEMPORARY = new Set([412, 429, 502, 503, 504]);

/** `Retry-After` in seconds or as an HTTP date, in milliseconds from now. */
export function retryAfterMs(header: string | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined;
  if (/^\d+(\.\d+)?$/.test(header.trim())) return Math.round(Number(header) * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** What the connector said, for the logs only (Teams' own words); the outcome carries our words. */
type Attempt = SendOutcome & { statusCode?: number; said?: string };

/** 2xx sent · 403 failed (blocked or removed) · 404 failed · 412/429/502/503/504 retry (Retry-After kept) · anything else retry. */
export function outcomeOf(error: unknown): Attempt {
  const parsed = restError.safeParse(error);
  const status = parsed.success ? parsed.data.statusCode : undefined;
  const said = parsed.success ? (parsed.data.message ?? 'unknown error') : String(error);
  if (status === 403) return { status: 'failed', failure: { code: 'bot.removed' }, statusCode: status, said };
  if (status === 404) return { status: 'failed', failure: { code: 'destination.not_found' }, statusCode: status, said };
  if (status === undefined) return { status: 'retry', failure: { code: 'network', refused: false }, said };
  const failure: DeliveryFailure = status === 429 ? { code: 'rate_limited' } : { code: 'platform.error', status };
  const wait = parsed.success ? retryAfterMs(parsed.data.response?.headers.get('retry-after') ?? undefined) : undefined;
  if (TEMPORARY.has(status) && wait !== undefined) return { status: 'retry', failure, retryAfterMs: wait, statusCode: status, said };
  return { status: 'retry', failure, statusCode: status, said };
}

export function referenceOf(ref: TeamsConversation): Partial<ConversationReference> {
  return {
    channelId: ref.bfChannelId,
    serviceUrl: ref.serviceUrl,
    bot: { id: ref.botId, name: ref.botName ?? '' },
    conversation: {
      id: ref.conversationId,
      conversationType: ref.type,
      isGroup: ref.type !== 'personal',
      tenantId: ref.tenantId ?? '',
      name: '',
    },
    ...(ref.userId ? { user: { id: ref.userId, name: '', aadObjectId: ref.userAadObjectId ?? '' } } : {}),
  };
}

/**
 * Implements PlatformSender for Teams. botbuilder's own retries (3, sleeping through Retry-After)
 * are turned off for these sends: the outbox owns retries and must not have a worker asleep for
 * minutes. Errors are caught inside the turn logic, because the adapter's onTurnError would
 * otherwise swallow them and the call would look like a success.
 */
export class TeamsSender implements PlatformSender {
  readonly platform = 'teams' as const;

  constructor(private readonly options: TeamsSenderOptions) {}

  async send(destination: Destination, payload: OutboxPayload): Promise<SendOutcome> {
    if (destination.platform !== 'teams') return { status: 'failed', failure: { code: 'platform.mismatch' } };
    const { conversations, mayUse } = this.options;
    const ref = await conversations.get(destination.conversationId);
    if (!ref) return { status: 'failed', failure: { code: 'destination.not_found' } };
    if (!ref.active) return { status: 'failed', failure: { code: 'bot.removed' } };
    if (!mayUse(ref.serviceUrl)) return { status: 'failed', failure: { code: 'host.not_allowed' } };
    if (payload.kind === 'photo.notice') return this.sendPhoto(ref, noticeActivity(payload));
    if (payload.kind === 'photo.review') {
      if (!this.options.photos) return { status: 'failed', failure: { code: 'files.unavailable' } };
      const review = await reviewActivity(this.options.photos, payload);
      return review ? this.sendPhoto(ref, review) : { status: 'failed', failure: { code: 'files.unavailable' } };
    }
    if (payload.kind === 'retract') return retractAgain(this.options.photos, payload.copies, (left) => this.retract(left));
    const message: OutgoingMessage = payload;
    let activity: Partial<Activity> = renderMessage(message);
    let fileIds: string[] = [];
    const chart = chartOf(message);
    if (chart) activity = await chartActivity(message, chart, this.options.charts);
    if (hasStoredFiles(message)) {
      const album = this.options.files ? await albumActivity(message, this.options.files) : null;
      if (!album) return { status: 'failed', failure: { code: 'files.unavailable' } };
      ({ activity, fileIds } = album);
    }
    const outcome = await this.attempt(ref, activity);
    if (outcome.status === 'sent' && this.options.files) await recordTeamsPosts(this.options.files, fileIds, destination, outcome.platformMessageId);
    return this.settled(ref, outcome);
  }

  private async sendPhoto(ref: TeamsConversation, photo: PhotoActivity): Promise<SendOutcome> {
    const outcome = await this.attempt(ref, photo.activity);
    if (outcome.status === 'sent' && outcome.platformMessageId) await photo.sent(ref.conversationId, outcome.platformMessageId);
    return this.settled(ref, outcome);
  }

  /** A 403 marks the conversation unusable; the status code stays in the log. */
  private async settled(ref: TeamsConversation, outcome: Attempt): Promise<SendOutcome> {
    if (outcome.status === 'failed' && outcome.statusCode === 403) await this.options.conversations.setActive(ref.conversationId, false);
    if (outcome.status !== 'sent') {
      this.options.logger.warn(
        { component: 'teams', conversation: ref.type, status: outcome.statusCode, reason: deliveryKey(outcome.failure), said: outcome.said },
        'teams send not delivered',
      );
    }
    const { statusCode: _statusCode, said: _said, ...plain } = outcome;
    return plain;
  }

  /** Takes photos back out of the bot's earlier messages (album cards redrawn or deleted, review cards replaced). */
  retract(copies: readonly PostedCopy[]): Promise<number[]> {
    return retractTeamsCopies({ ...this.options, referenceOf, files: this.options.files, photos: this.options.photos }, copies);
  }

  private async attempt(ref: TeamsConversation, activity: Partial<Activity>): Promise<Attempt> {
    let outcome: Attempt | undefined;
    try {
      await this.options.adapter.continueConversationAsync(this.options.appId, referenceOf(ref), async (ctx: TurnContext) => {
        try {
          const connector = ctx.turnState.get(ctx.adapter.ConnectorClientKey) as Connector;
          connector.client?.pipeline?.removePolicy({ name: 'defaultRetryPolicy' });
          const sent = await connector.conversations.sendToConversation(ref.conversationId, activity);
          outcome = sent.id ? { status: 'sent', platformMessageId: sent.id } : { status: 'sent' };
        } catch (error) {
          outcome = outcomeOf(error);
        }
      });
    } catch (error) {
      // Before the logic ran: credentials or the connector could not be set up.
      outcome = outcomeOf(error);
    }
    return outcome ?? { status: 'retry', failure: { code: 'unexpected', detail: 'teams send did not run' } };
  }
}
