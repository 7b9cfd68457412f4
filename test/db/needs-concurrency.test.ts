import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect.js';
import type { CoreServices } from '../../adapters/main.js';
import { plainText } from '../../src/chat/text.js';
import { give } from '../../src/needs/give.service.js';
import { ManualClock } from '../../src/shared/clock.js';
import { secondHandle, testDatabase, type TestDatabase } from '../support/db.js';
import { need, site } from '../support/needs.js';
import { campaign, coreDeps, person } from '../support/volunteers.js';

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
  await a.messaging.channels.add({ destination: { platform: 'slack', channelId: 'C0CARAVANE' }, kind: 'channel', addedBy: 'slack:UHR' });
  await site(a, 'Imzer');
  await site(a, 'Bab Berred');
});
afterAll(async () => {
  if (other && other !== db) await other.close();
  await db?.drop();
});

// Two pools, as two bot instances would have, racing for the need's row lock (on PGlite they queue).
describe(`30 people giving the last 7 parkas at once on ${process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite'}`, () => {
  it('pledges exactly 7, tells the others it is covered with the next shortfall, and announces it once', async () => {
    const parkas = await need(a, 'Imzer', 'parka', '8-10', 50);
    await need(a, 'Bab Berred', 'parka', '8-10', 20);
    const first = await person(a, 'UFIRST');
    const head = await give(a.needs, { personId: first.id, platform: 'slack' }, '43 parkas 8-10 Imzer', 'race:first');
    expect(head.ok).toBe(true);

    const people = await Promise.all(Array.from({ length: 30 }, (_, i) => person(a, `UGIVE${i}`, i % 2 === 0 ? 'slack' : 'teams')));
    const results = await Promise.all(
      people.map((p, i) => give((i % 2 === 0 ? a : b).needs, { personId: p.id, platform: i % 2 === 0 ? 'slack' : 'teams' }, '1 parka 8-10 imzer', `race:${i}`)),
    );
    const pledged = results.filter((r) => r.ok);
    const refused = results.flatMap((r) => (r.ok ? [] : [r.error]));
    expect(pledged).toHaveLength(7);
    expect(refused).toHaveLength(23);
    for (const error of refused) {
      expect(error.code).toBe('give.covered');
      // The next shortfall of the same item elsewhere comes first.
      expect(error.code === 'give.covered' && error.next[0]).toMatchObject({ siteName: 'Bab Berred', itemKey: 'parka', size: '8-10' });
    }
    const stored = await db.db.selectFrom('needs').selectAll().where('id', '=', parkas.id).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ quantity: 50, pledged: 50 });
    const rows = await db.db.selectFrom('item_pledges').select(['quantity']).where('need_id', '=', parkas.id).execute();
    expect(rows).toHaveLength(8);
    expect(rows.reduce((s, r) => s + r.quantity, 0)).toBe(50);

    const covered = await db.db.selectFrom('outbox_messages').selectAll().where('kind', '=', 'milestone').execute();
    expect(covered).toHaveLength(1);
    expect(plainText(JSON.stringify(covered[0]?.payload))).toContain('Toutes les parkas (8-10) d’Imzer sont promises');
  });

  it('lets Postgres itself refuse an overpledged need', async () => {
    const blankets = await need(a, 'Imzer', 'couverture', '', 3);
    await expect(db.db.updateTable('needs').set({ pledged: 4 }).where('id', '=', blankets.id).execute()).rejects.toThrow(/needs_no_overpledge/);
  });

  it('takes a redelivered gift once, even when it covered the need', async () => {
    const chairs = await need(a, 'Bab Berred', 'fauteuil roulant', '', 2);
    const p = await person(a, 'UCHAIR');
    const once = await give(a.needs, { personId: p.id, platform: 'slack' }, '2 fauteuils roulants', 'slack:command:T1');
    const again = await give(a.needs, { personId: p.id, platform: 'slack' }, '2 fauteuils roulants', 'slack:command:T1');
    expect(once.ok && once.value.duplicate).toBe(false);
    expect(again.ok && again.value.duplicate).toBe(true);
    expect(again.ok && again.value.pledge.id).toBe(once.ok && once.value.pledge.id);
    const stored = await db.db.selectFrom('needs').select('pledged').where('id', '=', chairs.id).executeTakeFirstOrThrow();
    expect(stored.pledged).toBe(2);
  });
});
