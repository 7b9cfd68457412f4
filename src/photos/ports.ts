/**
 * What the photos feature needs from outside: where files are kept, what cleans an image, where
 * metadata lives, where people are reached privately, how the bot's copies are taken back, and how
 * links are made. Implementations are in db/ and adapters/. People are told through the outbox.
 */
import type { AdminDeps } from '../admins/ports.js';
import type { CampaignDeps } from '../campaigns/ports.js';
import type { MessagingDeps } from '../messaging/deps.js';
import type { DirectChats, OutgoingMessage } from '../messaging/ports.js';
import type { LocaleDeps, Platform } from '../ports.js';
import type { Locale } from '../shared/money.js';
import type { Result } from '../shared/result.js';
import type { BatchStatus, Photo, PhotoBatch, Uploader } from './photo.js';
import type { ImageFormat } from './sniff.js';

/**
 * Files by key (`<uuid>/web.jpg`). The local-disk implementation keeps them under DATA_DIR/photos;
 * an S3-compatible store can implement the same three calls. Keys are made by the core, never by users.
 */
export interface PhotoStorage {
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** Null when there is no such file (withdrawn, or never stored). */
  get(key: string): Promise<Buffer | null>;
  /** Deleting a missing file is not an error. */
  delete(key: string): Promise<void>;
}

export interface CleanedVersion {
  bytes: Buffer;
  width: number;
  height: number;
}

/** A web version (longest side 2048 px) and a thumbnail, both JPEG, orientation applied, no metadata. */
export interface CleanedImage {
  web: CleanedVersion;
  thumb: CleanedVersion;
}

export type CleanError = 'photo.unreadable' | 'photo.too_many_pixels';

/** Re-encodes an image from scratch. Never writes the original anywhere. */
export interface ImageCleaner {
  /** Whether this build can decode the format (HEIC depends on how the image library was built). */
  canRead(format: ImageFormat): Promise<boolean>;
  /** `photo.unreadable` for corrupt or undecodable bytes; `photo.too_many_pixels` past the pixel limit. */
  clean(bytes: Buffer): Promise<Result<CleanedImage, CleanError>>;
}

export interface NewPhoto {
  webKey: string;
  thumbKey: string;
  width: number;
  height: number;
  webBytes: number;
  thumbBytes: number;
}

export interface NewBatch {
  campaignId: string;
  uploader: Uploader;
  locale: Locale;
  /** Same key, same batch: a redelivered upload is not stored twice. */
  sourceKey: string;
  caption: string | null;
  photos: NewPhoto[];
  createdAt: Date;
}

/** A platform copy of a photo: a Slack file (deleted with files.delete) or a Teams message (updated or deleted). */
export interface PhotoPost {
  id: number;
  photoId: number;
  platform: Platform;
  kind: 'file' | 'message';
  destination: unknown;
  platformRef: string;
}

/** Metadata in Postgres. Implementation: db/repositories/photos.ts. */
export interface PhotoStore {
  /** `created: false` (and the existing batch) when `sourceKey` was seen before. */
  createBatch(batch: NewBatch): Promise<{ batch: PhotoBatch; created: boolean }>;
  getBatch(id: number): Promise<PhotoBatch | null>;
  /** The batch holding photo `photoId`, or null. */
  batchOfPhoto(photoId: number): Promise<PhotoBatch | null>;
  /** Moves a batch from `from` to its next status; false when it was not in `from` any more (someone was first). */
  setStatus(id: number, from: BatchStatus, change: StatusChange): Promise<boolean>;
  /** Marks photos withdrawn; returns the ids that were not already withdrawn. */
  withdraw(photoIds: number[], by: string, at: Date): Promise<number[]>;
  /** Approved, consented, not withdrawn and not yet posted photos of a campaign, oldest first, with their batches. */
  unposted(campaignId: string, limit: number): Promise<PhotoBatch[]>;
  /** Remembers which album post carried these photos. */
  markPosted(photoIds: number[], albumKey: string, at: Date): Promise<void>;
  /** Every approved, consented, not withdrawn photo of a campaign, newest batch first. */
  published(campaignId: string): Promise<PhotoBatch[]>;
  /** The photos a person uploaded in a campaign, newest first. */
  byUploader(campaignId: string, personId: string): Promise<PhotoBatch[]>;
  /** Batches of a campaign waiting for HR, oldest first. */
  inReview(campaignId: string): Promise<PhotoBatch[]>;
  /** The language a platform user last wrote in, when the bot knows them. */
  localeOf(platform: Platform, userId: string): Promise<Locale | null>;
  /** A person's display name, when known. */
  displayName(personId: string): Promise<string | null>;
  recordPost(post: Omit<PhotoPost, 'id'>): Promise<void>;
  /** Copies not yet retracted. */
  posts(photoId: number): Promise<PhotoPost[]>;
  markRetracted(postIds: number[], at: Date): Promise<void>;
  /** The album post that carried a photo (as the outbox keeps it), to redraw it without the photo. */
  albumPost(photoId: number): Promise<OutgoingMessage | null>;
}

export type StatusChange =
  | { status: 'in_review'; at: Date; caption: string | null; place: string | null }
  | { status: 'approved'; at: Date; by: string }
  | { status: 'rejected'; at: Date; by: string; reason: string | null }
  | { status: 'discarded'; at: Date };

/** Someone to reach privately: an uploader, or an HR person (whose tenant may be unknown). */
export interface Recipient {
  platform: Platform;
  userId: string;
  tenantId?: string | undefined;
  locale: Locale;
}

/**
 * Takes the bot's own platform copies back (the senders' retraction); returns which went, how many
 * stayed, and which of those are worth trying again later (their platform is on).
 */
export interface PhotoCopies {
  retract(posts: PhotoPost[]): Promise<{ retracted: number[]; kept: number; later: number[] }>;
}

/** Absolute, expiring links under PUBLIC_URL. */
export interface PhotoLinks {
  gallery(campaignId: string, expiresAt: Date): Promise<string>;
  image(photoId: number, variant: 'web' | 'thumb', expiresAt: Date): Promise<string>;
  /** A link that lives as long as the photo may be shown: for pictures inside posts that stay in a channel. */
  lastingImage(photoId: number, variant: 'web' | 'thumb'): Promise<string>;
}

export interface PhotoDeps {
  store: PhotoStore;
  storage: PhotoStorage;
  cleaner: ImageCleaner;
  /** Where uploaders and HR are written to privately (review requests and notices go through the outbox). */
  direct: DirectChats;
  copies: PhotoCopies;
  links: PhotoLinks;
  /** PHOTO_MAX_MB in bytes: larger files are refused while they download. */
  maxBytes: number;
  /** How long links in album posts work (the gallery and its images). */
  linkTtlMs: number;
}

/**
 * What the photo use cases run against: the campaign, HR's list (review requests go to every HR
 * person), the campaign channels and the outbox (album posts), and the feature's own parts.
 */
export interface PhotoFeatureDeps extends CampaignDeps, LocaleDeps, Pick<AdminDeps, 'admins' | 'staticAdmins'> {
  photos: PhotoDeps;
  messaging: Pick<MessagingDeps, 'channels' | 'outbox'>;
}

export type { Photo, PhotoBatch };
