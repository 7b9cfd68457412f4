/**
 * Photo files on the local disk, under DATA_DIR/photos by default. Keys come from the core
 * (`<uuid>/web.jpg`); anything that could leave the folder is refused. Files are written to a
 * temporary name and renamed, so a reader never sees half a photo; only the bot's user may read them.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { PhotoStorage } from '../../src/photos/ports.js';

const KEY = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}(\/[A-Za-z0-9][A-Za-z0-9_.-]{0,99}){0,3}$/;

export class LocalPhotoStorage implements PhotoStorage {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  /** The file behind a key; throws on a key that is not one of ours (a bug, never user input). */
  private path(key: string): string {
    if (!KEY.test(key) || key.includes('..')) throw new Error('invalid photo storage key');
    const full = resolve(join(this.root, key));
    if (!full.startsWith(this.root + sep)) throw new Error('invalid photo storage key');
    return full;
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const full = this.path(key);
    await mkdir(dirname(full), { recursive: true, mode: 0o700 });
    const temp = `${full}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(temp, bytes, { mode: 0o600 });
    await rename(temp, full);
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.path(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    const full = this.path(key);
    await rm(full, { force: true });
    // The folder of a photo holds only its versions: remove it once empty.
    await rmdir(dirname(full)).catch(() => undefined);
  }
}
