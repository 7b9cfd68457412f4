/**
 * Test images made at test time with sharp: a phone-like JPEG carrying GPS coordinates (EXIF), an
 * XMP packet, an IPTC caption (APP13) and a "turn me" orientation; PNG and WebP; and files that only
 * pretend to be photos (text, ELF and Windows programs named `.jpg`).
 */
import sharp from 'sharp';

/** What the village's position looks like in the metadata, so a test can look for it in the bytes. */
export const SECRET_PLACE = 'Anergui-Village-Secret';
export const GPS_LATITUDE = '31/1 52/1 1234/100';

function iptcApp13(caption: string): Buffer {
  // IPTC-IIM record 2, dataset 120 (caption), inside a Photoshop 3.0 image resource block (8BIM 0x0404).
  const text = Buffer.from(caption, 'utf8');
  const iptc = Buffer.concat([Buffer.from([0x1c, 0x02, 0x78, text.length >> 8, text.length & 0xff]), text]);
  const padded = iptc.length % 2 === 0 ? iptc : Buffer.concat([iptc, Buffer.from([0])]);
  const resource = Buffer.concat([Buffer.from('8BIM'), Buffer.from([0x04, 0x04, 0, 0]), Buffer.alloc(4), padded]);
  resource.writeUInt32BE(iptc.length, 8);
  const payload = Buffer.concat([Buffer.from('Photoshop 3.0\0', 'latin1'), resource]);
  const header = Buffer.from([0xff, 0xed, 0, 0]);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([header, payload]);
}

/**
 * A 1200×800 JPEG as a phone writes it: EXIF with GPS (IFD3), camera make, a copyright naming the
 * village, orientation 6 (the pixels must be turned 90° to stand upright), XMP and IPTC.
 */
export async function phoneJpeg(width = 1200, height = 800): Promise<Buffer> {
  const base = await sharp({ create: { width, height, channels: 3, background: { r: 200, g: 60, b: 40 } } })
    .composite([{ input: { create: { width: Math.round(width / 4), height: Math.round(height / 4), channels: 3, background: '#1050c0' } }, top: 0, left: 0 }])
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: 'CaravanePhone', Model: 'Test 1', Copyright: SECRET_PLACE },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: GPS_LATITUDE, GPSLongitudeRef: 'W', GPSLongitude: '5/1 37/1 4321/100' },
    })
    .withXmp(
      `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" photoshop:City="${SECRET_PLACE}"/></rdf:RDF></x:xmpmeta>`,
    )
    .toBuffer();
  // IPTC goes right after the start-of-image marker, as cameras and editors put it.
  return Buffer.concat([base.subarray(0, 2), iptcApp13(`${SECRET_PLACE} children`), base.subarray(2)]);
}

export async function pngImage(width = 300, height = 200): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: { r: 10, g: 160, b: 90, alpha: 0.5 } } })
    .png()
    .withExif({ IFD0: { Copyright: SECRET_PLACE } })
    .toBuffer();
}

export async function webpImage(width = 3000, height = 1000): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#335577' } })
    .webp()
    .toBuffer();
}

export const textAsJpg = () => Buffer.from('Bonjour, ceci est un fichier texte renommé en photo.jpg\n'.repeat(20), 'utf8');

/** An ELF executable header followed by padding: what a Linux program renamed `.jpg` starts with. */
export const elfAsJpg = () => Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(512, 0x90)]);

/** A Windows program (MZ … PE) renamed `.jpg`. */
export function peAsJpg(): Buffer {
  const b = Buffer.alloc(1024, 0);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'latin1');
  return b;
}

/** Every metadata trace a test looks for in an image's bytes. Empty means clean. */
export function metadataTraces(bytes: Buffer): string[] {
  const found: string[] = [];
  for (const needle of ['Exif', 'GPS', 'http://ns.adobe.com/xap', 'xmpmeta', 'Photoshop 3.0', '8BIM', 'ICC_PROFILE', SECRET_PLACE, 'CaravanePhone']) {
    if (bytes.includes(Buffer.from(needle, 'latin1'))) found.push(needle);
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    // Walk the JPEG header: any APPn (EXIF/XMP = APP1, ICC = APP2, IPTC = APP13) or comment segment.
    let i = 2;
    while (i + 4 <= bytes.length && bytes[i] === 0xff && bytes[i + 1] !== 0xda) {
      const marker = bytes[i + 1] ?? 0;
      const length = bytes.readUInt16BE(i + 2);
      if ((marker >= 0xe0 && marker <= 0xef) || marker === 0xfe) found.push(`APP${marker === 0xfe ? 'COM' : marker - 0xe0}`);
      // The GPS IFD pointer (tag 0x8825), in either byte order, inside an EXIF segment.
      const segment = bytes.subarray(i + 4, i + 2 + length);
      if (marker === 0xe1 && (segment.includes(Buffer.from([0x88, 0x25])) || segment.includes(Buffer.from([0x25, 0x88])))) found.push('GPS-IFD');
      i += 2 + length;
    }
  }
  return found;
}
