/**
 * Photo messages on Teams, sent proactively to a person's 1:1 chat with the bot: HR's review card
 * (the photos inline as small data URIs, so nothing unapproved is ever served by URL), notices to
 * uploaders, and taking photos back out of the bot's earlier messages (album cards are redrawn
 * without them, or deleted when nothing is left; review cards are replaced by a short notice).
 */
import type { Activity, TurnContext } from 'botbuilder';
import type { Kysely } from 'kysely';
import sharp from 'sharp';
import { albumPayloadOf, teamsPersonalChat } from '../../../db/repositories/photo-lookups.js';
import type { TeamsConversation, TeamsConversationStore } from '../../../db/repositories/teams-conversations.js';
import type { Database } from '../../../db/schema.js';
import { message } from '../../../src/chat/reply.js';
import type { CoreDeps } from '../../../src/deps.js';
import type { StoredFiles } from '../../../src/messaging/files.js';
import type { PhotoPost, Recipient } from '../../../src/photos/ports.js';
import { parseOutgoingMessage } from '../../../src/outbox/payload.js';
import { t } from '../../../src/shared/i18n/index.js';
import type { Logger } from '../../logger.js';
import type { PlatformPhotoNotifier } from '../../photos/wiring.js';
import type { CaravaneCloudAdapter } from '../auth.js';
import { cardActivity, noticeCard } from '../render.js';
import { referenceOf } from '../sender.js';
import { albumActivity } from './album.js';
import { photoNoticeCard, reviewCard } from './cards.js';

export interface TeamsPhotoOptions {
  adapter: CaravaneCloudAdapter;
  conversations: TeamsConversationStore;
  appId: string;
  mayUse(serviceUrl: string): boolean;
  db: Kysely<Database>;
  deps: CoreDeps;
  files: StoredFiles;
  logger: Logger;
}

/** Review cards are remembered as `review:<activity id>`, album cards by their bare activity id. */
export const REVIEW_REF = 'review:';

export function teamsPhotoNotifier(o: TeamsPhotoOptions): PlatformPhotoNotifier {
  const log = o.logger.child({ component: 'photos', platform: 'teams' });

  async function usable(conversationId: string | null): Promise<TeamsConversation | null> {
    const ref = conversationId ? await o.conversations.get(conversationId) : null;
    return ref && ref.active && o.mayUse(ref.serviceUrl) ? ref : null;
  }

  /** Runs `work` in the conversation; errors are caught inside (botbuilder's onTurnError would swallow them). */
  async function within<T>(ref: TeamsConversation, work: (ctx: TurnContext) => Promise<T>): Promise<T | undefined> {
    let result: T | undefined;
    let failure: unknown;
    await o.adapter.continueConversationAsync(o.appId, referenceOf(ref), async (ctx) => {
      try {
        result = await work(ctx);
      } catch (error) {
        failure = error;
      }
    });
    if (failure !== undefined) throw failure;
    return result;
  }

  async function send(to: Recipient, activity: Partial<Activity>): Promise<string | null> {
    const ref = await usable(await teamsPersonalChat(o.db, to.userId, to.tenantId));
    if (!ref) return null;
    const sent = await within(ref, (ctx) => ctx.sendActivity(activity));
    return sent?.id ?? '';
  }

  async function inlineImages(photos: Array<{ id: number; thumbKey: string }>): Promise<Array<{ id: number; dataUri: string }>> {
    const out: Array<{ id: number; dataUri: string }> = [];
    for (const photo of photos) {
      const thumb = await o.deps.photos?.storage.get(photo.thumbKey);
      if (!thumb) continue;
      // Small enough for a card (Teams keeps messages to tens of kilobytes); the thumbnail is already clean.
      const small = await sharp(thumb).resize({ width: 240, height: 240, fit: 'inside' }).jpeg({ quality: 60 }).toBuffer();
      out.push({ id: photo.id, dataUri: `data:image/jpeg;base64,${small.toString('base64')}` });
    }
    return out;
  }

  /** One earlier message: redrawn without withdrawn photos, deleted when none is left, or (review) replaced. */
  async function retractOne(post: PhotoPost): Promise<boolean> {
    const destination = post.destination as { conversationId?: unknown };
    const ref = await usable(typeof destination.conversationId === 'string' ? destination.conversationId : null);
    if (!ref) return false;
    if (post.platformRef.startsWith(REVIEW_REF)) {
      const id = post.platformRef.slice(REVIEW_REF.length);
      const notice = cardActivity(noticeCard(message('info', [t(o.deps.defaultLocale).photos.removedCard])));
      await within(ref, (ctx) => ctx.updateActivity({ ...notice, id }));
      return true;
    }
    const album = parseOutgoingMessage(await albumPayloadOf(o.db, post.photoId));
    const redrawn = album ? await albumActivity(album, o.files) : null;
    await within(ref, (ctx) => (redrawn ? ctx.updateActivity({ ...redrawn.activity, id: post.platformRef }) : ctx.deleteActivity(post.platformRef)));
    return true;
  }

  return {
    async requestReview(to, { batch, uploaderName }) {
      try {
        const live = batch.photos.filter((ph) => ph.withdrawnAt === null);
        const card = reviewCard(t(to.locale), batch, uploaderName, await inlineImages(live));
        const id = await send(to, cardActivity(card));
        if (id === null) return false;
        const ref = await teamsPersonalChat(o.db, to.userId, to.tenantId);
        for (const photo of live) {
          if (id && ref) await o.deps.photos?.store.recordPost({ photoId: photo.id, platform: 'teams', kind: 'message', destination: { platform: 'teams', conversationId: ref }, platformRef: `${REVIEW_REF}${id}` });
        }
        return true;
      } catch (error) {
        log.warn({ batch: batch.id, err: String(error) }, 'photo review not delivered to an HR person');
        return false;
      }
    },

    async tell(to, reply, withdrawBatchId) {
      try {
        return (await send(to, cardActivity(photoNoticeCard(t(to.locale), reply, withdrawBatchId)))) !== null;
      } catch (error) {
        log.warn({ err: String(error) }, 'photo notice not delivered');
        return false;
      }
    },

    async retract(posts) {
      // One Teams message may show several photos: edit or delete it once for all of them.
      const byMessage = new Map<string, PhotoPost[]>();
      for (const post of posts.filter((x) => x.platform === 'teams')) {
        const key = `${JSON.stringify(post.destination)}|${post.platformRef}`;
        byMessage.set(key, [...(byMessage.get(key) ?? []), post]);
      }
      const gone: number[] = [];
      for (const group of byMessage.values()) {
        const first = group[0];
        try {
          if (first && (await retractOne(first))) gone.push(...group.map((x) => x.id));
        } catch (error) {
          log.warn({ post: first?.id, err: String(error) }, 'teams message not edited or deleted');
        }
      }
      return gone;
    },
  };
}
