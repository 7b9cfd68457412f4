import { join } from 'node:path';
import { Kysely, Migrator, PostgresDialect, sql, type MigrationResultSet } from 'kysely';
import pg from 'pg';
import { postgresListener, type ListenFn } from './listen.js';
import { openEmbedded } from './pglite.js';
import { preparing } from './prepared.js';
import { migrations } from './migrations/index.js';
import type { Database } from './schema.js';

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: 'postgres' | 'pglite';
  /** The schema the tables live in, when not the default. */
  schema?: string | undefined;
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  /** Calls `onNotify` on every NOTIFY on `channel` (see db/listen.ts). */
  listen: ListenFn;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** A Postgres connection string; without it the embedded PGlite under `dataDir` is used. */
  url?: string | undefined;
  dataDir: string;
  /** Postgres only: put every table in this schema (tests isolate themselves this way). */
  schema?: string | undefined;
  /** PGlite only: keep the database in memory. */
  inMemory?: boolean;
  /** PGlite in memory only: start from this dumped data directory (`dumpDataDir`) instead of an empty one. */
  snapshot?: Blob | undefined;
  poolSize?: number;
}

const INT8 = 20;
const DATE = 1082;

/** int8 → number, refusing anything a JS number cannot hold exactly; date → `YYYY-MM-DD` as stored. */
function parseInt8(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`int8 value out of safe range: ${value}`);
  return n;
}

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  return options.url ? openPostgres(options) : openPglite(options);
}

async function openPostgres(options: OpenOptions): Promise<DatabaseHandle> {
  const types = {
    getTypeParser: (oid: number, format?: 'text' | 'binary') => {
      if (oid === INT8) return parseInt8;
      if (oid === DATE) return (v: string) => v;
      return pg.types.getTypeParser(oid, format);
    },
  };
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    types: types as pg.CustomTypesConfig,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // An idle client losing its server must not take the process down; the next query reconnects.
  pool.on('error', () => undefined);
  pool.on('connect', preparing);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const listener = postgresListener(options.url);
  return {
    db,
    kind: 'postgres',
    schema: options.schema,
    ping: () => ping(db),
    listen: listener.listen,
    close: async () => {
      await listener.close();
      await db.destroy();
    },
  };
}

async function openPglite(options: OpenOptions): Promise<DatabaseHandle> {
  const { PGliteDialect } = await import('kysely-pglite-dialect');
  const dataDir = options.inMemory ? undefined : join(options.dataDir, 'pglite');
  const client = await openEmbedded(dataDir, { [INT8]: parseInt8, [DATE]: (v: string) => v }, options.snapshot);
  const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
  return {
    db,
    kind: 'pglite',
    ping: () => ping(db),
    // In one process: PGlite calls back on NOTIFY itself.
    listen: async (channel, onNotify) => {
      const stop = await client.listen(channel, onNotify);
      return () => stop();
    },
    close: () => db.destroy(),
  };
}

/** A health probe must answer quickly even when the database hangs: past 2 s it counts as down. */
async function ping(db: Kysely<Database>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(resolve, 2000, false);
  });
  const query = sql`select 1`.execute(db).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Applies every pending migration; throws with the failing migration's name when one fails. */
export async function migrateToLatest(handle: Pick<DatabaseHandle, 'db' | 'schema'>): Promise<MigrationResultSet> {
  const result = await migratorFor(handle).migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${String(result.error)}`, { cause: result.error });
  }
  return result;
}

export function migratorFor(handle: Pick<DatabaseHandle, 'db' | 'schema'>): Migrator {
  return new Migrator({
    db: handle.db,
    provider: { getMigrations: async () => migrations },
    // Without a schema, Kysely would find another schema's migration table and skip creating ours.
    ...(handle.schema ? { migrationTableSchema: handle.schema } : {}),
  });
}
