import { describe, expect, it, vi } from 'vitest';
import { addMilestone, listMilestones } from '../../../src/milestones/milestones.service.js';
import { cancelPledge, makePledge } from '../../../src/pledges/pledges.service.js';
import { milestonesFixture, type MilestonesFixture } from '../../support/fakes/milestones.js';
import { textOf } from '../../support/fakes/messaging.js';

/** Goal 10,000 MAD: 25 % is 2,500 MAD. */
const GOAL = { from: '2026-11-15', to: '2026-12-15', goal: 10_000 };

async function give(f: MilestonesFixture, userId: string, amount: string) {
  const who = await f.person(userId);
  const made = await makePledge(f.deps, { personId: who.id, amount, anonymous: false, note: null, source: 'slack', idempotencyKey: null });
  await f.listener.settled();
  if (!made.ok) throw new Error(made.error.code);
  return { who, id: made.value.pledge.id };
}

const milestoneKeys = (f: MilestonesFixture) => f.messaging.sent.filter((m) => m.kind === 'milestone').map((m) => m.dedupeKey);

describe('milestones', () => {
  it('a pledge crossing 25 % announces it once, in every campaign channel', async () => {
    const f = await milestonesFixture({ campaign: GOAL });
    await give(f, 'U1', '2000');
    expect(milestoneKeys(f)).toEqual([]);
    await give(f, 'U2', '600');
    const sent = f.messaging.sent.filter((m) => m.kind === 'milestone');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.destinations).toHaveLength(2);
    expect(sent[0]?.summary).toBe('25 %');
    expect(textOf(sent[0]).lines.join('\n')).toContain('2 600 MAD');
    await give(f, 'U3', '100');
    expect(milestoneKeys(f)).toHaveLength(1);
    expect(f.failures).toEqual([]);
  });

  it('falling back below (a cancellation) and crossing again announces nothing new', async () => {
    const f = await milestonesFixture({ campaign: GOAL });
    const { who, id } = await give(f, 'U1', '3000');
    await cancelPledge(f.deps, who.id, id);
    await f.listener.settled();
    await give(f, 'U2', '3000');
    expect(milestoneKeys(f)).toEqual([`milestone:${f.campaign?.id}:pct:25`]);
  });

  it('one pledge crossing several milestones announces them together', async () => {
    const f = await milestonesFixture({ campaign: GOAL });
    await give(f, 'U1', '8000');
    expect(milestoneKeys(f)).toEqual([`milestone:${f.campaign?.id}:pct:25,pct:50,pct:75`]);
  });

  it('pledges crossing the same milestone at once announce it once', async () => {
    const f = await milestonesFixture({ campaign: GOAL });
    await give(f, 'U0', '2400');
    await Promise.all(['U1', 'U2', 'U3', 'U4'].map((u) => give(f, u, '200')));
    expect(milestoneKeys(f)).toHaveLength(1);
  });

  it('a run of pledges is checked a few times, not once each, and the milestone it crossed is still announced, once', async () => {
    const f = await milestonesFixture({ campaign: GOAL });
    let reads = 0;
    const totals = f.deps.campaigns.totals.bind(f.deps.campaigns);
    f.deps.campaigns.totals = (id) => {
      reads++;
      return totals(id);
    };
    // 30 people one after the other, each answered before the next: 25 % (2,500 MAD) falls on the 25th.
    for (let i = 0; i < 30; i++) {
      const who = await f.person(`U${i}`);
      const made = await makePledge(f.deps, { personId: who.id, amount: '100', anonymous: false, note: null, source: 'slack', idempotencyKey: null });
      expect(made.ok).toBe(true);
    }
    // Without settled(): the check waiting its turn runs on its own, a quarter of a second later at most.
    await vi.waitFor(() => expect(milestoneKeys(f)).toEqual([`milestone:${f.campaign?.id}:pct:25`]), { timeout: 3000 });
    await f.listener.settled();
    expect(reads).toBeLessThanOrEqual(3);
    expect(textOf(f.messaging.sent.find((m) => m.kind === 'milestone')).lines.join('\n')).toContain('3 000 MAD');
    expect(f.failures).toEqual([]);
  });

  it('an amount HR adds is announced when crossed; one already passed is marked reached and never announced', async () => {
    const f = await milestonesFixture({ campaign: GOAL });
    await give(f, 'U1', '1000');
    const passed = await addMilestone(f.deps, await f.hr(), '500');
    expect(passed.ok && passed.value).toMatchObject({ added: true, alreadyPassed: true });
    const ahead = await addMilestone(f.deps, await f.hr(), '1 500');
    expect(ahead.ok && ahead.value).toMatchObject({ added: true, alreadyPassed: false });
    const twice = await addMilestone(f.deps, await f.hr(), '1500');
    expect(twice.ok && twice.value.added).toBe(false);
    expect((await addMilestone(f.deps, await f.hr(), 'beaucoup')).ok).toBe(false);
    await give(f, 'U2', '600');
    expect(milestoneKeys(f)).toEqual([`milestone:${f.campaign?.id}:amount:150000`]);
    const listed = await listMilestones(f.deps);
    expect(listed.ok && listed.value.milestones.map((m) => [m.key, m.reached])).toEqual([
      ['amount:50000', true],
      ['amount:150000', true],
      ['pct:25', false],
      ['pct:50', false],
      ['pct:75', false],
      ['pct:100', false],
    ]);
  });

  it('an amount HR writes in another currency than the campaign’s is refused as such, and nothing is added', async () => {
    const f = await milestonesFixture({ campaign: GOAL });
    expect(await addMilestone(f.deps, await f.hr(), '3 000 €')).toEqual({
      ok: false,
      error: { code: 'amount.other_currency', written: 'EUR', currency: 'MAD' },
    });
    const added = await addMilestone(f.deps, await f.hr(), '3 000 dh');
    expect(added.ok && added.value).toMatchObject({ added: true, amount: 300_000 });
    const listed = await listMilestones(f.deps);
    expect(listed.ok && listed.value.milestones.filter((m) => m.key.startsWith('amount:')).map((m) => m.key)).toEqual(['amount:300000']);
  });

  it('without a campaign HR is told there is none', async () => {
    const f = await milestonesFixture({ campaign: false });
    expect(await addMilestone(f.deps, await f.hr(), '500')).toEqual({ ok: false, error: { code: 'campaign.none' } });
    expect(await listMilestones(f.deps)).toEqual({ ok: false, error: { code: 'campaign.none' } });
  });
});
