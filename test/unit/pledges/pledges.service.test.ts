import { describe, expect, it } from 'vitest';
import { cancelPledge, collectPledge, makePledge, myPledges, understandAmount } from '../../../src/pledges/pledges.service.js';
import { minor } from '../../../src/shared/money.js';
import { pledgesFixture } from '../../support/fakes/pledges.js';

const pledge = (amount: string, extra: { key?: string; note?: string | null; anonymous?: boolean } = {}) => ({
  amount,
  anonymous: extra.anonymous ?? false,
  note: extra.note ?? null,
  source: 'slack' as const,
  idempotencyKey: extra.key ?? null,
});

describe('making a pledge', () => {
  it('records it, moves the totals and tells the listeners once', async () => {
    const f = await pledgesFixture();
    const amina = await f.person('U1');
    const made = await makePledge(f.deps, { personId: amina.id, ...pledge('1 500,50 MAD', { note: '  pour Imlil  ' }) });
    expect(made.ok && made.value.pledge).toMatchObject({ amountMinor: 150_050, note: 'pour Imlil', status: 'pledged', personId: amina.id });
    expect(made.ok && made.value.totals).toEqual({ pledgedMinor: 150_050, collectedMinor: 0, donors: 1, pledges: 1 });
    expect(f.heard.map((c) => [c.before.pledgedMinor, c.after.pledgedMinor])).toEqual([[0, 150_050]]);
  });

  it('refuses amounts outside the limits, saying the limit, and records nothing', async () => {
    const f = await pledgesFixture();
    const amina = await f.person('U1');
    expect(await makePledge(f.deps, { personId: amina.id, ...pledge('0,50') })).toEqual({
      ok: false,
      error: { code: 'amount.too_small', min: 100, currency: 'MAD' },
    });
    expect(await makePledge(f.deps, { personId: amina.id, ...pledge('100 001') })).toEqual({
      ok: false,
      error: { code: 'amount.too_large', max: 10_000_000, currency: 'MAD' },
    });
    expect(await makePledge(f.deps, { personId: amina.id, ...pledge('1'.repeat(40)) })).toEqual({
      ok: false,
      error: { code: 'amount.too_large', max: 10_000_000, currency: 'MAD' },
    });
    expect((await makePledge(f.deps, { personId: amina.id, ...pledge('-5') })).ok).toBe(false);
    expect((await makePledge(f.deps, { personId: amina.id, ...pledge('500', { note: 'x'.repeat(281) }) })).ok).toBe(false);
    expect(f.pledges.all).toHaveLength(0);
    expect(f.heard).toHaveLength(0);
    expect(await f.campaigns.totals(f.campaign?.id ?? '')).toMatchObject({ pledgedMinor: 0, pledges: 0 });
  });

  it('a redelivered pledge (same key) is recorded once and counted once', async () => {
    const f = await pledgesFixture();
    const amina = await f.person('U1');
    const first = await makePledge(f.deps, { personId: amina.id, ...pledge('500', { key: 'slack:view:V1' }) });
    const again = await makePledge(f.deps, { personId: amina.id, ...pledge('500', { key: 'slack:view:V1' }) });
    expect(again.ok && again.value.duplicate).toBe(true);
    expect(again.ok && first.ok && again.value.pledge.id).toBe(first.ok && first.value.pledge.id);
    expect(f.pledges.all).toHaveLength(1);
    expect(f.heard).toHaveLength(1);
    expect(await f.campaigns.totals(f.campaign?.id ?? '')).toMatchObject({ pledgedMinor: 50_000, pledges: 1, donors: 1 });
  });

  it('counts a donor once however many pledges they make', async () => {
    const f = await pledgesFixture();
    const [amina, karim] = [await f.person('U1'), await f.person('U2')];
    for (const [who, amount] of [
      [amina, '100'],
      [amina, '200'],
      [karim, '300'],
    ] as const)
      await makePledge(f.deps, { personId: who.id, ...pledge(amount) });
    expect(await f.campaigns.totals(f.campaign?.id ?? '')).toEqual({ pledgedMinor: 60_000, collectedMinor: 0, donors: 2, pledges: 3 });
  });

  it('says when the campaign opens before it does, and that it ended after', async () => {
    const early = await pledgesFixture({ now: new Date('2026-11-10T11:00:00Z') });
    const who = await early.person('U1');
    expect(await makePledge(early.deps, { personId: who.id, ...pledge('500') })).toMatchObject({
      ok: false,
      error: { code: 'campaign.not_started', campaign: { startsOn: '2026-11-15', endsOn: '2026-12-15' } },
    });
    const late = await pledgesFixture({ now: new Date('2026-12-20T11:00:00Z') });
    const other = await late.person('U1');
    expect(await makePledge(late.deps, { personId: other.id, ...pledge('500') })).toMatchObject({ ok: false, error: { code: 'campaign.ended' } });
    const none = await pledgesFixture({ campaign: false });
    const third = await none.person('U1');
    expect(await makePledge(none.deps, { personId: third.id, ...pledge('500') })).toEqual({ ok: false, error: { code: 'campaign.none' } });
    expect([early, late, none].flatMap((f) => f.pledges.all)).toHaveLength(0);
  });

  it('checks an amount as a form does, with the same limits', () => {
    const limits = { limits: { min: minor(100), max: minor(10_000_000), currency: 'MAD' } };
    expect(understandAmount(limits, '٥٠٠ درهم', 'MAD')).toEqual({ ok: true, value: 50_000 });
    expect(understandAmount(limits, minor(50), 'MAD')).toEqual({ ok: false, error: { code: 'amount.too_small', min: 100, currency: 'MAD' } });
  });
});

describe('cancelling and collecting', () => {
  it('the author cancels their own pledge: its amount and the donor leave the totals', async () => {
    const f = await pledgesFixture();
    const amina = await f.person('U1');
    const made = await makePledge(f.deps, { personId: amina.id, ...pledge('500') });
    const id = made.ok ? made.value.pledge.id : 0;
    const cancelled = await cancelPledge(f.deps, amina.id, id);
    expect(cancelled.ok && cancelled.value.pledge.status).toBe('cancelled');
    expect(cancelled.ok && cancelled.value.campaign.id).toBe(f.campaign?.id);
    expect(await f.campaigns.totals(f.campaign?.id ?? '')).toEqual({ pledgedMinor: 0, collectedMinor: 0, donors: 0, pledges: 0 });
    expect(await cancelPledge(f.deps, amina.id, id)).toEqual({ ok: false, error: { code: 'pledge.already_cancelled' } });
    expect(f.heard.map((c) => c.after.pledgedMinor)).toEqual([50_000, 0]);
  });

  it("someone else's pledge is not found, and stays as it was", async () => {
    const f = await pledgesFixture();
    const [amina, karim] = [await f.person('U1'), await f.person('U2')];
    const made = await makePledge(f.deps, { personId: amina.id, ...pledge('500') });
    const id = made.ok ? made.value.pledge.id : 0;
    expect(await cancelPledge(f.deps, karim.id, id)).toEqual({ ok: false, error: { code: 'pledge.not_found' } });
    expect(await cancelPledge(f.deps, karim.id, 9999)).toEqual({ ok: false, error: { code: 'pledge.not_found' } });
    expect((await f.pledges.get(id))?.status).toBe('pledged');
    expect(await f.campaigns.totals(f.campaign?.id ?? '')).toMatchObject({ pledgedMinor: 50_000, donors: 1 });
  });

  it('collected money is settled: counted as collected, and no longer cancellable', async () => {
    const f = await pledgesFixture();
    const amina = await f.person('U1');
    const made = await makePledge(f.deps, { personId: amina.id, ...pledge('750') });
    const id = made.ok ? made.value.pledge.id : 0;
    const collected = await collectPledge(f.deps, await f.hr(), id);
    expect(collected.ok && collected.value.after).toEqual({ pledgedMinor: 75_000, collectedMinor: 75_000, donors: 1, pledges: 1 });
    expect(await collectPledge(f.deps, await f.hr(), id)).toEqual({ ok: false, error: { code: 'pledge.already_collected' } });
    expect(await cancelPledge(f.deps, amina.id, id)).toEqual({ ok: false, error: { code: 'pledge.already_collected' } });
    expect(await collectPledge(f.deps, await f.hr(), 4242)).toEqual({ ok: false, error: { code: 'pledge.not_found' } });
  });

  it('two cancellations of one pledge at once: one wins, the totals move once', async () => {
    const f = await pledgesFixture();
    const amina = await f.person('U1');
    const made = await makePledge(f.deps, { personId: amina.id, ...pledge('500') });
    const id = made.ok ? made.value.pledge.id : 0;
    const both = await Promise.all([cancelPledge(f.deps, amina.id, id), cancelPledge(f.deps, amina.id, id)]);
    expect(both.map((r) => (r.ok ? 'cancelled' : r.error.code)).sort()).toEqual(['cancelled', 'pledge.already_cancelled']);
    expect(await f.campaigns.totals(f.campaign?.id ?? '')).toMatchObject({ pledgedMinor: 0, pledges: 0, donors: 0 });
  });

  it("lists the person's own pledges, newest first", async () => {
    const f = await pledgesFixture();
    const [amina, karim] = [await f.person('U1'), await f.person('U2')];
    for (const [who, amount] of [
      [amina, '100'],
      [karim, '999'],
      [amina, '200'],
    ] as const)
      await makePledge(f.deps, { personId: who.id, ...pledge(amount) });
    const mine = await myPledges(f.deps, amina.id);
    expect(mine.ok && mine.value.pledges.map((p) => p.amountMinor)).toEqual([20_000, 10_000]);
    const none = await pledgesFixture({ campaign: false });
    expect(await myPledges(none.deps, amina.id)).toEqual({ ok: false, error: { code: 'campaign.none' } });
  });
});
