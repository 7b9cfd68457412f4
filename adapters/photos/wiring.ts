/**
 * Puts the photos feature together: disk storage under DATA_DIR/photos, the sharp cleaner, metadata
 * in Postgres, expiring links under PUBLIC_URL, and one notifier that speaks Slack or Teams depending
 * on who is told. The platform parts are attached once their adapters exist (they need the core deps).
 */
import { join } from 'node:path';
import type { MessageReply } from '../../src/chat/reply.js';
import type { PhotoDeps, PhotoNotifier, PhotoPost, PhotoStore, Recipient, ReviewRequest } from '../../src/photos/ports.js';
import type { Config } from '../config.js';
import type { SigningKeys } from '../http/ports.js';
import type { Logger } from '../logger.js';
import { LocalPhotoStorage } from './local-storage.js';
import { linkSecret, photoLinks } from './links.js';
import { SharpCleaner } from './sharp-cleaner.js';

/** How long album links (the gallery and the images in Teams cards) work. */
export const ALBUM_LINK_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** What one platform does for the photo notifier. */
export interface PlatformPhotoNotifier {
  requestReview(to: Recipient, request: ReviewRequest): Promise<boolean>;
  tell(to: Recipient, message: MessageReply, withdrawBatchId?: number): Promise<boolean>;
  /** Removes this platform's copies among `posts`; returns the ids of those that are gone. */
  retract(posts: PhotoPost[]): Promise<number[]>;
}

/** Dispatches to the recipient's platform; a platform that is off reaches nobody. */
export class PhotoNotifierHub implements PhotoNotifier {
  slack: PlatformPhotoNotifier | undefined;
  teams: PlatformPhotoNotifier | undefined;

  private on(platform: Recipient['platform']): PlatformPhotoNotifier | undefined {
    return platform === 'slack' ? this.slack : this.teams;
  }

  async requestReview(to: Recipient, request: ReviewRequest): Promise<boolean> {
    return (await this.on(to.platform)?.requestReview(to, request)) ?? false;
  }

  async tell(to: Recipient, message: MessageReply, withdrawBatchId?: number): Promise<boolean> {
    return (await this.on(to.platform)?.tell(to, message, withdrawBatchId)) ?? false;
  }

  async retract(posts: PhotoPost[]): Promise<{ retracted: number[]; kept: number }> {
    const retracted: number[] = [];
    for (const platform of ['slack', 'teams'] as const) {
      const mine = posts.filter((p) => p.platform === platform);
      const notifier = this.on(platform);
      if (mine.length > 0 && notifier) retracted.push(...(await notifier.retract(mine)));
    }
    return { retracted, kept: posts.length - retracted.length };
  }
}

export interface PhotoWiring {
  deps: PhotoDeps;
  hub: PhotoNotifierHub;
  /** The link-signing key, for the HTTP routes. */
  secret: () => Promise<string>;
}

/** `store` and `keys` come from db/ (photoStore, signingKeys). */
export function createPhotoWiring(
  config: Pick<Config, 'dataDir' | 'publicUrl' | 'photoMaxBytes'>,
  storage: { store: PhotoStore; keys: SigningKeys },
  logger: Logger,
): PhotoWiring {
  const hub = new PhotoNotifierHub();
  const secret = linkSecret(storage.keys);
  return {
    hub,
    secret,
    deps: {
      store: storage.store,
      storage: new LocalPhotoStorage(join(config.dataDir, 'photos')),
      cleaner: new SharpCleaner(logger),
      notifier: hub,
      links: photoLinks(config.publicUrl, secret),
      maxBytes: config.photoMaxBytes,
      linkTtlMs: ALBUM_LINK_TTL_MS,
    },
  };
}
