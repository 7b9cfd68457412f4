/**
 * Puts the photos feature together: disk storage under DATA_DIR/photos, the sharp cleaner, metadata
 * in Postgres, expiring links under PUBLIC_URL, people's direct chats, and the outbox senders'
 * retraction to take the bot's own copies back on whichever platform they are.
 */
import { join } from 'node:path';
import type { DirectChats, PlatformSender } from '../../src/messaging/ports.js';
import { photoFileId } from '../../src/photos/album.service.js';
import type { PhotoCopies, PhotoDeps, PhotoStore } from '../../src/photos/ports.js';
import type { Config } from '../config.js';
import type { SigningKeys } from '../http/ports.js';
import type { Logger } from '../logger.js';
import { LocalPhotoStorage } from './local-storage.js';
import { linkSecret, photoLinks } from './links.js';
import { SharpCleaner } from './sharp-cleaner.js';

/** How long album links (the gallery and the images in Teams cards) work. */
export const ALBUM_LINK_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** Each platform's sender takes back its own copies; a platform that is off keeps them. */
export function senderCopies(senders: () => readonly PlatformSender[]): PhotoCopies {
  return {
    async retract(posts) {
      const retracted: number[] = [];
      const later: number[] = [];
      for (const sender of senders()) {
        const mine = posts.filter((p) => p.platform === sender.platform);
        if (mine.length === 0 || !sender.retract) continue;
        const gone = await sender.retract(mine.map(({ photoId, ...p }) => ({ ...p, fileId: photoFileId(photoId) })));
        retracted.push(...gone);
        later.push(...mine.filter((p) => !gone.includes(p.id)).map((p) => p.id));
      }
      return { retracted, kept: posts.length - retracted.length, later };
    },
  };
}

export interface PhotoWiring {
  deps: PhotoDeps;
  /** The link-signing key, for the HTTP routes. */
  secret: () => Promise<string>;
}

/** `store`, `keys` and `direct` come from db/ (photoStore, signingKeys, directChats). */
export function createPhotoWiring(
  config: Pick<Config, 'dataDir' | 'publicUrl' | 'photoMaxBytes'>,
  storage: { store: PhotoStore; keys: SigningKeys; direct: DirectChats },
  logger: Logger,
  /** The outbox senders, asked when a copy is taken back (they are built after the photos feature). */
  senders: () => readonly PlatformSender[],
): PhotoWiring {
  const secret = linkSecret(storage.keys);
  return {
    secret,
    deps: {
      store: storage.store,
      storage: new LocalPhotoStorage(join(config.dataDir, 'photos')),
      cleaner: new SharpCleaner(logger),
      direct: storage.direct,
      copies: senderCopies(senders),
      links: photoLinks(config.publicUrl, secret),
      maxBytes: config.photoMaxBytes,
      linkTtlMs: ALBUM_LINK_TTL_MS,
    },
  };
}
