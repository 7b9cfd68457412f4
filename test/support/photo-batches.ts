/** A photo batch as the store returns it, for tests that draw messages and cards about photos. */
import type { Photo, PhotoBatch } from '../../src/photos/photo.js';

export const photoOf = (id: number): Photo => ({
  id,
  batchId: 7,
  position: id,
  webKey: `w${id}`,
  thumbKey: `t${id}`,
  width: 10,
  height: 10,
  webBytes: 100,
  thumbBytes: 10,
  withdrawnAt: null,
  postedAt: null,
});

/** Batch 7 of a French Slack uploader, waiting for HR, holding photos `ids`. */
export const batchOf = (ids: number[]): PhotoBatch => ({
  id: 7,
  campaignId: 'c1',
  uploader: { personId: 'p1', platform: 'slack', tenantId: 'T1', userId: 'U1' },
  locale: 'fr',
  caption: null,
  place: null,
  status: 'in_review',
  createdAt: new Date('2026-11-20T10:00:00Z'),
  consentedAt: null,
  reviewedAt: null,
  reviewedBy: null,
  rejectReason: null,
  photos: ids.map(photoOf),
});
