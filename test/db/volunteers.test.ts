import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CoreServices } from '../../adapters/main.js';
import { ManualClock } from '../../src/shared/clock.js';
import { hrMoveSignup } from '../../src/volunteers/hr.service.js';
import { purgeVolunteerData } from '../../src/volunteers/jobs.js';
import { mySignups, withdraw } from '../../src/volunteers/signups.service.js';
import { updateTrip } from '../../src/volunteers/trips.service.js';
import { testDatabase, type TestDatabase } from '../support/db.js';
import { campaign, coreDeps, hrActor, trip, volunteer } from '../support/volunteers.js';

let db: TestDatabase;
let deps: CoreServices;
const clock = new ManualClock(new Date('2026-11-27T11:00:00Z'));

beforeAll(async () => {
  db = await testDatabase();
  deps = coreDeps(db, clock);
  await campaign(deps);
});
afterAll(async () => db?.drop());
beforeEach(() => clock.set(new Date('2026-11-27T11:00:00Z')));

/** DMs queued in the outbox about seats, newest last: destination and text. */
async function queuedDms() {
  const rows = await db.db
    .selectFrom('outbox_messages as m')
    .innerJoin('outbox_targets as t', 't.message_id', 'm.id')
    .select(['m.kind', 'm.payload', 't.destination'])
    .orderBy('m.created_at')
    .orderBy('t.id')
    .execute();
  return rows.map((r) => ({ kind: r.kind, destination: r.destination as Record<string, string>, text: JSON.stringify(r.payload) }));
}

describe(`volunteer seats on ${process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite'}`, () => {
  it('confirms 3 of 5 sign-ups on a 3-seat trip and waitlists 2 in order', async () => {
    const t = await trip(deps, { name: 'Trois places' });
    const outcomes = [];
    for (let i = 0; i < 5; i++) outcomes.push((await volunteer(deps, t.id, `UCAP${i}`, { n: i })).result);
    expect(outcomes.map((o) => (o.ok ? [o.value.signup.status, o.value.position] : o.error))).toEqual([
      ['confirmed', null],
      ['confirmed', null],
      ['confirmed', null],
      ['waitlisted', 1],
      ['waitlisted', 2],
    ]);
    const stored = await deps.volunteers.trips.get(t.id);
    expect(stored).toMatchObject({ confirmed: 3, waitlisted: 2 });
  });

  it('gives a freed seat to the first waitlisted person and queues their DM; positions move up', async () => {
    const t = await trip(deps, { name: 'Promotion', seats: 1 });
    const first = await volunteer(deps, t.id, 'UPROM0');
    const second = await volunteer(deps, t.id, 'UPROM1');
    const third = await volunteer(deps, t.id, 'UPROM2');
    const done = await withdraw(deps, first.person.id, null);
    expect(done.ok && done.value.promoted.map((s) => s.personId)).toEqual([second.person.id]);
    const [mine] = await mySignups(deps, third.person.id);
    expect(mine?.position).toBe(1);
    const dm = (await queuedDms()).filter((d) => d.kind === 'promotion').at(-1);
    expect(dm?.destination).toEqual({ platform: 'slack', channelId: 'UPROM1' });
    expect(dm?.text).toContain('Une place s’est libérée');
    expect(dm?.text).toContain('Parking du siège');
    expect(dm?.text).not.toContain('+2126');
  });

  it('promotes the first waitlisted person who fits the freed role, skipping others', async () => {
    const t = await trip(deps, { name: 'Rôles', seats: 2, roles: [{ name: 'Chauffeur', seats: 1 }] });
    const driver = await volunteer(deps, t.id, 'UROLE0', { role: 'chauffeur' });
    await volunteer(deps, t.id, 'UROLE1');
    const waitingAnywhere = await volunteer(deps, t.id, 'UROLE2');
    const waitingDriver = await volunteer(deps, t.id, 'UROLE3', { role: 'chauffeur' });
    expect(waitingAnywhere.result.ok && waitingAnywhere.result.value.position).toBe(1);
    const done = await withdraw(deps, driver.person.id, null);
    expect(done.ok && done.value.promoted.map((s) => s.personId)).toEqual([waitingDriver.person.id]);
  });

  it('keeps one active sign-up per person per trip, allows signing up again after withdrawing, and records a redelivery once', async () => {
    const t = await trip(deps, { name: 'Unique' });
    const once = await volunteer(deps, t.id, 'UONE', { key: 'slack:view:V1' });
    const again = await volunteer(deps, t.id, 'UONE', { key: 'slack:view:V1' });
    expect(again.result.ok && again.result.value.duplicate).toBe(true);
    const other = await volunteer(deps, t.id, 'UONE', { key: 'slack:view:V2' });
    expect(other.result).toMatchObject({ ok: false, error: { code: 'signup.already' } });
    await withdraw(deps, once.person.id, null);
    const back = await volunteer(deps, t.id, 'UONE', { key: 'slack:view:V3' });
    expect(back.result.ok && back.result.value.signup.status).toBe('confirmed');
    expect((await deps.volunteers.trips.get(t.id))?.confirmed).toBe(1);
  });

  it('refuses sign-ups after the deadline with the date, while a withdrawal still promotes', async () => {
    const t = await trip(deps, { name: 'Délai', seats: 1, deadline: '2026-12-01' });
    const a = await volunteer(deps, t.id, 'UDL0');
    const b = await volunteer(deps, t.id, 'UDL1');
    clock.set(new Date('2026-12-02T10:00:00Z'));
    const late = await volunteer(deps, t.id, 'UDL2');
    expect(late.result).toMatchObject({ ok: false, error: { code: 'trip.closed', day: '2026-12-01' } });
    const done = await withdraw(deps, a.person.id, null);
    expect(done.ok && done.value.promoted.map((s) => s.personId)).toEqual([b.person.id]);
  });

  it('lets HR move people between confirmed and the waitlist without ever overbooking', async () => {
    const t = await trip(deps, { name: 'RH', seats: 1 });
    const a = await volunteer(deps, t.id, 'UHR0');
    const b = await volunteer(deps, t.id, 'UHR1');
    const aId = a.result.ok ? a.result.value.signup.id : 0;
    const bId = b.result.ok ? b.result.value.signup.id : 0;
    const hr = await hrActor(deps, 'UHRBOSS');
    expect(await hrMoveSignup(deps, hr, bId, 'confirmed')).toMatchObject({ ok: false, error: { code: 'signup.no_seat' } });
    const moved = await hrMoveSignup(deps, hr, aId, 'waitlisted');
    expect(moved.ok && [moved.value.position, moved.value.promoted.map((s) => s.id)]).toEqual([1, [bId]]);
    const removed = await hrMoveSignup(deps, hr, bId, 'removed');
    expect(removed.ok && removed.value.promoted.map((s) => s.id)).toEqual([aId]);
    expect(await deps.volunteers.trips.get(t.id)).toMatchObject({ confirmed: 1, waitlisted: 0 });
    const texts = (await queuedDms()).filter((d) => d.destination.channelId === 'UHR1').map((d) => d.text);
    expect(texts.some((x) => x.includes('a retiré votre inscription'))).toBe(true);
  });

  it('refuses a trip change that would leave confirmed people without a seat, and fills new seats from the waitlist', async () => {
    const t = await trip(deps, { name: 'Agrandir', seats: 1 });
    await volunteer(deps, t.id, 'UGROW0');
    await volunteer(deps, t.id, 'UGROW1');
    const input = { name: 'Agrandir', startsOn: t.startsOn, endsOn: t.endsOn, roles: [], meetingPoint: null, meetingTime: null, deadline: null };
    expect(await updateTrip(deps, { console: true }, t.id, { ...input, seats: 1, roles: [{ name: 'Cuisine', seats: 1 }] })).toMatchObject({
      ok: false,
      error: { code: 'trip.open_below_confirmed' },
    });
    const grown = await updateTrip(deps, { console: true }, t.id, { ...input, seats: 2 });
    expect(grown.ok && [grown.value.trip.confirmed, grown.value.promoted.length]).toEqual([2, 1]);
  });

  it('refuses an overbooked state in the database itself', async () => {
    const t = await trip(deps, { name: 'Contrainte', seats: 2 });
    await expect(sql`update trips set confirmed = 3 where id = ${t.id}`.execute(db.db)).rejects.toThrow(/trips_no_overbooking/);
  });

  it('deletes phones, emergency contacts and notes after the retention period, keeping the counts', async () => {
    const t = await trip(deps, { name: 'Passé', startsOn: '2026-12-01', endsOn: '2026-12-02' });
    await volunteer(deps, t.id, 'UPURGE0');
    const before = await deps.volunteers.signups.counts(t.campaignId);
    expect(await purgeVolunteerData(deps, new Date('2026-12-31T12:00:00Z'))).toEqual({ trips: 0 });
    expect((await purgeVolunteerData(deps, new Date('2027-01-01T12:00:00Z'))).trips).toBeGreaterThanOrEqual(1);
    const row = await db.db.selectFrom('signups').selectAll().where('trip_id', '=', t.id).executeTakeFirstOrThrow();
    expect([row.phone, row.emergency_name, row.emergency_phone, row.notes, row.status]).toEqual([null, null, null, null, 'confirmed']);
    expect(await deps.volunteers.signups.counts(t.campaignId)).toEqual(before);
  });
});
