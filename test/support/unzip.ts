import { unzipSync } from 'fflate';

/** Reads a zip into name → bytes, with the same library that writes the Teams package. */
export function unzip(bytes: Buffer): Map<string, Buffer> {
  return new Map(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, Buffer.from(data)]));
}
