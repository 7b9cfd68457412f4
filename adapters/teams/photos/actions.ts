/**
 * The photo buttons on Teams, arriving as an `adaptiveCard/action` invoke (Action.Execute) or as a
 * message whose value holds the card's data (the Action.Submit fallback): consent and discard for the
 * uploader, approve and reject (with the reason typed in the card) for HR, withdraw for either.
 */
import type { TurnContext } from 'botbuilder';
import { actorFor, requireHr, type Actor } from '../../../src/chat/actor.js';
import { message, type MessageReply } from '../../../src/chat/reply.js';
import { photoNumbers } from '../../../src/photos/photo.js';
import { withdrawnReply } from '../../../src/photos/photos-command.js';
import { reviewBatch } from '../../../src/photos/review.service.js';
import { photoErrorText } from '../../../src/photos/texts.js';
import { consentBatch } from '../../../src/photos/upload.service.js';
import { withdrawPhotos } from '../../../src/photos/withdraw.service.js';
import { t } from '../../../src/shared/i18n/index.js';
import { teamsIdentity, type TeamsTurn } from '../activity.js';
import type { TeamsContext } from '../context.js';
import { cardActivity, noticeCard, renderMessage, type Card } from '../render.js';
import { PHOTO_VERB, photoCardData, type PhotoCardData } from './cards.js';

/** A card that replaces the one clicked, or a short text when nothing changed (the card stays as it was). */
export type PhotoActionOutcome = { kind: 'card'; card: Card } | { kind: 'text'; text: string };

const live = (photos: Array<{ id: number; withdrawnAt: Date | null }>) => photos.filter((ph) => ph.withdrawnAt === null).map((ph) => ph.id);
const done = (reply: MessageReply): PhotoActionOutcome => ({ kind: 'card', card: noticeCard(reply) });

async function act(tc: TeamsContext, actor: Actor, data: PhotoCardData): Promise<PhotoActionOutcome> {
  const { c } = actor;
  switch (data.caravane) {
    case PHOTO_VERB.consent: {
      const r = await consentBatch(tc.deps, actor, data.batch, { caption: data.caption ?? null, place: data.place ?? null });
      if (!r.ok) return { kind: 'text', text: photoErrorText(c, r.error) };
      const ids = live(r.value.batch.photos);
      return done(message('ok', [c.photos.consented(photoNumbers(ids), ids.length), ...(r.value.notified === 0 ? [c.photos.consentedNoHr(ids.length)] : [])]));
    }
    case PHOTO_VERB.approve:
    case PHOTO_VERB.reject: {
      const approve = data.caravane === PHOTO_VERB.approve;
      const hr = await requireHr(actor);
      if (!hr) return { kind: 'text', text: photoErrorText(c, { code: 'photo.not_hr' }) };
      const r = await reviewBatch(tc.deps, hr, data.batch, approve ? { approve } : { approve, reason: data.reason ?? null });
      if (!r.ok) return { kind: 'text', text: photoErrorText(c, r.error) };
      const ids = live(r.value.batch.photos);
      return done(message('ok', [(approve ? c.photos.youApproved : c.photos.youRejected)(photoNumbers(ids), ids.length)]));
    }
    case PHOTO_VERB.discard:
    case PHOTO_VERB.withdraw: {
      const r = await withdrawPhotos(tc.deps, actor, { batchId: data.batch });
      if (!r.ok) return { kind: 'text', text: photoErrorText(c, r.error) };
      if (data.caravane === PHOTO_VERB.discard) return done(message('ok', [c.photos.discarded(photoNumbers(r.value.photoIds), r.value.photoIds.length)]));
      const reply = withdrawnReply(actor, r.value);
      return reply.kind === 'message' ? done(reply) : { kind: 'text', text: c.photos.withdrawn(photoNumbers(r.value.photoIds), r.value.photoIds.length) };
    }
  }
}

/** The outcome of a photo card's button, or null when the data is not a photo card's. */
export async function photoCardAction(tc: TeamsContext, turn: TeamsTurn, raw: unknown): Promise<PhotoActionOutcome | null> {
  const data = photoCardData.safeParse(raw);
  if (!data.success) return null;
  const identity = teamsIdentity(turn);
  if (!identity) return { kind: 'text', text: t(turn.locale ?? tc.deps.defaultLocale).teams.unidentified };
  return act(tc, await actorFor(tc.deps, identity), data.data);
}

/** Action.Submit fallback: replace the card it came from when Teams allows, else answer below it. */
export async function answerPhotoSubmit(tc: TeamsContext, ctx: TurnContext, turn: TeamsTurn): Promise<boolean> {
  const outcome = await photoCardAction(tc, turn, ctx.activity.value);
  if (!outcome) return false;
  if (outcome.kind === 'text') {
    await ctx.sendActivity(renderMessage(message('error', [outcome.text])));
    return true;
  }
  if (turn.replyToId) {
    const replaced = await ctx.updateActivity({ ...cardActivity(outcome.card), id: turn.replyToId }).then(
      () => true,
      () => false,
    );
    if (replaced) return true;
  }
  await ctx.sendActivity(cardActivity(outcome.card));
  return true;
}
