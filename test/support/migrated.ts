/**
 * The migrations run once per test run, in the global setup; each test file then starts from a copy
 * (test/support/db.ts): on Postgres a database created from a migrated template, on PGlite the
 * migrated data directory dumped as a tarball and loaded into each file's in-memory database.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

async function admin(url: string, query: string): Promise<void> {
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
  await admin(url, `drop database if exists ${name} with (force)`);
  await admin(url, `create database ${name}`);
  const handle = await openDatabase({ url: databaseUrl(url, name), dataDir: '', poolSize: 1 });
  try {
    await migrateToLatest(handle);
  } finally {
    await handle.close();
  }
  return { name, drop: () => admin(url, `drop database if exists ${name} with (force)`) };
}

/** Migrates an in-memory PGlite and dumps its data directory to a temporary file. */
export async function migratedSnapshot(): Promise<{ path: string; drop(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'caravane-pglite-'));
  const client = await openEmbedded(undefined, {});
  const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
  try {
    await migrateToLatest({ db });
    const dump = await client.dumpDataDir('none');
    const path = join(dir, 'migrated.tar');
    writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
    return { path, drop: () => rmSync(dir, { recursive: true, force: true }) };
  } finally {
    await db.destroy();
  }
}
