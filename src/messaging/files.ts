/**
 * Files the bot keeps itself (photos), named inside outgoing messages by a `fileId`. Senders resolve
 * them at delivery time, not when the message was queued: a file withdrawn in between is not sent.
 */
import type { Platform } from '../ports.js';
import type { Destination } from './ports.js';

export interface StoredFile {
  bytes: Buffer;
  name: string;
  mimeType: string;
}

/** Where the bot put a file: a Slack file (deletable with files.delete) or a Teams message. */
export interface FilePost {
  platform: Platform;
  kind: 'file' | 'message';
  destination: Destination;
  /** Slack: the file id. Teams: the activity id. */
  platformRef: string;
}

export interface StoredFiles {
  /** The bytes to upload; null when the file may no longer be shown (withdrawn, never approved, unknown). */
  read(fileId: string): Promise<StoredFile | null>;
  /**
   * A URL platform clients can fetch for as long as the file may be shown (it answers 404 once the
   * file is withdrawn), full size or as a thumbnail; null when the file may no longer be shown.
   */
  url(fileId: string, size: 'full' | 'thumbnail'): Promise<string | null>;
  /** Remembers a copy the bot put on a platform, so a withdrawal can remove it there too. */
  posted(fileId: string, post: FilePost): Promise<void>;
}
