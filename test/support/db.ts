import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../db/connect.js';

export interface TestDatabase extends DatabaseHandle {
  /** 'postgres' with TEST_DATABASE_URL (always in CI), 'pglite' otherwise. */
  kind: 'postgres' | 'pglite';
  url: string | undefined;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file: its own schema on the real Postgres named by
 * TEST_DATABASE_URL, or an in-memory PGlite when none is given.
 */
export async function testDatabase(options: { migrate?: boolean; poolSize?: number } = {}): Promise<TestDatabase> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const handle = await openDatabase({ dataDir: '', inMemory: true });
    if (options.migrate !== false) await migrateToLatest(handle);
    return { ...handle, kind: 'pglite', url: undefined, drop: () => handle.close() };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const handle = await openDatabase({ url, dataDir: '', schema, poolSize: options.poolSize ?? 10 });
  if (options.migrate !== false) await migrateToLatest(handle);
  return {
    ...handle,
    kind: 'postgres',
    url,
    drop: async () => {
      await handle.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    },
  };
}

/** Opens a second handle on the same database (a second bot instance), for multi-instance tests. */
export async function secondHandle(db: TestDatabase): Promise<DatabaseHandle> {
  if (db.kind === 'pglite') return db; // one embedded database cannot be opened twice
  return openDatabase({ url: db.url, dataDir: '', schema: db.schema });
}
