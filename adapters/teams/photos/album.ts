/**
 * Outgoing messages that carry stored files (album posts), for the Teams sender: each file becomes an
 * thumbnail in an Adaptive Card, at a lasting signed URL under PUBLIC_URL, resolved at delivery time so
 * a photo withdrawn since the post was queued is left out.
 */
import type { Activity } from 'botbuilder';
import type { Destination, OutgoingMessage } from '../../../src/messaging/ports.js';
import type { StoredFiles } from '../../../src/messaging/files.js';
import { cardActivity } from '../render.js';
import { albumCard, type AlbumImage } from './cards.js';

export const hasStoredFiles = (message: OutgoingMessage) => (message.attachments ?? []).some((a) => a.kind === 'file');

/** The card, and the stored files it shows; null when nothing is left to show. */
export async function albumActivity(message: OutgoingMessage, files: StoredFiles): Promise<{ activity: Partial<Activity>; fileIds: string[] } | null> {
  const images: AlbumImage[] = [];
  const fileIds: string[] = [];
  for (const a of message.attachments ?? []) {
    if (a.kind === 'image') images.push({ thumbnail: a.url, full: a.url, alt: a.alt });
    if (a.kind !== 'file') continue;
    const [thumbnail, full] = await Promise.all([files.url(a.fileId, 'thumbnail'), files.url(a.fileId, 'full')]);
    if (!thumbnail || !full) continue;
    images.push({ thumbnail, full, alt: a.name });
    fileIds.push(a.fileId);
  }
  if (fileIds.length === 0) return null;
  return { activity: cardActivity(albumCard(message, images)), fileIds };
}

/** Remembers which Teams message shows which photos, so a withdrawal can edit or delete it. */
export async function recordTeamsPosts(files: StoredFiles, fileIds: string[], destination: Destination, activityId: string | undefined): Promise<void> {
  if (!activityId) return;
  for (const fileId of fileIds) await files.posted(fileId, { platform: 'teams', kind: 'message', destination, platformRef: activityId });
}
