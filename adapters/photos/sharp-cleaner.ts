/**
 * The image cleaner, on sharp (libvips). Every version is decoded and encoded anew: EXIF orientation
 * is applied to the pixels, then nothing of the original's metadata is written back (sharp keeps
 * none unless asked: no EXIF, GPS, XMP, IPTC, ICC, maker notes). The original stays in memory only.
 */
import type { CleanedImage, CleanError, ImageCleaner } from '../../src/photos/ports.js';
import type { ImageFormat } from '../../src/photos/sniff.js';
import { err, ok, type Result } from '../../src/shared/result.js';
import type { Logger } from '../logger.js';

export const WEB_SIDE = 2048;
export const THUMB_SIDE = 400;
/** A decompression bomb stops here; phone cameras stay well below (50 MP sensors bin to 12 MP). */
export const MAX_PIXELS = 100_000_000;

/** sharp (libvips, tens of MB) is loaded with the first photo, not at start. */
const loadSharp = async () => (await import('sharp')).default;

/**
 * What this build of libvips decodes. JPEG, PNG and WebP always. AVIF when its AV1 decoder is in,
 * checked by a round trip. HEIC needs an HEVC codec that the prebuilt sharp binaries leave out for
 * patent reasons: it counts as readable only when HEVC encoding works (a build with x265 carries a
 * decoder as well), which on the prebuilt binaries it does not.
 */
export async function readableFormats(): Promise<Set<ImageFormat>> {
  const formats = new Set<ImageFormat>(['jpeg', 'png', 'webp']);
  const sharp = await loadSharp();
  const tiny = () => sharp({ create: { width: 8, height: 8, channels: 3, background: '#808080' } });
  try {
    await sharp(await tiny().heif({ compression: 'av1' }).toBuffer())
      .raw()
      .toBuffer();
    formats.add('avif');
  } catch {
    // No AV1 in this build.
  }
  try {
    await sharp(await tiny().heif({ compression: 'hevc' }).toBuffer())
      .raw()
      .toBuffer();
    formats.add('heic');
  } catch {
    // No HEVC in this build: HEIC photos are refused with a message asking for JPEG.
  }
  return formats;
}

/** APP1 (EXIF, XMP), APP2 (ICC, FlashPix), APP13 (IPTC, Photoshop) … any APPn or COM in a JPEG's header. */
export function jpegMetadataMarkers(bytes: Buffer): number[] {
  const found: number[] = [];
  let i = 2;
  while (i + 4 <= bytes.length && bytes[i] === 0xff) {
    const marker = bytes[i + 1] ?? 0;
    if (marker === 0xda) break; // start of scan: only pixels follow
    if ((marker >= 0xe0 && marker <= 0xef) || marker === 0xfe) found.push(marker);
    i += 2 + bytes.readUInt16BE(i + 2);
  }
  return found;
}

function errorCode(error: unknown): CleanError['code'] {
  return /pixel limit/i.test(String(error)) ? 'photo.too_many_pixels' : 'photo.unreadable';
}

export class SharpCleaner implements ImageCleaner {
  private formats: Promise<Set<ImageFormat>> | undefined;

  constructor(private readonly logger?: Logger) {}

  /** Probed once, on first use. */
  async canRead(format: ImageFormat): Promise<boolean> {
    this.formats ??= readableFormats();
    return (await this.formats).has(format);
  }

  async clean(bytes: Buffer): Promise<Result<CleanedImage, CleanError>> {
    const started = performance.now();
    const sharp = await loadSharp();
    try {
      const web = await sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: 'error' })
        .rotate()
        .resize({ width: WEB_SIDE, height: WEB_SIDE, fit: 'inside', withoutEnlargement: true })
        .flatten({ background: '#ffffff' })
        .jpeg({ quality: 82, mozjpeg: true })
        .toBuffer({ resolveWithObject: true });
      // The thumbnail is made from the clean web version: the original is not decoded twice.
      const thumb = await sharp(web.data)
        .resize({ width: THUMB_SIDE, height: THUMB_SIDE, fit: 'inside', withoutEnlargement: true })
        .jpeg({ quality: 75, mozjpeg: true })
        .toBuffer({ resolveWithObject: true });
      if (jpegMetadataMarkers(web.data).length > 0 || jpegMetadataMarkers(thumb.data).length > 0) {
        throw new Error('metadata left in a cleaned photo'); // a bug in this code or in sharp: never store it
      }
      this.logger?.debug(
        { component: 'photos', ms: Math.round(performance.now() - started), inBytes: bytes.length, webBytes: web.data.length, thumbBytes: thumb.data.length },
        'photo cleaned',
      );
      return ok({
        web: { bytes: web.data, width: web.info.width, height: web.info.height },
        thumb: { bytes: thumb.data, width: thumb.info.width, height: thumb.info.height },
      });
    } catch (error) {
      if (error instanceof Error && error.message === 'metadata left in a cleaned photo') throw error;
      return err({ code: errorCode(error) });
    }
  }
}
