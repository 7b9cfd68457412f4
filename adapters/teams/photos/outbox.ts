/**
 * The photos feature's outbox messages on Teams, and taking photos back out of the bot's earlier
 * messages: HR's review card (the photos inline as small data URIs, so nothing unapproved is ever
 * served by URL), notices to uploaders, album cards redrawn without withdrawn photos (deleted when
 * nothing is left), and review cards replaced by a short notice in their reader's language.
 */
import type { Activity, TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { TeamsConversation, TeamsConversationStore } from '../ports.js';
import { message } from '../../../src/chat/reply.js';
import type { StoredFiles } from '../../../src/messaging/files.js';
import type { PhotoNoticeMessage, PhotoReviewMessage, PostedCopy } from '../../../src/messaging/ports.js';
import { t } from '../../../src/shared/i18n/index.js';
import type { Locale } from '../../../src/shared/money.js';
import type { Logger } from '../../logger.js';
import type { PhotoMessages } from '../../photos/messages.js';
import type { CaravaneCloudAdapter } from '../auth.js';
import { cardActivity, noticeCard } from '../render.js';
import { albumActivity } from './album.js';
import { photoNoticeCard, reviewCard } from './cards.js';

/** Review cards are remembered as `review:<activity id>`, album cards by their bare activity id. */
export const REVIEW_REF = 'review:';

/** A photo message ready to send, and what to remember once Teams gave it an id. */
export interface PhotoActivity {
  activity: Partial<Activity>;
  sent(conversationId: string, activityId: string): Promise<void>;
}

const nothing = async () => undefined;

export async function reviewActivity(photos: PhotoMessages, review: PhotoReviewMessage): Promise<PhotoActivity | null> {
  const material = await photos.review(review.batchId, 'inline');
  if (!material) return null;
  const images = material.photos.map((ph) => ({ id: ph.id, dataUri: `data:image/jpeg;base64,${ph.bytes.toString('base64')}` }));
  const live = material.batch.photos.filter((ph) => ph.withdrawnAt === null).map((ph) => ph.id);
  return {
    activity: cardActivity(reviewCard(t(review.locale), material.batch, material.uploaderName, images)),
    // Remembered so that a rejection or a withdrawal takes the photos back out of HR's card.
    sent: (conversationId, id) =>
      photos.posted(live, {
        platform: 'teams',
        kind: 'message',
        destination: { platform: 'teams', conversationId, locale: review.locale },
        platformRef: `${REVIEW_REF}${id}`,
      }),
  };
}

export function noticeActivity(notice: PhotoNoticeMessage): PhotoActivity {
  return { activity: cardActivity(photoNoticeCard(t(notice.locale), notice.notice, notice.withdrawBatchId)), sent: nothing };
}

export interface TeamsRetraction {
  adapter: CaravaneCloudAdapter;
  conversations: TeamsConversationStore;
  appId: string;
  mayUse(serviceUrl: string): boolean;
  referenceOf(ref: TeamsConversation): Parameters<CaravaneCloudAdapter['continueConversationAsync']>[1];
  files: StoredFiles | undefined;
  photos: PhotoMessages | undefined;
  defaultLocale: Locale;
  logger: Logger;
}

/** Where a copy was posted in Teams; review copies also keep their reader's language. */
const postDestination = z.looseObject({ conversationId: z.string().optional().catch(undefined), locale: z.enum(['fr', 'en']).optional().catch(undefined) });

/** Runs `work` in the conversation; errors are caught inside (botbuilder's onTurnError would swallow them). */
async function within(o: TeamsRetraction, ref: TeamsConversation, work: (ctx: TurnContext) => Promise<unknown>): Promise<void> {
  let failure: unknown;
  await o.adapter.continueConversationAsync(o.appId, o.referenceOf(ref), async (ctx) => {
    try {
      await work(ctx);
    } catch (error) {
      failure = error;
    }
  });
  if (failure !== undefined) throw failure;
}

/**
 * One earlier message: redrawn without withdrawn photos, deleted when none is left, or (review)
 * replaced by a notice that says how many photos went (`count`).
 */
async function retractOne(o: TeamsRetraction, copy: PostedCopy, count: number): Promise<boolean> {
  const destination = postDestination.parse(copy.destination);
  const ref = destination.conversationId ? await o.conversations.get(destination.conversationId) : null;
  if (!ref || !ref.active || !o.mayUse(ref.serviceUrl)) return false;
  if (copy.platformRef.startsWith(REVIEW_REF)) {
    const id = copy.platformRef.slice(REVIEW_REF.length);
    // In the language of the HR person whose card it was (reviews recorded before that: the default).
    const notice = cardActivity(noticeCard(message('info', [t(destination.locale ?? o.defaultLocale).photos.removedCard(count)])));
    await within(o, ref, (ctx) => ctx.updateActivity({ ...notice, id }));
    return true;
  }
  const album = o.photos ? await o.photos.albumOf(copy.fileId) : null;
  const redrawn = album && o.files ? await albumActivity(album, o.files) : null;
  await within(o, ref, (ctx) => (redrawn ? ctx.updateActivity({ ...redrawn.activity, id: copy.platformRef }) : ctx.deleteActivity(copy.platformRef)));
  return true;
}

/** One Teams message may show several photos: it is edited or deleted once for all of them. */
export async function retractTeamsCopies(o: TeamsRetraction, copies: readonly PostedCopy[]): Promise<number[]> {
  const byMessage = new Map<string, PostedCopy[]>();
  for (const copy of copies.filter((x) => x.platform === 'teams')) {
    const key = `${JSON.stringify(copy.destination)}|${copy.platformRef}`;
    byMessage.set(key, [...(byMessage.get(key) ?? []), copy]);
  }
  const gone: number[] = [];
  for (const group of byMessage.values()) {
    const first = group[0];
    try {
      if (first && (await retractOne(o, first, group.length))) gone.push(...group.map((x) => x.id));
    } catch (error) {
      o.logger.warn({ component: 'photos', platform: 'teams', post: first?.id, err: String(error) }, 'teams message not edited or deleted');
    }
  }
  return gone;
}
