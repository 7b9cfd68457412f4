import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect.js';
import type { CoreServices } from '../../adapters/main.js';
import { ManualClock } from '../../src/shared/clock.js';
import { signUp } from '../../src/volunteers/signups.service.js';
import { secondHandle, testDatabase, type TestDatabase } from '../support/db.js';
import { campaign, coreDeps, person, trip } from '../support/volunteers.js';

let db: TestDatabase;
let other: DatabaseHandle;
let a: CoreServices;
let b: CoreServices;
const clock = new ManualClock(new Date('2026-11-27T11:00:00Z'));

beforeAll(async () => {
  db = await testDatabase({ poolSize: 25 });
  other = await secondHandle(db);
  a = coreDeps(db, clock);
  b = coreDeps(other, clock);
  await campaign(a);
});
afterAll(async () => {
  if (other && other !== db) await other.close();
  await db?.drop();
});

// In CI this runs on real Postgres (TEST_DATABASE_URL is always set there): two pools, as two bot
// instances would have, racing for the trip's row lock. On PGlite the sign-ups queue on its one
// connection, and the same guarantees are still checked.
describe(`50 concurrent sign-ups for 5 seats on ${process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite'}`, () => {
  it('confirms exactly 5 and waitlists 45 with places 1 to 45, whatever the interleaving', async () => {
    const t = await trip(a, { name: 'Cinq places', seats: 5 });
    const people = await Promise.all(Array.from({ length: 50 }, (_, i) => person(a, `URACE${i}`)));
    const started = performance.now();
    const results = await Promise.all(
      people.map((p, i) =>
        signUp(
          i % 2 === 0 ? a : b,
          p.id,
          {
            tripId: t.id,
            roleKey: null,
            phone: `+2126123456${String(i).padStart(2, '0')}`,
            emergencyName: 'Fatima',
            emergencyPhone: '+212711223344',
            notes: null,
          },
          'slack',
          `race:${i}`,
        ),
      ),
    );
    const elapsedMs = Math.round(performance.now() - started);
    console.log(`50 concurrent sign-ups for 5 seats: ${elapsedMs} ms on ${db.kind}`);
    const outcomes = results.map((r) => {
      if (!r.ok) throw new Error(r.error);
      return r.value;
    });
    expect(outcomes.filter((o) => o.signup.status === 'confirmed')).toHaveLength(5);
    const positions = outcomes.filter((o) => o.signup.status === 'waitlisted').map((o) => o.position ?? 0);
    expect(positions.sort((x, y) => x - y)).toEqual(Array.from({ length: 45 }, (_, i) => i + 1));
    const stored = await a.volunteers.trips.get(t.id);
    expect(stored).toMatchObject({ seats: 5, confirmed: 5, waitlisted: 45 });
    const rows = await db.db.selectFrom('signups').select(['status']).where('trip_id', '=', t.id).execute();
    expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(5);
    expect(rows).toHaveLength(50);
  });
});
