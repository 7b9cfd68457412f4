/**
 * `npm run bench`: every benchmark in this folder, one after the other (each prints its own table).
 * Needs a Postgres server: BENCH_DATABASE_URL or TEST_DATABASE_URL, else the local default.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && !['index.ts', 'support.ts'].includes(f) && !f.startsWith('_'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();

for (const file of files) {
  console.log(`\n=== ${file.replace(/\.ts$/, '')}`);
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { default?: () => Promise<void> };
  if (typeof mod.default !== 'function') throw new Error(`${file} has no default export to run`);
  await mod.default();
}
