/**
 * Photos after the event: what a batch and a photo are, and the pure rules about who may do what
 * with them. A batch is one upload (several photos sent at once). It waits for its uploader's consent,
 * then for HR's review; only an approved batch's photos, not withdrawn, ever leave the bot.
 */
import type { Platform } from '../ports.js';
import type { Locale } from '../shared/money.js';
import { err, ok, type Result } from '../shared/result.js';

export type BatchStatus = 'awaiting_consent' | 'in_review' | 'approved' | 'rejected' | 'discarded';

/** Who sent a batch, as their platform knows them: where consent prompts and decisions are sent. */
export interface Uploader {
  personId: string;
  platform: Platform;
  tenantId: string;
  userId: string;
}

export interface Photo {
  id: number;
  batchId: number;
  position: number;
  webKey: string;
  thumbKey: string;
  width: number;
  height: number;
  webBytes: number;
  thumbBytes: number;
  withdrawnAt: Date | null;
  postedAt: Date | null;
}

export interface PhotoBatch {
  id: number;
  campaignId: string;
  uploader: Uploader;
  locale: Locale;
  caption: string | null;
  place: string | null;
  status: BatchStatus;
  createdAt: Date;
  consentedAt: Date | null;
  reviewedAt: Date | null;
  /** `platform:userId` of the HR person who decided. */
  reviewedBy: string | null;
  rejectReason: string | null;
  photos: Photo[];
}

export const CAPTION_MAX = 280;
export const PLACE_MAX = 120;
export const REASON_MAX = 500;
/** Photos per batch: one Slack message carries at most 10 files, and a review card must stay small. */
export const BATCH_MAX = 10;

/** A caption, a place or a reason longer than `max` characters. */
export interface TextTooLong {
  readonly code: 'photo.text_too_long';
  readonly max: number;
}

/** A refusal about photos, with how many it is about (one photo, or a batch's) so its words agree. */
export interface PhotoRefusal {
  readonly code: 'photo.not_yours' | 'photo.already_consented' | 'photo.not_in_review' | 'photo.already_reviewed' | 'photo.withdrawn' | 'photo.discarded';
  readonly count: number;
}

/** A photo number or a batch that is not there; `count` is 1 for a photo, null for a batch (how many it held is unknown). */
export interface PhotoNotFound {
  readonly code: 'photo.not_found';
  readonly count: 1 | null;
}

export type PhotoRuleError = PhotoRefusal | TextTooLong;

/** How many photos a batch is about: those still there, or all of them once none is left. */
export function photoCount(batch: Pick<PhotoBatch, 'photos'>): number {
  return batch.photos.filter((ph) => ph.withdrawnAt === null).length || batch.photos.length;
}

/**
 * Trims what a person typed (a caption, a place, a rejection's reason): control characters out, white space as single spaces; empty
 * becomes null; over `max` characters is refused. Otherwise kept as typed — `Les enfants <3` stays so:
 * every place that shows it renders it as person text (src/chat/text.ts), escaped on Slack,
 * Teams and the pages alike, so `<!channel>` is never a mention there.
 */
export function typedText(raw: string | null | undefined, max: number): Result<string | null, TextTooLong> {
  const text = (raw ?? '')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (text === '') return ok(null);
  if ([...text].length > max) return err({ code: 'photo.text_too_long', max });
  return ok(text);
}

/** Only the uploader confirms consent, once, while the batch waits for it. */
export function checkConsent(batch: PhotoBatch, personId: string): Result<'in_review', PhotoRefusal> {
  const count = photoCount(batch);
  if (batch.uploader.personId !== personId) return err({ code: 'photo.not_yours', count });
  if (batch.status === 'discarded') return err({ code: 'photo.discarded', count });
  if (batch.status !== 'awaiting_consent') return err({ code: 'photo.already_consented', count });
  return ok('in_review');
}

/** HR decides once per batch, and only after the uploader consented. */
export function checkReview(batch: PhotoBatch): Result<true, PhotoRefusal> {
  const count = photoCount(batch);
  if (batch.status === 'approved' || batch.status === 'rejected') return err({ code: 'photo.already_reviewed', count });
  if (batch.status === 'discarded') return err({ code: 'photo.discarded', count });
  if (batch.status !== 'in_review') return err({ code: 'photo.not_in_review', count });
  return ok(true);
}

/** The uploader or HR may withdraw photos at any time, once; `photos` are those asked for (one, or a batch's). */
export function checkWithdraw(batch: PhotoBatch, photos: readonly Photo[], personId: string, isHr: boolean): Result<true, PhotoRefusal> {
  const count = photos.length;
  if (!isHr && batch.uploader.personId !== personId) return err({ code: 'photo.not_yours', count });
  if (photos.every((ph) => ph.withdrawnAt !== null) || batch.status === 'discarded') return err({ code: 'photo.withdrawn', count });
  return ok(true);
}

/** A photo that may be shown: consented, approved and not withdrawn. Everything else stays private. */
export function isPublishable(batch: Pick<PhotoBatch, 'status' | 'consentedAt'>, photo: Pick<Photo, 'withdrawnAt'>): boolean {
  return batch.status === 'approved' && batch.consentedAt !== null && photo.withdrawnAt === null;
}

/** `#12`, `#12–#14` or `#12, #15`: how photo numbers are shown. */
export function photoNumbers(ids: readonly number[]): string {
  const sorted = [...ids].sort((a, b) => a - b);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first === undefined || last === undefined) return '';
  if (sorted.length > 2 && last - first === sorted.length - 1) return `#${first}–#${last}`;
  return sorted.map((id) => `#${id}`).join(', ');
}
