/**
 * Receiving photos: each file is checked by its bytes, re-encoded without any metadata and stored as
 * a web version and a thumbnail; the original is dropped. The accepted ones form one batch that waits
 * for its uploader's consent, private to the uploader and HR.
 */
import { randomUUID } from 'node:crypto';
import type { NoCampaign } from '../campaigns/campaign.js';
import { today } from '../campaigns/campaigns.service.js';
import type { Actor } from '../chat/actor.js';
import { type Coded, type Result, err, ok } from '../shared/result.js';
import { BATCH_MAX, CAPTION_MAX, checkConsent, photoCount, PLACE_MAX, typedText, type PhotoBatch, type PhotoNotFound, type PhotoRuleError } from './photo.js';
import type { CleanError, NewPhoto, PhotoDeps, PhotoFeatureDeps } from './ports.js';
import { notifyReviewers } from './review.service.js';
import { isImageFormat, sniff, type OtherFormat } from './sniff.js';

/** Why a file never became a photo, decided while it was fetched. */
export type FetchError = Coded<'photo.too_large' | 'photo.download_failed' | 'photo.html_answer' | 'photo.empty' | 'photo.too_many'>;

/** One file of an upload, as the chat adapter fetched it (in memory only). */
export type IncomingFile = { name: string; bytes: Buffer } | { name: string; error: FetchError };

export type RefusalReason = FetchError['code'] | CleanError['code'] | 'photo.not_image' | 'photo.format_unreadable';

export interface Refusal {
  name: string;
  reason: RefusalReason;
  /** What the bytes turned out to be, for `photo.not_image` and `photo.format_unreadable`. */
  format?: OtherFormat | 'heic' | 'avif' | undefined;
}

export interface Upload {
  /** Same key, same batch (a redelivered message): `slack:<team>:<channel>:<ts>`, `teams:<conversation>:<activity>`. */
  sourceKey: string;
  /** The message that came with the files: the caption, unless the uploader changes it. */
  text: string | null;
  files: IncomingFile[];
}

export interface Received {
  /** Null when no file was a photo we could keep. */
  batch: PhotoBatch | null;
  refused: Refusal[];
  /** The same upload was received before: nothing new was stored. */
  duplicate: boolean;
}

type Kept = { ok: true; photo: NewPhoto } | { ok: false; refusal: Refusal };

/** Sniffs, cleans and stores one file. Errors from the storage are bugs and throw. */
async function keep(p: PhotoDeps, file: IncomingFile): Promise<Kept> {
  if ('error' in file) return { ok: false, refusal: { name: file.name, reason: file.error.code } };
  if (file.bytes.length === 0) return { ok: false, refusal: { name: file.name, reason: 'photo.empty' } };
  if (file.bytes.length > p.maxBytes) return { ok: false, refusal: { name: file.name, reason: 'photo.too_large' } };
  const format = sniff(file.bytes);
  if (!isImageFormat(format)) return { ok: false, refusal: { name: file.name, reason: 'photo.not_image', format } };
  if (!(await p.cleaner.canRead(format))) {
    return { ok: false, refusal: { name: file.name, reason: 'photo.format_unreadable', format: format === 'heic' || format === 'avif' ? format : undefined } };
  }
  const cleaned = await p.cleaner.clean(file.bytes);
  if (!cleaned.ok) return { ok: false, refusal: { name: file.name, reason: cleaned.error.code } };
  const id = randomUUID();
  const webKey = `${id}/web.jpg`;
  const thumbKey = `${id}/thumb.jpg`;
  await p.storage.put(webKey, cleaned.value.web.bytes);
  await p.storage.put(thumbKey, cleaned.value.thumb.bytes);
  const { web, thumb } = cleaned.value;
  return { ok: true, photo: { webKey, thumbKey, width: web.width, height: web.height, webBytes: web.bytes.length, thumbBytes: thumb.bytes.length } };
}

/**
 * Takes the photos of one upload. Files past BATCH_MAX are refused (`photo.too_many`); each refused
 * file says why. Errors: `campaign.none` (nowhere to file them).
 */
export async function receivePhotos(deps: PhotoFeatureDeps, actor: Actor, upload: Upload): Promise<Result<Received, NoCampaign>> {
  const p = deps.photos;
  const campaign = await deps.campaigns.current(today(deps));
  if (!campaign) return err({ code: 'campaign.none' });
  const refused: Refusal[] = [];
  const kept: NewPhoto[] = [];
  for (const [i, file] of upload.files.entries()) {
    // Photos are handled one at a time: a decoded 48-megapixel image is large, and memory is shared.
    const result = i < BATCH_MAX ? await keep(p, file) : { ok: false as const, refusal: { name: file.name, reason: 'photo.too_many' as const } };
    if (result.ok) kept.push(result.photo);
    else refused.push(result.refusal);
  }
  if (kept.length === 0) return ok({ batch: null, refused, duplicate: false });
  const caption = typedText(upload.text, CAPTION_MAX * 4);
  const { identity } = actor;
  const { batch, created } = await p.store.createBatch({
    campaignId: campaign.id,
    uploader: { personId: actor.person.id, platform: identity.platform, tenantId: identity.tenantId, userId: identity.userId },
    locale: actor.locale,
    sourceKey: upload.sourceKey.slice(0, 500),
    caption: caption.ok && caption.value !== null ? [...caption.value].slice(0, CAPTION_MAX).join('') : null,
    photos: kept,
    createdAt: deps.clock.now(),
  });
  if (!created) {
    // A redelivered upload: the first one's batch stands; what was just stored again goes.
    for (const photo of kept) await Promise.all([p.storage.delete(photo.webKey), p.storage.delete(photo.thumbKey)]);
  }
  return ok({ batch, refused: created ? refused : [], duplicate: !created });
}

export type ConsentError = PhotoRuleError | PhotoNotFound;

/**
 * The uploader confirms consent for a batch (with its caption and place, when given): it goes to
 * HR's review and is queued privately for every HR person. `notified` counts who can be reached.
 * Errors: `photo.not_found`, `photo.not_yours`, `photo.already_consented`, `photo.discarded`,
 * `photo.text_too_long` (details.max).
 */
export async function consentBatch(
  deps: PhotoFeatureDeps,
  actor: Actor,
  batchId: number,
  fields: { caption?: string | null | undefined; place?: string | null | undefined },
): Promise<Result<{ batch: PhotoBatch; notified: number }, ConsentError>> {
  const p = deps.photos;
  const batch = await p.store.getBatch(batchId);
  if (!batch) return err({ code: 'photo.not_found', count: null });
  const allowed = checkConsent(batch, actor.person.id);
  if (!allowed.ok) return allowed;
  const caption = fields.caption === undefined ? ok(batch.caption) : typedText(fields.caption, CAPTION_MAX);
  if (!caption.ok) return caption;
  const place = fields.place === undefined ? ok(batch.place) : typedText(fields.place, PLACE_MAX);
  if (!place.ok) return place;
  const at = deps.clock.now();
  const moved = await p.store.setStatus(batch.id, 'awaiting_consent', { status: 'in_review', at, caption: caption.value, place: place.value });
  if (!moved) return err({ code: 'photo.already_consented', count: photoCount(batch) });
  const updated = { ...batch, status: 'in_review' as const, consentedAt: at, caption: caption.value, place: place.value };
  const notified = await notifyReviewers(deps, p, updated);
  return ok({ batch: updated, notified });
}
