/**
 * Expiring links to the gallery and to photo files, under PUBLIC_URL. The signing key is the bot's
 * own secret in Postgres (the same for every instance), fetched once.
 */
import type { PhotoLinks } from '../../src/photos/ports.js';
import { signLastingPath, signPath } from '../../src/shared/signed-links.js';
import type { SigningKeys } from '../http/ports.js';

export const galleryPath = (campaignId: string) => `/album/${campaignId}`;
export const imagePath = (photoId: number, variant: 'web' | 'thumb') => `/photos/${photoId}/${variant}.jpg`;

/** The signing key, read once per process (every instance reads the same row). */
export function linkSecret(keys: SigningKeys): () => Promise<string> {
  let secret: Promise<string> | undefined;
  return () => {
    secret ??= keys('photo-links').catch((error: unknown) => {
      secret = undefined;
      throw error;
    });
    return secret;
  };
}

export function photoLinks(publicUrl: string, secret: () => Promise<string>): PhotoLinks {
  const sign = async (path: string, expiresAt: Date) => `${publicUrl}${path}?${signPath(await secret(), path, expiresAt)}`;
  return {
    gallery: (campaignId, expiresAt) => sign(galleryPath(campaignId), expiresAt),
    image: (photoId, variant, expiresAt) => sign(imagePath(photoId, variant), expiresAt),
    lastingImage: async (photoId, variant) => `${publicUrl}${imagePath(photoId, variant)}?${signLastingPath(await secret(), imagePath(photoId, variant))}`,
  };
}
