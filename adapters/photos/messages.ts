/**
 * What the senders need from the photos feature to draw its rich outbox messages and take their
 * copies back: the batch HR is asked to review (read at delivery time), where those copies went,
 * and the album post a photo was part of. Read lazily from the core deps, like the stored files.
 */
import { z } from 'zod';
import type { PhotoFeatureDeps } from '../../src/photos/ports.js';
import type { OutgoingMessage, PostedCopy, SendOutcome } from '../../src/messaging/ports.js';
import { parsePhotoFileId } from '../../src/photos/album.service.js';
import type { PhotoBatch } from '../../src/photos/photo.js';
import type { PhotoPost } from '../../src/photos/ports.js';

export interface ReviewPhoto {
  id: number;
  /** The web version (Slack uploads it) or a small JPEG for a card (Teams keeps messages to tens of kilobytes). */
  bytes: Buffer;
}

export interface ReviewMaterial {
  batch: PhotoBatch;
  uploaderName: string | null;
  /** The photos not withdrawn, in order, that could be read. */
  photos: ReviewPhoto[];
}

export interface PhotoMessages {
  /**
   * The batch as HR should see it now; null once it no longer waits for HR (decided, discarded, every
   * photo withdrawn). With `delivery`, photos already posted by an earlier attempt of that delivery
   * are left out of `photos` (they are not uploaded twice).
   */
  review(batchId: number, size: 'web' | 'inline', delivery?: string): Promise<ReviewMaterial | null>;
  /** Remembers a copy of these photos the bot put on a platform, so a rejection or a withdrawal takes it back. */
  posted(photoIds: readonly number[], post: Omit<PhotoPost, 'id' | 'photoId'>): Promise<void>;
  /** The album post that showed the stored file `fileId`, to redraw it without the withdrawn photos. */
  albumOf(fileId: string): Promise<OutgoingMessage | null>;
  /** Those of `copies` not yet taken back. */
  stillPosted(copies: readonly PostedCopy[]): Promise<PostedCopy[]>;
  /** Remembers that these copies are gone. */
  retracted(copyIds: readonly number[]): Promise<void>;
}

/**
 * One more try at taking copies back (an outbox retraction): sent once every copy is gone, otherwise
 * tried again later like any delivery.
 */
export async function retractAgain(
  photos: PhotoMessages | undefined,
  copies: readonly PostedCopy[],
  retract: (left: PostedCopy[]) => Promise<number[]>,
): Promise<SendOutcome> {
  if (!photos) return { status: 'failed', failure: { code: 'no_sender' } };
  const left = await photos.stillPosted(copies);
  const gone = left.length === 0 ? [] : await retract(left);
  await photos.retracted(gone);
  return gone.length === left.length ? { status: 'sent' } : { status: 'retry', failure: { code: 'platform.error' } };
}

const tagged = z.looseObject({ delivery: z.string().optional().catch(undefined) });
/** The outbox delivery that posted a copy, when it was recorded with one. */
const deliveryOf = (destination: unknown) => {
  const parsed = tagged.safeParse(destination);
  return parsed.success ? parsed.data.delivery : undefined;
};

/** Small enough to sit inline in a card; the thumbnail is already clean (no metadata). sharp loads with the first one. */
const inline = async (thumb: Buffer) => {
  const { default: sharp } = await import('sharp');
  return sharp(thumb).resize({ width: 240, height: 240, fit: 'inside' }).jpeg({ quality: 60 }).toBuffer();
};

export function photoMessages(deps: PhotoFeatureDeps): PhotoMessages {
  return {
    async review(batchId, size, delivery) {
      const p = deps.photos;
      const batch = p ? await p.store.getBatch(batchId) : null;
      if (!p || !batch || batch.status !== 'in_review') return null;
      const live = batch.photos.filter((ph) => ph.withdrawnAt === null);
      if (live.length === 0) return null;
      const photos: ReviewPhoto[] = [];
      for (const photo of live) {
        if (delivery !== undefined && (await p.store.posts(photo.id)).some((post) => deliveryOf(post.destination) === delivery)) continue;
        const bytes = await p.storage.get(size === 'web' ? photo.webKey : photo.thumbKey);
        if (bytes) photos.push({ id: photo.id, bytes: size === 'web' ? bytes : await inline(bytes) });
      }
      return { batch, uploaderName: await p.store.displayName(batch.uploader.personId), photos };
    },

    async posted(photoIds, post) {
      const p = deps.photos;
      if (!p) return;
      for (const photoId of photoIds) await p.store.recordPost({ photoId, ...post });
    },

    async stillPosted(copies) {
      const p = deps.photos;
      if (!p) return [];
      const open = new Set<number>();
      for (const photoId of new Set(copies.map((c) => parsePhotoFileId(c.fileId)))) {
        if (photoId !== null) for (const post of await p.store.posts(photoId)) open.add(post.id);
      }
      return copies.filter((c) => open.has(c.id));
    },

    async retracted(copyIds) {
      if (copyIds.length > 0) await deps.photos?.store.markRetracted([...copyIds], deps.clock.now());
    },

    async albumOf(fileId) {
      const id = parsePhotoFileId(fileId);
      return id === null || !deps.photos ? null : deps.photos.store.albumPost(id);
    },
  };
}
