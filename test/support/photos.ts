/** Helpers for photo tests: a temporary DATA_DIR, what is on disk, and links signed the bot's way. */
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bot } from '../../adapters/main.js';
import { signingKeys } from '../../db/repositories/secrets.js';
import { signPath } from '../../src/shared/signed-links.js';

export const tempDataDir = () => mkdtemp(join(tmpdir(), 'caravane-data-'));

/** Every file under DATA_DIR/photos, with its bytes. */
export async function storedPhotos(dataDir: string): Promise<Array<{ path: string; bytes: Buffer }>> {
  const root = join(dataDir, 'photos');
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = entries.filter((e) => e.isFile());
  return Promise.all(files.map(async (e) => ({ path: join(e.parentPath, e.name), bytes: await readFile(join(e.parentPath, e.name)) })));
}

/** A link as the bot would sign it (valid-looking for any path), relative to the bot's URL. */
export async function signedLink(bot: Bot, path: string, expiresAt: Date): Promise<string> {
  return `${path}?${signPath(await signingKeys(bot.database.db)('photo-links'), path, expiresAt)}`;
}

/** The path and query of an absolute link the bot gave out (PUBLIC_URL is not the test server's address). */
export const pathOf = (link: string) => {
  const u = new URL(link);
  return `${u.pathname}${u.search}`;
};

export async function until(check: () => boolean | Promise<boolean>, what: string, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
