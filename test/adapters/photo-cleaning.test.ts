import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalPhotoStorage } from '../../adapters/photos/local-storage.js';
import { SharpCleaner, THUMB_SIDE, WEB_SIDE } from '../../adapters/photos/sharp-cleaner.js';
import { metadataTraces, phoneJpeg, pngImage, webpImage } from '../support/images.js';

const cleaner = new SharpCleaner();
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'caravane-photos-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('cleaning a photo', () => {
  it('drops every piece of metadata from a phone JPEG and turns it upright', async () => {
    const original = await phoneJpeg(1200, 800);
    expect(metadataTraces(original)).toEqual(expect.arrayContaining(['Exif', 'GPS-IFD', 'xmpmeta', 'Photoshop 3.0', 'APP1', 'APP13']));
    const started = performance.now();
    const result = await cleaner.clean(original);
    const ms = performance.now() - started;
    if (!result.ok) throw new Error(result.error.code);
    const { web, thumb } = result.value;
    expect(metadataTraces(web.bytes)).toEqual([]);
    expect(metadataTraces(thumb.bytes)).toEqual([]);
    const meta = await sharp(web.bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.iptc).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    // Orientation 6 on a 1200×800 picture: upright it is 800 wide and 1200 tall, with no tag left to say so.
    expect([web.width, web.height, meta.orientation]).toEqual([800, 1200, undefined]);
    // The blue corner was top-left before turning; upright (90° clockwise) it is top-right.
    const { data, info } = await sharp(web.bytes).raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number) => data[(y * info.width + x) * info.channels + 2] ?? 0;
    expect(at(info.width - 20, 20)).toBeGreaterThan(150);
    expect(at(20, 20)).toBeLessThan(100);
    console.log(`phone JPEG 1200×800: ${original.length} B in → web ${web.bytes.length} B, thumb ${thumb.bytes.length} B, ${ms.toFixed(0)} ms`);
  });

  it('makes a web version of at most 2048 px and a thumbnail of at most 400 px', async () => {
    const big = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#7a5030' } })
      .composite([{ input: await phoneJpeg(1200, 800), top: 500, left: 900 }])
      .jpeg({ quality: 92 })
      .toBuffer();
    const started = performance.now();
    const result = await cleaner.clean(big);
    const ms = performance.now() - started;
    if (!result.ok) throw new Error(result.error.code);
    expect([result.value.web.width, result.value.web.height]).toEqual([WEB_SIDE, 1536]);
    expect(Math.max(result.value.thumb.width, result.value.thumb.height)).toBe(THUMB_SIDE);
    console.log(`12 MP JPEG: ${big.length} B in → web ${result.value.web.bytes.length} B, thumb ${result.value.thumb.bytes.length} B, ${ms.toFixed(0)} ms`);
  });

  it('turns PNG (with transparency) and WebP into clean JPEGs', async () => {
    for (const input of [await pngImage(), await webpImage()]) {
      const result = await cleaner.clean(input);
      if (!result.ok) throw new Error(result.error.code);
      expect(result.value.web.bytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
      expect(metadataTraces(result.value.web.bytes)).toEqual([]);
    }
  });

  it('refuses corrupt bytes and decompression bombs without throwing', async () => {
    const truncated = (await phoneJpeg()).subarray(0, 600);
    expect(await cleaner.clean(truncated)).toMatchObject({ ok: false, error: { code: 'photo.unreadable' } });
    // A small JPEG whose header claims 12000 × 12000 = 144 megapixels: refused before any pixel is decoded.
    const bomb = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#000' } })
      .jpeg()
      .toBuffer();
    const sof = bomb.indexOf(Buffer.from([0xff, 0xc0]));
    bomb.writeUInt16BE(12000, sof + 5);
    bomb.writeUInt16BE(12000, sof + 7);
    expect(await cleaner.clean(bomb)).toMatchObject({ ok: false, error: { code: 'photo.too_many_pixels' } });
  });

  it('says which formats this build of sharp can read: JPEG, PNG, WebP, AVIF; HEIC only with an HEVC decoder', async () => {
    expect(await cleaner.canRead('jpeg')).toBe(true);
    expect(await cleaner.canRead('png')).toBe(true);
    expect(await cleaner.canRead('webp')).toBe(true);
    expect(await cleaner.canRead('avif')).toBe(true);
    // The prebuilt sharp binaries leave HEVC out; a libvips built with it would say true here.
    const hevc = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
      .heif({ compression: 'hevc' })
      .toBuffer()
      .then(
        () => true,
        () => false,
      );
    expect(await cleaner.canRead('heic')).toBe(hevc);
  });
});

describe('storing photos on disk', () => {
  it('puts, gets and deletes by key, and refuses keys that would leave its folder', async () => {
    const storage = new LocalPhotoStorage(join(dir, 'photos'));
    await storage.put('abc/web.jpg', Buffer.from('one'));
    expect((await storage.get('abc/web.jpg'))?.toString()).toBe('one');
    expect(await storage.get('missing/web.jpg')).toBeNull();
    await storage.delete('abc/web.jpg');
    expect(await storage.get('abc/web.jpg')).toBeNull();
    expect(await readdir(join(dir, 'photos'))).toEqual([]);
    await expect(storage.put('../escape.jpg', Buffer.from('x'))).rejects.toThrow();
    await expect(storage.get('/etc/passwd')).rejects.toThrow();
  });
});
