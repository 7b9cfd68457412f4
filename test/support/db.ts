import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../db/connect.js';
import { adminQuery, databaseUrl } from './migrated.js';

export interface TestDatabase extends DatabaseHandle {
  /** 'postgres' with TEST_DATABASE_URL (always in CI), 'pglite' otherwise. */
  kind: 'postgres' | 'pglite';
  url: string | undefined;
  drop(): Promise<void>;
}

/** The migrated PGlite data directory dumped by the global setup, read once per test file. */
let snapshot: Blob | undefined;

function migratedSnapshot(): Blob | undefined {
  const path = inject('pgliteSnapshot');
  if (!path) return undefined;
  snapshot ??= new Blob([readFileSync(path)]);
  return snapshot;
}

/**
 * A fresh, migrated database for one test file: on the real Postgres named by TEST_DATABASE_URL, a
 * database of its own copied from the template the global setup migrated once; otherwise an
 * in-memory PGlite loaded from the migrated data directory the global setup dumped once.
 * `migrate: false` gives an empty database instead.
 */
export async function testDatabase(options: { migrate?: boolean; poolSize?: number } = {}): Promise<TestDatabase> {
  const url = process.env.TEST_DATABASE_URL;
  const migrated = options.migrate !== false;
  if (!url) {
    const copy = migrated ? migratedSnapshot() : undefined;
    const handle = await openDatabase({ dataDir: '', inMemory: true, snapshot: copy });
    if (migrated && !copy) await migrateToLatest(handle);
    return { ...handle, kind: 'pglite', url: undefined, drop: () => handle.close() };
  }
  const template = migrated ? inject('postgresTemplate') : undefined;
  const name = `t_${randomBytes(6).toString('hex')}`;
  await adminQuery(url, template ? `create database ${name} template ${template}` : `create database ${name}`);
  const own = databaseUrl(url, name);
  const handle = await openDatabase({ url: own, dataDir: '', poolSize: options.poolSize ?? 10 });
  if (migrated && !template) await migrateToLatest(handle);
  return {
    ...handle,
    kind: 'postgres',
    url: own,
    drop: async () => {
      await handle.close();
      await adminQuery(url, `drop database if exists ${name} with (force)`);
    },
  };
}

/** Opens a second handle on the same database (a second bot instance), for multi-instance tests. */
export async function secondHandle(db: TestDatabase): Promise<DatabaseHandle> {
  if (db.kind === 'pglite') return db; // one embedded database cannot be opened twice
  return openDatabase({ url: db.url, dataDir: '', schema: db.schema });
}
