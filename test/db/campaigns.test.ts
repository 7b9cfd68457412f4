import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'kysely';
import pg from 'pg';
import { campaignStore } from '../../db/repositories/campaigns.js';
import { minor } from '../../src/shared/money.js';
import { testDatabase, type TestDatabase } from '../support/db.js';

let db: TestDatabase;

beforeAll(async () => {
  db = await testDatabase();
});
afterAll(async () => db?.drop());

const TODAY = '2026-11-27';

/** Settles with the answer, or with 'waited' when it takes longer than `ms`. */
function within<T>(answer: Promise<T>, ms: number): Promise<T | 'waited'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'waited'>((resolve) => (timer = setTimeout(resolve, ms, 'waited')));
  return Promise.race([answer, late]).finally(() => clearTimeout(timer));
}

describe(`the current campaign an instance keeps, on ${process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite'}`, () => {
  it('is asked for again before it expires, so a command never waits behind the database for it', async () => {
    let now = 1_000_000;
    const store = campaignStore(db.db, () => now);
    const created = await store.create({ name: 'Caravane 2026', currency: 'MAD', goalMinor: minor(15_000_000), startsOn: '2026-11-15', endsOn: '2026-12-15' });
    expect((await store.current(TODAY))?.id).toBe(created.id);

    // HR renames it on another instance: this one keeps its answer for a while…
    await sql`update campaigns set name = 'Caravane de solidarité 2026' where id = ${created.id}`.execute(db.db);
    now += 1_000;
    expect((await store.current(TODAY))?.name).toBe('Caravane 2026');
    // …and a little before that answer expires, a command still gets it at once while the database is
    // asked again behind it; the new name shows before the old answer's five seconds are over.
    now += 3_500;
    expect((await store.current(TODAY))?.name).toBe('Caravane 2026');
    await vi.waitFor(async () => expect((await store.current(TODAY))?.name).toBe('Caravane de solidarité 2026'), { timeout: 3000 });

    if (db.kind !== 'postgres' || !db.url) return; // one embedded database has one connection: nothing to hold it
    // Past the first answer's five seconds, with the campaigns held by another session (as a busy pool
    // would make the question wait): the command is answered from the refreshed answer, not held.
    const other = new pg.Client({ connectionString: db.url });
    await other.connect();
    try {
      await other.query('begin');
      await other.query('lock table campaigns in access exclusive mode');
      now += 1_500;
      const answer = await within(store.current(TODAY), 2_000);
      expect(answer === 'waited' ? answer : answer?.name).toBe('Caravane de solidarité 2026');
    } finally {
      await other.query('rollback');
      await other.end();
    }
  });
});
