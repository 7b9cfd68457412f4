/**
 * The migrations run once per test run, in the global setup; each test file then starts from a copy
 * (test/support/db.ts): on Postgres a database created from a migrated template, on PGlite the
 * migrated data directory dumped as a tarball and loaded into each file's in-memory database.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { migrateToLatest, openDatabase } from '../../db/connect.js';
import { openEmbedded } from '../../db/pglite.js';
import type { Database } from '../../db/schema.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of the migrated PGlite data directory (a tarball); empty on Postgres. */
    pgliteSnapshot: string;
    /** Name of the migrated template database on Postgres; empty on PGlite. */
    postgresTemplate: string;
  }
}

/** `url` pointing at database `name` on the same server. */
export function databaseUrl(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** One statement as the server's administrator (create or drop a database), on its own connection. */
export async function adminQuery(url: string, query: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}

/** Creates and migrates a template database; returns its name and how to drop it. */
export async function migratedTemplate(url: string): Promise<{ name: string; drop(): Promise<void> }> {
  const name = `caravane_template_${process.pid}`;
  await adminQuery(url, `drop database if exists ${name} with (force)`);
  await adminQuery(url, `create database ${name}`);
  const handle = await openDatabase({ url: databaseUrl(url, name), dataDir: '', poolSize: 1 });
  try {
    await migrateToLatest(handle);
  } finally {
    await handle.close();
  }
  return { name, drop: () => adminQuery(url, `drop database if exists ${name} with (force)`) };
}

/** Where migrated PGlite snapshots are kept between runs, one per version of the migrations. */
const CACHE = join(process.cwd(), 'node_modules', '.cache', 'caravane-tests');

/** Changes whenever a migration or the PGlite version does: a stale snapshot is never loaded. */
function snapshotName(): string {
  const hash = createHash('sha256');
  const folder = join(process.cwd(), 'db', 'migrations');
  for (const file of readdirSync(folder).sort()) hash.update(file).update(readFileSync(join(folder, file)));
  hash.update(readFileSync(join(process.cwd(), 'node_modules', '@electric-sql', 'pglite', 'package.json')));
  return `pglite-${hash.digest('hex').slice(0, 16)}.tar`;
}

/**
 * The migrated PGlite data directory as a tarball: made once (an in-memory PGlite migrated, then
 * dumped) and kept under node_modules/.cache until the migrations change.
 */
export async function migratedSnapshot(): Promise<string> {
  const name = snapshotName();
  const path = join(CACHE, name);
  if (existsSync(path)) return path;
  mkdirSync(CACHE, { recursive: true });
  const client = await openEmbedded(undefined, {});
  const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
  try {
    await migrateToLatest({ db });
    const dump = await client.dumpDataDir('none');
    // Written aside then renamed: a run starting meanwhile never reads half a file.
    const partial = `${path}.${process.pid}`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, path);
    for (const old of readdirSync(CACHE)) if (old.startsWith('pglite-') && old.endsWith('.tar') && old !== name) rmSync(join(CACHE, old), { force: true });
    return path;
  } finally {
    await db.destroy();
  }
}
