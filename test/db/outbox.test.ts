import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../adapters/config.js';
import { buildDeps } from '../../adapters/main.js';
import type { DatabaseHandle } from '../../db/connect.js';
import { sweepAbandoned } from '../../db/repositories/outbox-claim.js';
import { claimDue, finishTarget, markSending, type ClaimOptions } from '../../db/repositories/outbox-queue.js';
import { outboxStore } from '../../db/repositories/outbox.js';
import type { Destination, OutgoingMessage } from '../../src/messaging/ports.js';
import { milestoneListener } from '../../src/milestones/milestones.service.js';
import { PLATFORM_LIMITS } from '../../src/outbox/pacing.js';
import { ManualClock } from '../../src/shared/clock.js';
import { minor } from '../../src/shared/money.js';
import { secondHandle, testDatabase, type TestDatabase } from '../support/db.js';
import { MILESTONE_PACING } from '../../adapters/milestone-pacing.js';

let db: TestDatabase;
let other: DatabaseHandle;
const clock = new ManualClock(new Date('2026-11-27T11:00:00Z'));
const message: OutgoingMessage = { kind: 'message', tone: 'info', headline: 'Hello', lines: ['one line'] };
const slack = (id: string): Destination => ({ platform: 'slack', channelId: id });
const teams = (id: string): Destination => ({ platform: 'teams', conversationId: id });
let seq = 0;

beforeAll(async () => {
  db = await testDatabase();
  other = await secondHandle(db);
});
afterAll(async () => {
  if (other !== db) await other.close();
  await db?.drop();
});
beforeEach(async () => {
  clock.set(new Date('2026-11-27T11:00:00Z'));
  await sql`delete from outbox_messages`.execute(db.db);
  await sql`delete from outbox_lanes`.execute(db.db);
});

const enqueue = (destinations: Destination[], key = `k${++seq}`) =>
  outboxStore(db.db, clock).enqueue({ kind: 'announcement', campaignId: null, message, destinations, dedupeKey: key });

const options = (workerId: string, over: Partial<ClaimOptions> = {}): ClaimOptions => ({
  workerId,
  now: clock.now(),
  leaseMs: 30_000,
  horizonMs: 1_000,
  limit: 100,
  platforms: ['slack', 'teams'],
  limits: PLATFORM_LIMITS,
  ...over,
});

describe(`outbox store and claims (${process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('enqueues once per dedupe key and once per destination', async () => {
    const first = await enqueue([slack('C1'), slack('C2'), slack('C1')], 'same');
    const again = await enqueue([slack('C1'), slack('C2'), slack('C3')], 'same');
    expect(first).toMatchObject({ created: true, targets: 2 });
    expect(again).toMatchObject({ created: false, targets: 2, messageId: first.messageId });
    expect(await enqueue([])).toMatchObject({ created: false, targets: 0, messageId: null });
  });

  it('two workers claiming at the same time share the targets without overlap', async () => {
    await enqueue(Array.from({ length: 60 }, (_, i) => slack(`CW${i}`)));
    const [a, b] = await Promise.all([claimDue(db.db, options('A', { limit: 40 })), claimDue(other.db, options('B', { limit: 40 }))]);
    const ids = [...a, ...b].map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(60);
    const third = await claimDue(db.db, options('C'));
    expect(third).toHaveLength(0);
  });

  it('paces one Slack channel to a post per second (with margin), several channels in parallel', async () => {
    for (let i = 0; i < 3; i++) await enqueue([slack('CPACE'), slack(`COTHER${i}`)]);
    const first = await claimDue(db.db, options('A'));
    expect(first.filter((c) => c.destinationKey === 'slack:CPACE')).toHaveLength(1);
    expect(first.filter((c) => c.destinationKey.startsWith('slack:COTHER'))).toHaveLength(3);
    clock.advance(200);
    // The second may be held for its slot, a second (plus margin) after the first; the third not yet.
    const second = await claimDue(db.db, options('A'));
    expect(second).toHaveLength(1);
    const t0 = first.find((c) => c.destinationKey === 'slack:CPACE')!.slotAt.getTime();
    expect(second[0]?.slotAt.getTime()).toBe(t0 + 1050);
    expect(await claimDue(db.db, options('A'))).toHaveLength(0);
    clock.set(new Date(t0 + 1200));
    const third = await claimDue(db.db, options('A'));
    expect(third.map((c) => c.slotAt.getTime())).toEqual([t0 + 2100]);
  });

  it('paces Teams at 50 per second per tenant across conversations', async () => {
    await enqueue(Array.from({ length: 200 }, (_, i) => teams(`19:conv${i}@thread.tacv2`)));
    const claimed = await claimDue(db.db, options('A', { limit: 200 }));
    const slots = claimed.map((c) => c.slotAt.getTime()).sort((x, y) => x - y);
    expect(claimed.length).toBeGreaterThanOrEqual(45);
    expect(claimed.length).toBeLessThanOrEqual(50);
    for (let i = 1; i < slots.length; i++) expect(slots[i]! - slots[i - 1]!).toBeGreaterThanOrEqual(20);
  });

  it('a target abandoned while sending is taken over after the lease, as a possible duplicate', async () => {
    await enqueue([slack('CLEASE')]);
    const [mine] = await claimDue(db.db, options('DEAD'));
    expect(mine?.uncertain).toBe(false);
    expect(await claimDue(db.db, options('B'))).toHaveLength(0);
    clock.advance(31_000);
    expect(await claimDue(db.db, options('B'))).toHaveLength(0);
    // Once swept, the abandoned claim is due again.
    await sweepAbandoned(db.db, clock.now(), 30_000);
    const [taken] = await claimDue(db.db, options('B'));
    expect(taken?.id).toBe(mine?.id);
    expect(taken?.uncertain).toBe(true);
    // The dead worker's late answer no longer counts; the new claimant's does.
    const base = { destinationKey: 'slack:CLEASE', now: clock.now(), laneNextAt: clock.now() };
    await finishTarget(db.db, {
      ...base,
      id: mine!.id,
      workerId: 'DEAD',
      transition: { status: 'failed', lastError: 'late', throttled: false },
      possibleDuplicate: false,
    });
    await finishTarget(db.db, { ...base, id: taken!.id, workerId: 'B', transition: { status: 'sent', platformMessageId: '1.2' }, possibleDuplicate: true });
    const summary = (await outboxStore(db.db, clock).recent(1))[0];
    expect(summary?.counts).toEqual({ pending: 0, sending: 0, sent: 1, failed: 0 });
    expect(summary?.possibleDuplicates).toBe(1);
  });

  it('a target held for a later slot is not a possible duplicate when taken over', async () => {
    await enqueue([slack('CHELD')]);
    await enqueue([slack('CHELD')]);
    const [first] = await claimDue(db.db, options('DEAD'));
    await finishTarget(db.db, {
      id: first!.id,
      workerId: 'DEAD',
      destinationKey: 'slack:CHELD',
      transition: { status: 'sent', platformMessageId: '1' },
      possibleDuplicate: false,
      now: clock.now(),
      laneNextAt: new Date(clock.now().getTime() + 1050),
    });
    clock.advance(100);
    const [later] = await claimDue(db.db, options('DEAD'));
    // Held for its slot, not yet sending: if DEAD dies now, it cannot have reached Slack.
    expect(later?.slotAt.getTime()).toBeGreaterThan(clock.now().getTime());
    clock.advance(31_000);
    await sweepAbandoned(db.db, clock.now(), 30_000);
    const [taken] = await claimDue(db.db, options('B'));
    expect(taken?.id).toBe(later?.id);
    expect(taken?.uncertain).toBe(false);
    expect(await markSending(db.db, [later!.id], 'DEAD', clock.now())).toEqual(new Set());
  });

  it('a 429 pauses the channel for every message until Retry-After', async () => {
    await enqueue([slack('CTHROTTLE')]);
    const [one] = await claimDue(db.db, options('A'));
    const until = new Date(clock.now().getTime() + 5_000);
    await finishTarget(db.db, {
      id: one!.id,
      workerId: 'A',
      destinationKey: one!.destinationKey,
      transition: { status: 'retry', nextAttemptAt: until, lastError: 'ratelimited', throttled: true, uncertain: false },
      possibleDuplicate: false,
      now: clock.now(),
      laneNextAt: until,
    });
    await enqueue([slack('CTHROTTLE')]);
    clock.advance(2_000);
    expect(await claimDue(db.db, options('A'))).toHaveLength(0);
    clock.advance(3_500);
    expect((await claimDue(db.db, options('A'))).length).toBeGreaterThanOrEqual(1);
  });
});

describe('milestone claims', () => {
  it('two listeners told of the same crossing at once announce it once', async () => {
    const config = loadConfig({ DEFAULT_LOCALE: 'fr' });
    const deps = buildDeps(config, db, clock);
    const created = await deps.campaigns.create({ name: 'C', currency: 'MAD', goalMinor: minor(100_000), startsOn: '2026-11-01', endsOn: '2026-12-31' });
    await deps.messaging.channels.add({ destination: slack('CMS'), kind: 'channel', addedBy: 'slack:UHR' });
    const errors: unknown[] = [];
    const listener = milestoneListener(deps, (e) => errors.push(e), MILESTONE_PACING);
    const totals = (pledged: number) => ({ pledgedMinor: minor(pledged), collectedMinor: minor(0), donors: 1, pledges: 1 });
    const change = { pledge: {} as never, before: totals(20_000), after: totals(30_000) };
    await Promise.all([listener.totalsChanged(created, change), listener.totalsChanged(created, change)]);
    expect(errors).toEqual([]);
    const rows = await sql<{ n: number }>`select count(*)::int as n from outbox_messages where kind = 'milestone'`.execute(db.db);
    expect(rows.rows[0]?.n).toBe(1);
  });

  it('a claim holds the goal it read: HR’s change of goal from another instance waits for it, then the goal it wrote is read', async () => {
    if (other === db) return; // One embedded database has one connection: nothing runs beside a transaction.
    const config = loadConfig({ DEFAULT_LOCALE: 'fr' });
    const [here, elsewhere] = [buildDeps(config, db, clock), buildDeps(config, other, clock)];
    const created = await here.campaigns.create({ name: 'G', currency: 'MAD', goalMinor: minor(100_000), startsOn: '2026-11-01', endsOn: '2026-12-31' });
    let changed = false;
    let change: Promise<void> = Promise.resolve();
    await here.messaging.transaction(async (stores) => {
      expect(await stores.milestones.goal(created.id)).toBe(100_000);
      change = elsewhere.campaigns
        .changeGoal(created.id, { goalMinor: minor(200_000), endsOn: created.endsOn, by: 'cli', at: new Date() }, async () => undefined)
        .then(() => {
          changed = true;
        });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(changed).toBe(false);
    });
    await change;
    expect(changed).toBe(true);
    expect(await here.messaging.milestones.goal(created.id)).toBe(200_000);
  });
});
