/**
 * Adaptive Cards for photos: the uploader's consent card, HR's review card (the photos inline, never
 * as links), notices with a Withdraw button, and the album card: thumbnails served by the bot behind
 * lasting signed links, and a button to the gallery. Every word comes from the catalogue.
 */
import { z } from 'zod';
import type { MessageReply } from '../../../src/chat/reply.js';
import { CAPTION_MAX, PLACE_MAX, photoNumbers, REASON_MAX, type PhotoBatch } from '../../../src/photos/photo.js';
import type { Catalogue } from '../../../src/shared/i18n/index.js';
import { linksToActions } from '../card-links.js';
import { noticeCard, optionalLabel, teamsMarkdown, type Card } from '../render.js';
import { teamsPlain } from '../text.js';
import { hasOwnIcon, personText } from '../../../src/chat/text.js';

export const PHOTO_VERB = {
  consent: 'photos.consent',
  discard: 'photos.discard',
  approve: 'photos.approve',
  reject: 'photos.reject',
  withdraw: 'photos.withdraw',
} as const;
export type PhotoVerb = (typeof PHOTO_VERB)[keyof typeof PHOTO_VERB];
export const FIELD = { caption: 'caption', place: 'place', reason: 'reason' } as const;

const input = z.string().max(2000).optional().catch(undefined);
/** A photo card's data (our verb, the batch) merged with its inputs, as Teams sends them back. */
export const photoCardData = z.looseObject({
  caravane: z.enum([PHOTO_VERB.consent, PHOTO_VERB.discard, PHOTO_VERB.approve, PHOTO_VERB.reject, PHOTO_VERB.withdraw]),
  batch: z.union([z.number(), z.string().regex(/^\d{1,15}$/)]).transform(Number),
  caption: input,
  place: input,
  reason: input,
});
export type PhotoCardData = z.infer<typeof photoCardData>;

const SCHEMA = { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5' } as const;
const text = (t: string, extra: Record<string, unknown> = {}) => ({
  type: 'TextBlock',
  text: teamsMarkdown(t),
  wrap: true,
  ...extra,
});

/** Action.Execute (Universal Actions) with Action.Submit as the fallback for older clients. */
function action(verb: PhotoVerb, title: string, batchId: number, style: 'positive' | 'destructive' | 'default' = 'default') {
  const data = { caravane: verb, batch: batchId };
  return { type: 'Action.Execute', verb, title, style, data, fallback: { type: 'Action.Submit', title, data } };
}

function textInput(id: string, label: string, placeholder: string, max: number, value: string | null, multiline = false) {
  return { type: 'Input.Text', id, label, placeholder, maxLength: max, isMultiline: multiline, value: value ?? '' };
}

/** The answer to an upload: what was kept and refused, then caption, place, the consent statement and buttons. */
export function consentCard(c: Catalogue, batch: PhotoBatch, head: MessageReply): Card {
  const p = c.photos;
  const count = batch.photos.filter((ph) => ph.withdrawnAt === null).length;
  return {
    ...SCHEMA,
    fallbackText: teamsPlain(c.teams.cardFallback),
    body: [
      ...(head.headline ? [text(hasOwnIcon(head.headline) ? head.headline : `✅ ${head.headline}`, { weight: 'Bolder' })] : []),
      ...head.lines.filter((l) => l.trim() !== '').map((l) => text(l, { spacing: 'Small' })),
      text(p.consentTitle(count), { weight: 'Bolder', separator: true }),
      text(p.privateUntil(count), { isSubtle: true, size: 'Small' }),
      textInput(FIELD.caption, optionalLabel(c, p.captionLabel), p.captionPlaceholder, CAPTION_MAX, batch.caption),
      textInput(FIELD.place, optionalLabel(c, p.placeLabel), p.placePlaceholder, PLACE_MAX, batch.place),
      text(p.consentStatement(count)),
    ],
    actions: [action(PHOTO_VERB.consent, p.consentButton, batch.id, 'positive'), action(PHOTO_VERB.discard, p.discardButton(count), batch.id, 'destructive')],
  };
}

/** HR's copy of a consented batch, with the photos inline (data URIs) and a reason box for a rejection. */
export function reviewCard(c: Catalogue, batch: PhotoBatch, uploaderName: string | null, images: Array<{ id: number; dataUri: string }>): Card {
  const p = c.photos;
  const live = batch.photos.filter((ph) => ph.withdrawnAt === null);
  return {
    ...SCHEMA,
    fallbackText: teamsPlain(c.teams.cardFallback),
    body: [
      text(`📸 ${p.reviewTitle(live.length)} (${photoNumbers(live.map((ph) => ph.id))})`, { weight: 'Bolder', size: 'Medium' }),
      text(p.reviewFrom(uploaderName === null ? p.someone : personText(uploaderName), live.length)),
      ...(batch.caption ? [text(p.captionLine(personText(batch.caption)), { spacing: 'Small' })] : []),
      ...(batch.place ? [text(p.placeLine(personText(batch.place)), { spacing: 'Small' })] : []),
      { type: 'ImageSet', imageSize: 'Large', images: images.map((img) => ({ type: 'Image', url: img.dataUri, altText: p.gallery.photoAlt(img.id) })) },
      textInput(FIELD.reason, optionalLabel(c, p.reasonLabel), p.reasonPlaceholder, REASON_MAX, null, true),
    ],
    actions: [action(PHOTO_VERB.approve, p.approveButton, batch.id, 'positive'), action(PHOTO_VERB.reject, p.rejectButton, batch.id, 'destructive')],
  };
}

/** A notice, with a Withdraw button when it is about an approved batch. */
export function photoNoticeCard(c: Catalogue, reply: MessageReply, withdrawBatchId?: number): Card {
  const card = noticeCard(reply);
  return withdrawBatchId === undefined ? card : { ...card, actions: [action(PHOTO_VERB.withdraw, c.photos.withdrawButton, withdrawBatchId, 'destructive')] };
}

export interface AlbumImage {
  /** The thumbnail shown in the card. */
  thumbnail: string;
  /** The full picture, opened when the thumbnail is tapped. */
  full: string;
  alt: string;
}

/**
 * The album post: its text, the photos as a grid of thumbnails (each opening the full picture), and
 * the gallery as a button rather than a printed URL. The image links last as long as the photos may
 * be shown, so an old post keeps its pictures until a photo is withdrawn.
 */
export function albumCard(message: MessageReply, images: AlbumImage[]): Card {
  const { lines, actions } = linksToActions(message.lines.filter((l) => l.trim() !== ''));
  return {
    ...SCHEMA,
    fallbackText: teamsPlain([message.headline ?? '', ...lines].join('\n')),
    body: [
      ...(message.headline ? [text(message.headline, { weight: 'Bolder', size: 'Medium' })] : []),
      ...lines.map((l) => text(l, { spacing: 'Small' })),
      {
        type: 'ImageSet',
        imageSize: 'Medium',
        images: images.map((img) => ({ type: 'Image', url: img.thumbnail, altText: img.alt, selectAction: { type: 'Action.OpenUrl', url: img.full } })),
      },
    ],
    ...(actions.length > 0 ? { actions } : {}),
  };
}
