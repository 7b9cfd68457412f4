import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratorFor } from '../../db/connect.js';
import { migrations } from '../../db/migrations/index.js';
import { testDatabase, type TestDatabase } from '../support/db.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await testDatabase({ migrate: false });
});
afterAll(async () => db?.drop());

async function tables(): Promise<string[]> {
  const schema = db.schema ?? 'public';
  const rows = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = ${schema} and table_name not like 'kysely_%' order by table_name`.execute(db.db);
  return rows.rows.map((r) => r.table_name);
}

describe(`migrations (${process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('go up, all the way down, and up again to the same tables', async () => {
    const migrator = migratorFor(db);
    const up = await migrator.migrateToLatest();
    expect(up.error).toBeUndefined();
    expect(up.results?.map((r) => r.migrationName)).toEqual(Object.keys(migrations));
    const first = await tables();
    expect(first).toEqual(expect.arrayContaining(['campaigns', 'pledges', 'people', 'identities', 'admins', 'campaign_totals', 'campaign_goal_changes']));

    for (let i = 0; i < Object.keys(migrations).length; i++) {
      const down = await migrator.migrateDown();
      expect(down.error).toBeUndefined();
    }
    expect(await tables()).toEqual([]);

    const again = await migrator.migrateToLatest();
    expect(again.error).toBeUndefined();
    expect(await tables()).toEqual(first);
  });
});
