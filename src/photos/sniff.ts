/**
 * What a file really is, from its first bytes (magic numbers), never from its name or the type the
 * platform announced: a renamed program or a text file called `photo.jpg` is recognised as such.
 */

/** Formats we turn into photos (when the image library can read them). */
export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'heic' | 'avif';

/** Everything else we can name, to tell the person what they sent. */
export type OtherFormat = 'gif' | 'tiff' | 'pdf' | 'executable' | 'archive' | 'html' | 'text' | 'video' | 'unknown';

export type SniffedFormat = ImageFormat | OtherFormat;

export const IMAGE_FORMATS: readonly ImageFormat[] = ['jpeg', 'png', 'webp', 'heic', 'avif'];

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => sig.every((v, i) => b[at + i] === v);
const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs']);
const AVIF_BRANDS = new Set(['avif', 'avis']);
const VIDEO_BRANDS = new Set(['isom', 'iso2', 'mp41', 'mp42', 'qt  ', 'M4V ', '3gp4', '3gp5', 'avc1', 'dash']);

/** ISO base media (`ftyp` box): HEIC and AVIF photos, or a video. */
function isoBrand(b: Uint8Array): SniffedFormat | null {
  if (b.length < 16 || ascii(b, 4, 8) !== 'ftyp') return null;
  const size = Math.min(((b[0] ?? 0) << 24) | ((b[1] ?? 0) << 16) | ((b[2] ?? 0) << 8) | (b[3] ?? 0), b.length, 256);
  const brands = [ascii(b, 8, 12)];
  for (let i = 16; i + 4 <= size; i += 4) brands.push(ascii(b, i, i + 4));
  if (brands.some((x) => AVIF_BRANDS.has(x))) return 'avif';
  if (brands.some((x) => HEIC_BRANDS.has(x))) return 'heic';
  if (brands.includes('mif1') || brands.includes('msf1')) return 'heic';
  if (brands.some((x) => VIDEO_BRANDS.has(x))) return 'video';
  return 'unknown';
}

function isMostlyText(b: Uint8Array): boolean {
  const sample = b.subarray(0, 512);
  if (sample.length === 0) return false;
  let printable = 0;
  for (const v of sample) if (v === 9 || v === 10 || v === 13 || (v >= 32 && v < 127) || v >= 128) printable += 1;
  return printable / sample.length > 0.95 && !sample.includes(0);
}

/** The format the bytes say, `unknown` when they say nothing we know. */
export function sniff(b: Uint8Array): SniffedFormat {
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return 'webp';
  const iso = isoBrand(b);
  if (iso) return iso;
  if (ascii(b, 0, 4) === 'GIF8') return 'gif';
  if (startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (ascii(b, 0, 5) === '%PDF-') return 'pdf';
  // ELF, Windows PE (MZ), Mach-O (both byte orders, 32/64 bit, fat), shell scripts.
  if (startsWith(b, [0x7f, 0x45, 0x4c, 0x46]) || ascii(b, 0, 2) === 'MZ' || ascii(b, 0, 2) === '#!') return 'executable';
  if ([0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe, 0xcafebabe].some((m) => startsWith(b, [m >>> 24, (m >>> 16) & 255, (m >>> 8) & 255, m & 255]))) {
    return 'executable';
  }
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x1f, 0x8b]) || ascii(b, 0, 4) === 'Rar!' || startsWith(b, [0x37, 0x7a, 0xbc, 0xaf])) {
    return 'archive';
  }
  const head = ascii(b, 0, Math.min(b.length, 256)).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<head') || head.startsWith('<body')) return 'html';
  if (isMostlyText(b)) return 'text';
  return 'unknown';
}

export function isImageFormat(format: SniffedFormat): format is ImageFormat {
  return (IMAGE_FORMATS as readonly string[]).includes(format);
}
