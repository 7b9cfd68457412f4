/**
 * Photo messages on Teams, sent proactively to a person's 1:1 chat with the bot: HR's review card
 * (the photos inline as small data URIs, so nothing unapproved is ever served by URL), notices to
 * uploaders, and taking photos back out of the bot's earlier messages (album cards are redrawn
 * without them, or deleted when nothing is left; review cards are replaced by a short notice).
 */
import type { Activity, TurnContext } from 'botbuilder';
import sharp from 'sharp';
import { message, type MessageReply } from '../../../src/chat/reply.js';
import type { CoreDeps } from '../../../src/deps.js';
import type { StoredFiles } from '../../../src/messaging/files.js';
import type { PhotoPost, Recipient, ReviewRequest } from '../../../src/photos/ports.js';
import { parseOutgoingMessage } from '../../../src/outbox/payload.js';
import { t } from '../../../src/shared/i18n/index.js';
import type { Logger } from '../../logger.js';
import { z } from 'zod';
import type { PlatformPhotoNotifier } from '../../photos/wiring.js';
import type { CaravaneCloudAdapter } from '../auth.js';
import type { TeamsConversation, TeamsConversationStore, TeamsPhotoLookups } from '../ports.js';
import { cardActivity, noticeCard } from '../render.js';
import { referenceOf } from '../sender.js';
import { albumActivity } from './album.js';
import { photoNoticeCard, reviewCard } from './cards.js';

export interface TeamsPhotoOptions {
  adapter: CaravaneCloudAdapter;
  conversations: TeamsConversationStore;
  appId: string;
  mayUse(serviceUrl: string): boolean;
  /** db/repositories/photo-lookups.ts `teamsPhotoLookups`. */
  lookups: TeamsPhotoLookups;
  deps: CoreDeps;
  files: StoredFiles;
  logger: Logger;
}

/** Review cards are remembered as `review:<activity id>`, album cards by their bare activity id. */
export const REVIEW_REF = 'review:';

/** Where a photo was posted in Teams; review posts also keep their reader's language. */
const postDestination = z.looseObject({ conversationId: z.string().optional().catch(undefined), locale: z.enum(['fr', 'en']).optional().catch(undefined) });

export class TeamsPhotoNotifier implements PlatformPhotoNotifier {
  private readonly log: Logger;

  constructor(private readonly o: TeamsPhotoOptions) {
    this.log = o.logger.child({ component: 'photos', platform: 'teams' });
  }

  private async usable(conversationId: string | null): Promise<TeamsConversation | null> {
    const ref = conversationId ? await this.o.conversations.get(conversationId) : null;
    return ref && ref.active && this.o.mayUse(ref.serviceUrl) ? ref : null;
  }

  /** Runs `work` in the conversation; errors are caught inside (botbuilder's onTurnError would swallow them). */
  private async within<T>(ref: TeamsConversation, work: (ctx: TurnContext) => Promise<T>): Promise<T | undefined> {
    let result: T | undefined;
    let failure: unknown;
    await this.o.adapter.continueConversationAsync(this.o.appId, referenceOf(ref), async (ctx) => {
      try {
        result = await work(ctx);
      } catch (error) {
        failure = error;
      }
    });
    if (failure !== undefined) throw failure;
    return result;
  }

  /** Sends to the person's 1:1 chat; the activity id ('' when Teams gave none), null when there is no chat. */
  private async send(chat: string | null, activity: Partial<Activity>): Promise<string | null> {
    const ref = await this.usable(chat);
    if (!ref) return null;
    const sent = await this.within(ref, (ctx) => ctx.sendActivity(activity));
    return sent?.id ?? '';
  }

  private async inlineImages(photos: Array<{ id: number; thumbKey: string }>): Promise<Array<{ id: number; dataUri: string }>> {
    const out: Array<{ id: number; dataUri: string }> = [];
    for (const photo of photos) {
      const thumb = await this.o.deps.photos?.storage.get(photo.thumbKey);
      if (!thumb) continue;
      // Small enough for a card (Teams keeps messages to tens of kilobytes); the thumbnail is already clean.
      const small = await sharp(thumb).resize({ width: 240, height: 240, fit: 'inside' }).jpeg({ quality: 60 }).toBuffer();
      out.push({ id: photo.id, dataUri: `data:image/jpeg;base64,${small.toString('base64')}` });
    }
    return out;
  }

  async requestReview(to: Recipient, { batch, uploaderName }: ReviewRequest): Promise<boolean> {
    try {
      const live = batch.photos.filter((ph) => ph.withdrawnAt === null);
      const chat = await this.o.lookups.personalChat(to.userId, to.tenantId);
      const id = await this.send(chat, cardActivity(reviewCard(t(to.locale), batch, uploaderName, await this.inlineImages(live))));
      if (id === null) return false;
      // Remembered so that a rejection or a withdrawal takes the photos back out of HR's card.
      for (const photo of live) {
        if (id && chat) await this.o.deps.photos?.store.recordPost({ photoId: photo.id, platform: 'teams', kind: 'message', destination: { platform: 'teams', conversationId: chat, locale: to.locale }, platformRef: `${REVIEW_REF}${id}` });
      }
      return true;
    } catch (error) {
      this.log.warn({ batch: batch.id, err: String(error) }, 'photo review not delivered to an HR person');
      return false;
    }
  }

  async tell(to: Recipient, reply: MessageReply, withdrawBatchId?: number): Promise<boolean> {
    try {
      const chat = await this.o.lookups.personalChat(to.userId, to.tenantId);
      return (await this.send(chat, cardActivity(photoNoticeCard(t(to.locale), reply, withdrawBatchId)))) !== null;
    } catch (error) {
      this.log.warn({ err: String(error) }, 'photo notice not delivered');
      return false;
    }
  }

  /** One earlier message: redrawn without withdrawn photos, deleted when none is left, or (review) replaced. */
  private async retractOne(post: PhotoPost): Promise<boolean> {
    const destination = postDestination.parse(post.destination);
    const ref = await this.usable(destination.conversationId ?? null);
    if (!ref) return false;
    if (post.platformRef.startsWith(REVIEW_REF)) {
      const id = post.platformRef.slice(REVIEW_REF.length);
      // In the language of the HR person whose card it was (reviews recorded before that: the default).
      const notice = cardActivity(noticeCard(message('info', [t(destination.locale ?? this.o.deps.defaultLocale).photos.removedCard])));
      await this.within(ref, (ctx) => ctx.updateActivity({ ...notice, id }));
      return true;
    }
    const album = parseOutgoingMessage(await this.o.lookups.albumPayloadOf(post.photoId));
    const redrawn = album ? await albumActivity(album, this.o.files) : null;
    await this.within(ref, (ctx) => (redrawn ? ctx.updateActivity({ ...redrawn.activity, id: post.platformRef }) : ctx.deleteActivity(post.platformRef)));
    return true;
  }

  /** One Teams message may show several photos: it is edited or deleted once for all of them. */
  async retract(posts: PhotoPost[]): Promise<number[]> {
    const byMessage = new Map<string, PhotoPost[]>();
    for (const post of posts.filter((x) => x.platform === 'teams')) {
      const key = `${JSON.stringify(post.destination)}|${post.platformRef}`;
      byMessage.set(key, [...(byMessage.get(key) ?? []), post]);
    }
    const gone: number[] = [];
    for (const group of byMessage.values()) {
      const first = group[0];
      try {
        if (first && (await this.retractOne(first))) gone.push(...group.map((x) => x.id));
      } catch (error) {
        this.log.warn({ post: first?.id, err: String(error) }, 'teams message not edited or deleted');
      }
    }
    return gone;
  }
}
