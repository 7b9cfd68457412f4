import { migrateToLatest, openDatabase } from '../db/connect.js';
import { createStores } from '../db/stores.js';
import { scratchDatabase, localDay } from './support.js';
import { minor } from '../src/shared/money.js';
import { sql } from 'kysely';
import pg from 'pg';
const database = await scratchDatabase('caravane_lat');
const handle = await openDatabase({ url: database.url, dataDir: '' });
const pool = new pg.Pool({ connectionString: database.url, max: 1 });
try {
  await migrateToLatest(handle);
  await sql`create table reference_pledges (id bigserial primary key, user_id text not null, amount_text text not null, created_at timestamptz not null default now())`.execute(handle.db);
  const stores = createStores(handle.db);
  const c = await stores.campaigns.create({ name: 'B', currency: 'MAD', goalMinor: minor(1e12), startsOn: localDay(-1), endsOn: localDay(1) });
  const med = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!.toFixed(2);
  for (let round = 0; round < 2; round++) {
    const ref: number[] = [], as: number[] = [], known: number[] = [];
    for (let i = 0; i < 300; i++) {
      let t = performance.now();
      await pool.query('insert into reference_pledges (user_id, amount_text) values ($1, $2)', ['U' + i, '125,50']);
      ref.push(performance.now() - t);
      t = performance.now();
      const r = await stores.pledges.recordAs({ platform: 'slack', tenantId: 'T', userId: `N${round}-${i}` }, { campaignId: c.id, amountMinor: minor(12550), anonymous: false, note: null, source: 'slack', idempotencyKey: `k${round}-${i}` });
      as.push(performance.now() - t);
      t = performance.now();
      await stores.pledges.record({ personId: r.person.id, campaignId: c.id, amountMinor: minor(12550), anonymous: false, note: null, source: 'slack', idempotencyKey: `j${round}-${i}` });
      known.push(performance.now() - t);
    }
    console.log(`round ${round}: ref insert p50 ${med(ref)} ms, first pledge (recordAs) ${med(as)} ms, known person (record) ${med(known)} ms`);
  }
} finally {
  await pool.end();
  await handle.close();
  await database.drop();
}
