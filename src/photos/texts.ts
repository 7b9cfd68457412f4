/**
 * Photo outcomes in words: every error code mapped with an exhaustive switch, and the lines that
 * answer an upload. The words themselves live in the catalogue (src/shared/i18n/photos.ts).
 */
import type { MessageReply } from '../chat/reply.js';
import { message } from '../chat/reply.js';
import type { NoCampaign } from '../campaigns/campaign.js';
import type { Catalogue } from '../shared/i18n/index.js';
import type { Coded } from '../shared/result.js';
import { BATCH_MAX, photoNumbers, type PhotoBatch, type PhotoNotFound, type PhotoRuleError } from './photo.js';
import type { Refusal } from './upload.service.js';
import { personText } from '../chat/text.js';

/** Every refusal of the photo use cases. */
export type PhotoError = PhotoRuleError | PhotoNotFound | NoCampaign | Coded<'photo.not_hr' | 'photo.no_channels' | 'photo.nothing_new'>;

export function photoErrorText(c: Catalogue, error: PhotoError): string {
  const e = c.photos.errors;
  switch (error.code) {
    case 'photo.not_found':
      return e.notFound(error.count);
    case 'photo.not_yours':
      return e.notYours(error.count);
    case 'photo.already_consented':
      return e.alreadyConsented(error.count);
    case 'photo.not_in_review':
      return e.notInReview(error.count);
    case 'photo.already_reviewed':
      return e.alreadyReviewed(error.count);
    case 'photo.withdrawn':
      return e.withdrawn(error.count);
    case 'photo.discarded':
      return e.discarded(error.count);
    case 'photo.text_too_long':
      return e.textTooLong(error.max);
    case 'photo.not_hr':
      return c.common.notAdmin;
    case 'campaign.none':
      return c.photos.noCampaign;
    case 'photo.no_channels':
      return c.photos.noChannels;
    case 'photo.nothing_new':
      return c.photos.nothingNew;
  }
}

/** Why one file was not kept, in the uploader's words. */
export function refusalText(c: Catalogue, refusal: Refusal, maxMb: number): string {
  const w = c.photos.why;
  switch (refusal.reason) {
    case 'photo.too_large':
      return w.tooLarge(maxMb);
    case 'photo.download_failed':
      return w.downloadFailed;
    case 'photo.html_answer':
      return w.refusedByPlatform;
    case 'photo.empty':
      return w.empty;
    case 'photo.too_many':
      return w.tooMany(BATCH_MAX);
    case 'photo.unreadable':
      return w.unreadable;
    case 'photo.too_many_pixels':
      return w.tooManyPixels;
    case 'photo.format_unreadable':
      return refusal.format === 'avif' ? w.avif : w.heic;
    case 'photo.not_image': {
      const format = refusal.format === undefined || refusal.format === 'heic' || refusal.format === 'avif' ? 'unknown' : refusal.format;
      return w.notImage(w.format[format]);
    }
  }
}

/** A file name as people will read it back: short, one line. */
const shownName = (name: string) => {
  const one = name.replace(/\s+/g, ' ').trim() || '?';
  return one.length > 60 ? `${one.slice(0, 57)}…` : one;
};

/** The lines about refused files (empty when none were refused). */
export function refusalLines(c: Catalogue, refused: readonly Refusal[], maxMb: number): string[] {
  if (refused.length === 0) return [];
  return [c.photos.refusedTitle, ...refused.map((r) => c.photos.refused(personText(shownName(r.name)), refusalText(c, r, maxMb)))];
}

/** The answer when nothing could be kept: what was refused and why, nothing stored. */
export function nothingStoredReply(c: Catalogue, refused: readonly Refusal[], maxMb: number): MessageReply {
  return message('error', refusalLines(c, refused, maxMb), c.photos.nothingStored);
}

/** The headline of a received batch: how many photos and their numbers. */
export function receivedHeadline(c: Catalogue, batch: PhotoBatch): string {
  const live = batch.photos.filter((ph) => ph.withdrawnAt === null);
  return c.photos.received(live.length, photoNumbers(live.map((ph) => ph.id)));
}
