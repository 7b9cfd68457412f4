/**
 * The embedded database (PGlite: Postgres compiled to WebAssembly, in this process), kept light:
 * - Postgres' own 128 MB of shared buffers would live in the WebAssembly heap; files are read
 *   through the operating system's cache anyway, so a few MB of buffers are enough here.
 * - V8 compiles WebAssembly with its baseline compiler (Liftoff), then recompiles the hot functions
 *   with its optimising one (TurboFan). On Postgres that second compile leaves some 60 MB of native
 *   memory with the process for good, and saves only a few per cent of CPU per statement: the
 *   embedded database therefore runs on Liftoff's code alone.
 * - Creating the data directory (initdb) grows the heap to several hundred MB that the process never
 *   gives back; it therefore runs once in a short-lived child process, and this one only opens it.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import type { PGlite as PGliteClass } from '@electric-sql/pglite';

const TUNING = ['-c', 'shared_buffers=16MB', '-c', 'work_mem=4MB', '-c', 'maintenance_work_mem=16MB'];

/** Creates the data directory in a child process when it does not exist yet. */
async function initializeApart(dataDir: string): Promise<void> {
  if (existsSync(join(dataDir, 'PG_VERSION'))) return;
  mkdirSync(dataDir, { recursive: true });
  const entry = pathToFileURL(createRequire(import.meta.url).resolve('@electric-sql/pglite')).href;
  const code = `const { PGlite } = await import(${JSON.stringify(entry)});
const db = await PGlite.create({ dataDir: process.env.PGLITE_DIR });
await db.close();`;
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', code], {
      env: { ...process.env, PGLITE_DIR: dataDir },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.once('error', reject);
    child.once('exit', (status) => (status === 0 ? resolve() : reject(new Error(`creating the embedded database in ${dataDir} failed (${status})`))));
  });
}

export async function openEmbedded(dataDir: string | undefined, parsers: Record<number, (v: string) => unknown>, snapshot?: Blob): Promise<PGliteClass> {
  // Set before PGlite compiles its WebAssembly: the flag counts for modules compiled after it.
  setFlagsFromString('--liftoff-only');
  const { PGlite } = await import('@electric-sql/pglite');
  if (dataDir) await initializeApart(dataDir);
  // One options object: PGlite ignores the second argument when the first (the data dir) is undefined.
  return PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(snapshot && !dataDir ? { loadDataDir: snapshot } : {}),
    parsers,
    startParams: [...PGlite.defaultStartParams, ...TUNING],
  });
}
