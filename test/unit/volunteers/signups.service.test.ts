import { describe, expect, it } from 'vitest';
import { hrMoveSignup } from '../../../src/volunteers/hr.service.js';
import { purgeVolunteerData, sendTripReminders } from '../../../src/volunteers/jobs.js';
import { mySignups, signUp, withdraw } from '../../../src/volunteers/signups.service.js';
import { updateTrip } from '../../../src/volunteers/trips.service.js';
import type { Trip } from '../../../src/volunteers/trip.js';
import type { Person } from '../../../src/ports.js';
import { volunteersFixture, type VolunteersFixture } from '../../support/fakes/volunteers-fixture.js';

async function join(f: VolunteersFixture, who: Person, trip: Trip, roleKey: string | null = null, key: string | null = null) {
  const result = await signUp(f.deps, who.id, f.form(trip, roleKey), 'slack', key);
  if (!result.ok) throw new Error(result.error.code);
  return result.value;
}

const promotions = (f: VolunteersFixture) => f.messaging.sent.filter((m) => m.kind === 'promotion').map((m) => m.destinations);

describe('signing up for a trip', () => {
  it('confirms while seats last, then waitlists in arrival order', async () => {
    const f = await volunteersFixture();
    const trip = await f.trip({ seats: 2 });
    const people = await Promise.all(['U1', 'U2', 'U3', 'U4'].map((u) => f.person(u)));
    const outcomes = [];
    for (const who of people) outcomes.push(await join(f, who, trip));
    expect(outcomes.map((o) => [o.signup.status, o.position])).toEqual([
      ['confirmed', null],
      ['confirmed', null],
      ['waitlisted', 1],
      ['waitlisted', 2],
    ]);
    expect(await f.volunteers.signups.counts(f.campaign?.id ?? '')).toEqual({ capacity: 2, confirmed: 2, waitlisted: 2 });
  });

  it('fifty people at once for five seats: five confirmed, never more', async () => {
    const f = await volunteersFixture();
    const trip = await f.trip({ seats: 5 });
    const people = await Promise.all(Array.from({ length: 50 }, (_, i) => f.person(`U${i}`)));
    const outcomes = await Promise.all(people.map((who) => join(f, who, trip)));
    expect(outcomes.filter((o) => o.signup.status === 'confirmed')).toHaveLength(5);
    expect((await f.volunteers.trips.get(trip.id))?.confirmed).toBe(5);
  });

  it('a role keeps its seats for those who chose it', async () => {
    const f = await volunteersFixture();
    const trip = await f.trip({ seats: 2, roles: [{ name: 'Chauffeur', seats: 1 }] });
    const [a, b, c] = await Promise.all(['U1', 'U2', 'U3'].map((u) => f.person(u)));
    expect((await join(f, a as Person, trip)).signup.status).toBe('confirmed');
    expect((await join(f, b as Person, trip)).signup.status).toBe('waitlisted');
    expect((await join(f, c as Person, trip, 'chauffeur')).signup.status).toBe('confirmed');
    expect(await signUp(f.deps, (await f.person('U9')).id, f.form(trip, 'cuisinier'), 'slack', null)).toEqual({ ok: false, error: { code: 'choice.invalid' } });
  });

  it('once per person and trip: a redelivered form is the same sign-up, a second one is refused with the first', async () => {
    const f = await volunteersFixture();
    const trip = await f.trip();
    const amina = await f.person('U1');
    const first = await join(f, amina, trip, null, 'slack:view:V1');
    const again = await join(f, amina, trip, null, 'slack:view:V1');
    expect(again).toMatchObject({ duplicate: true, signup: { id: first.signup.id } });
    expect(await signUp(f.deps, amina.id, f.form(trip), 'slack', 'slack:view:V2')).toEqual({
      ok: false,
      error: { code: 'signup.already', trip: 'Imlil', number: first.signup.id, status: 'confirmed', position: 0 },
    });
  });

  it('closes after the deadline, and knows no trip of another campaign', async () => {
    const f = await volunteersFixture();
    const trip = await f.trip({ deadline: '2026-11-26' });
    expect(await signUp(f.deps, (await f.person('U1')).id, f.form(trip), 'slack', null)).toEqual({
      ok: false,
      error: { code: 'trip.closed', trip: 'Imlil', day: '2026-11-26' },
    });
    expect(await signUp(f.deps, (await f.person('U1')).id, { ...f.form(trip), tripId: 999 }, 'slack', null)).toEqual({
      ok: false,
      error: { code: 'trip.not_found' },
    });
  });
});

describe('freed seats', () => {
  it('withdrawing gives the seat to the first in line, who is told privately', async () => {
    const f = await volunteersFixture();
    const trip = await f.trip({ seats: 1 });
    const [amina, karim, sara] = [await f.reachable('U1'), await f.reachable('U2'), await f.reachable('U3')];
    await join(f, amina, trip);
    const second = await join(f, karim, trip);
    await join(f, sara, trip);
    const done = await withdraw(f.deps, amina.id, null);
    expect(done.ok && done.value.promoted.map((s) => s.id)).toEqual([second.signup.id]);
    expect(promotions(f)).toEqual([[{ platform: 'slack', channelId: 'U2' }]]);
    expect((await mySignups(f.deps, sara.id)).map((m) => m.position)).toEqual([1]);
    expect(await withdraw(f.deps, amina.id, null)).toEqual({ ok: false, error: { code: 'signup.none' } });
  });

  it("a person cannot withdraw someone else's sign-up", async () => {
    const f = await volunteersFixture();
    const trip = await f.trip();
    const amina = await f.person('U1');
    const mine = await join(f, amina, trip);
    expect(await withdraw(f.deps, (await f.person('U2')).id, mine.signup.id)).toEqual({ ok: false, error: { code: 'signup.not_found' } });
    expect((await mySignups(f.deps, amina.id)).map((m) => m.signup.status)).toEqual(['confirmed']);
  });

  it('more seats on the trip fill from the waitlist; fewer than the people confirmed are refused', async () => {
    const f = await volunteersFixture();
    const trip = await f.trip({ seats: 1 });
    for (const u of ['U1', 'U2', 'U3']) await join(f, await f.reachable(u), trip);
    const shape = { name: 'Imlil', startsOn: '2026-12-12', endsOn: '2026-12-14', roles: [], meetingPoint: null, meetingTime: null, deadline: null };
    const grown = await updateTrip(f.deps, { console: true }, trip.id, { ...shape, seats: 3 });
    expect(grown.ok && grown.value.promoted).toHaveLength(2);
    expect(await updateTrip(f.deps, { console: true }, trip.id, { ...shape, seats: 2 })).toEqual({
      ok: false,
      error: { code: 'trip.seats_below_confirmed', confirmed: 3 },
    });
    expect(promotions(f)).toHaveLength(2);
  });

  it('HR moves people, never past the seats, and the person hears of it', async () => {
    const f = await volunteersFixture();
    const trip = await f.trip({ seats: 1 });
    const first = await join(f, await f.reachable('U1'), trip);
    const second = await join(f, await f.reachable('U2'), trip);
    expect(await hrMoveSignup(f.deps, await f.hr(), second.signup.id, 'confirmed')).toEqual({ ok: false, error: { code: 'signup.no_seat', role: '' } });
    const moved = await hrMoveSignup(f.deps, await f.hr(), first.signup.id, 'waitlisted');
    expect(moved.ok && [moved.value.position, moved.value.promoted.map((s) => s.id)]).toEqual([1, [second.signup.id]]);
    expect(await hrMoveSignup(f.deps, await f.hr(), first.signup.id, 'waitlisted')).toEqual({
      ok: false,
      error: { code: 'signup.already_there', status: 'waitlisted' },
    });
    expect(await hrMoveSignup(f.deps, await f.hr(), 4242, 'removed')).toEqual({ ok: false, error: { code: 'signup.not_found' } });
    expect(
      promotions(f)
        .flat()
        .map((d) => (d.platform === 'slack' ? d.channelId : '')),
    ).toEqual(['U1', 'U2']);
  });
});

describe('volunteer jobs', () => {
  it('reminds each confirmed volunteer once, from 9:00, and counts who cannot be reached', async () => {
    const f = await volunteersFixture();
    const trip = await f.trip({ seats: 2, startsOn: '2026-11-28', endsOn: '2026-11-29', deadline: '2026-11-26' });
    f.clock.set(new Date('2026-11-25T10:00:00Z'));
    await join(f, await f.reachable('U1'), trip);
    await join(f, await f.person('U2'), trip);
    expect(await sendTripReminders(f.deps, new Date('2026-11-27T07:00:00Z'))).toEqual({ queued: 0, alreadyClaimed: 0, unreachable: 0 });
    expect(await sendTripReminders(f.deps, new Date('2026-11-27T10:00:00Z'))).toEqual({ queued: 1, alreadyClaimed: 0, unreachable: 1 });
    expect(await sendTripReminders(f.deps, new Date('2026-11-27T15:00:00Z'))).toEqual({ queued: 0, alreadyClaimed: 2, unreachable: 0 });
    expect(f.messaging.sent.filter((m) => m.kind === 'reminder').map((m) => m.destinations)).toEqual([[{ platform: 'slack', channelId: 'U1' }]]);
  });

  it('deletes phone numbers after the retention period, keeping the sign-ups', async () => {
    const f = await volunteersFixture();
    const trip = await f.trip();
    const signed = await join(f, await f.person('U1'), trip);
    expect(await purgeVolunteerData(f.deps, new Date('2026-12-20T12:00:00Z'))).toEqual({ trips: 0 });
    expect(f.volunteers.privateOf(signed.signup.id)?.phone).toBe('+212600000001');
    expect(await purgeVolunteerData(f.deps, new Date('2027-01-20T12:00:00Z'))).toEqual({ trips: 1 });
    expect(f.volunteers.privateOf(signed.signup.id)).toBeNull();
    expect(await f.volunteers.signups.counts(f.campaign?.id ?? '')).toMatchObject({ confirmed: 1 });
  });
});
