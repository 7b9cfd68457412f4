import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { checkConsent, checkReview, checkWithdraw, isPublishable, photoNumbers, typedText, type PhotoBatch } from '../../../src/photos/photo.js';
import { sniff } from '../../../src/photos/sniff.js';
import { elfAsJpg, peAsJpg, textAsJpg } from '../../support/images.js';

const square = () => sharp({ create: { width: 16, height: 16, channels: 3, background: '#888' } });

describe('the type of a file comes from its bytes, never its name', () => {
  it('recognises the photo formats', async () => {
    expect(sniff(await square().jpeg().toBuffer())).toBe('jpeg');
    expect(sniff(await square().png().toBuffer())).toBe('png');
    expect(sniff(await square().webp().toBuffer())).toBe('webp');
    expect(sniff(await square().heif({ compression: 'av1' }).toBuffer())).toBe('avif');
    // An iPhone HEIC starts with an ftyp box branded heic.
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1'), Buffer.alloc(64)]);
    expect(sniff(heic)).toBe('heic');
  });

  it('names what only pretends to be a photo', () => {
    expect(sniff(textAsJpg())).toBe('text');
    expect(sniff(elfAsJpg())).toBe('executable');
    expect(sniff(peAsJpg())).toBe('executable');
    expect(sniff(Buffer.from('<!DOCTYPE html><html><body>Sign in to Slack</body></html>'))).toBe('html');
    expect(sniff(Buffer.from('%PDF-1.7\n%âãÏÓ\n'))).toBe('pdf');
    expect(sniff(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]))).toBe('archive');
    expect(sniff(Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'))).toBe('gif');
    expect(sniff(Buffer.concat([Buffer.from([0, 0, 0, 20]), Buffer.from('ftypisom\0\0\0\0isom', 'latin1'), Buffer.alloc(32)]))).toBe('video');
    expect(sniff(Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x7f]))).toBe('unknown');
    expect(sniff(Buffer.alloc(0))).toBe('unknown');
  });
});

const batch = (over: Partial<PhotoBatch> = {}): PhotoBatch => ({
  id: 1,
  campaignId: 'c',
  uploader: { personId: 'uploader', platform: 'slack', tenantId: 'T1', userId: 'U1' },
  locale: 'fr',
  caption: null,
  place: null,
  status: 'awaiting_consent',
  createdAt: new Date(),
  consentedAt: null,
  reviewedAt: null,
  reviewedBy: null,
  rejectReason: null,
  photos: [],
  ...over,
});
const photo = {
  id: 7,
  batchId: 1,
  position: 1,
  webKey: 'k/web.jpg',
  thumbKey: 'k/thumb.jpg',
  width: 1,
  height: 1,
  webBytes: 1,
  thumbBytes: 1,
  withdrawnAt: null,
  postedAt: null,
};

describe('who may do what with a batch', () => {
  it('lets only the uploader consent, once', () => {
    expect(checkConsent(batch(), 'someone else')).toMatchObject({ ok: false, error: { code: 'photo.not_yours' } });
    expect(checkConsent(batch(), 'uploader')).toEqual({ ok: true, value: 'in_review' });
    expect(checkConsent(batch({ status: 'in_review' }), 'uploader')).toMatchObject({ ok: false, error: { code: 'photo.already_consented' } });
    expect(checkConsent(batch({ status: 'discarded' }), 'uploader')).toMatchObject({ ok: false, error: { code: 'photo.discarded' } });
  });

  it('lets HR decide only after consent, and only once', () => {
    expect(checkReview(batch())).toMatchObject({ ok: false, error: { code: 'photo.not_in_review' } });
    expect(checkReview(batch({ status: 'in_review' }))).toEqual({ ok: true, value: true });
    expect(checkReview(batch({ status: 'approved' }))).toMatchObject({ ok: false, error: { code: 'photo.already_reviewed' } });
  });

  it('lets the uploader or HR withdraw, at any time, but not twice', () => {
    expect(checkWithdraw(batch({ status: 'approved' }), [photo], 'someone else', false)).toMatchObject({ ok: false, error: { code: 'photo.not_yours' } });
    expect(checkWithdraw(batch({ status: 'approved' }), [photo], 'someone else', true).ok).toBe(true);
    expect(checkWithdraw(batch({ status: 'approved' }), [photo], 'uploader', false).ok).toBe(true);
    expect(checkWithdraw(batch(), [{ ...photo, withdrawnAt: new Date() }], 'uploader', false)).toMatchObject({ ok: false, error: { code: 'photo.withdrawn' } });
  });

  it('shows a photo only when consented, approved and not withdrawn', () => {
    const consented = new Date();
    expect(isPublishable(batch({ status: 'approved', consentedAt: consented }), photo)).toBe(true);
    expect(isPublishable(batch({ status: 'in_review', consentedAt: consented }), photo)).toBe(false);
    expect(isPublishable(batch({ status: 'approved', consentedAt: null }), photo)).toBe(false);
    expect(isPublishable(batch({ status: 'approved', consentedAt: consented }), { withdrawnAt: new Date() })).toBe(false);
  });

  it('tidies captions, keeping what was typed, and refuses overlong ones', () => {
    expect(typedText('  Remise\n des   parkas \u0007', 280)).toEqual({ ok: true, value: 'Remise des parkas' });
    expect(typedText('   ', 280)).toEqual({ ok: true, value: null });
    expect(typedText("Les enfants <3 & Tizi n'Test > Imlil", 280)).toEqual({ ok: true, value: "Les enfants <3 & Tizi n'Test > Imlil" });
    expect(typedText('x'.repeat(281), 280)).toMatchObject({ ok: false, error: { code: 'photo.text_too_long', max: 280 } });
  });

  it('writes photo numbers as a range when they follow each other', () => {
    expect(photoNumbers([14, 12, 13])).toBe('#12–#14');
    expect(photoNumbers([12, 15])).toBe('#12, #15');
    expect(photoNumbers([3])).toBe('#3');
  });
});
