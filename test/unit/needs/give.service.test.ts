import { describe, expect, it } from 'vitest';
import { cancelGift, give, giveToNeed, myGifts } from '../../../src/needs/give.service.js';
import { addNeed, addSite, needsOverview } from '../../../src/needs/needs.service.js';
import { createCampaign } from '../../../src/campaigns/campaigns.service.js';
import { actorFor, requireHr } from '../../../src/chat/actor.js';
import { needForm, submitNeedForm } from '../../../src/chat/needs/need-form.js';
import { message } from '../../../src/chat/reply.js';
import { minor } from '../../../src/shared/money.js';
import { HOME_WORKSPACE } from '../../support/fakes/core.js';
import { needsFixture, type NeedsFixture } from '../../support/fakes/needs.js';

const cli = { console: true } as const;

/** The test campaign with one site, Imzèr, needing 7 parkas 8-10. */
async function parkas(options: { now?: Date } = {}): Promise<{ f: NeedsFixture; needId: number; campaignId: string }> {
  const f = needsFixture(options);
  const campaign = await createCampaign(f.deps, {
    name: 'Caravane 2026',
    currency: 'MAD',
    goalMinor: minor(15_000_000),
    startsOn: '2026-11-15',
    endsOn: '2026-12-15',
  });
  f.channels.push({ platform: 'slack', channelId: 'C0CAMPAIGN' });
  const site = await addSite(f.needsDeps, cli, { name: 'Imzèr', place: 'Haut Atlas', beneficiaries: 120, contact: null });
  if (!site.ok) throw new Error(site.error.code);
  const need = await addNeed(f.needsDeps, cli, { site: 'imzer', item: 'parkas', size: '8-10', quantity: '7', unitPrice: '' });
  if (!need.ok) throw new Error(need.error.code);
  return { f, needId: need.value.need.id, campaignId: campaign.ok ? campaign.value.id : '' };
}

const giver = async (f: NeedsFixture, userId: string) => ({
  personId: (await f.people.resolve({ platform: 'slack', tenantId: HOME_WORKSPACE, userId })).id,
  platform: 'slack' as const,
});

describe('giving items', () => {
  it('pledges what is missing, refuses more than is left, and announces a covered need once', async () => {
    const { f, needId } = await parkas();
    const amina = await giver(f, 'U1');
    const first = await giveToNeed(f.needsDeps, amina, needId, 5, null);
    expect(first.ok && first.value.need).toMatchObject({ pledged: 5, quantity: 7 });
    expect(await giveToNeed(f.needsDeps, await giver(f, 'U2'), needId, 3, null)).toMatchObject({ ok: false, error: { code: 'give.too_many', left: 2 } });
    expect((await giveToNeed(f.needsDeps, await giver(f, 'U3'), needId, 2, null)).ok).toBe(true);
    expect(await giveToNeed(f.needsDeps, await giver(f, 'U4'), needId, 1, null)).toMatchObject({ ok: false, error: { code: 'give.covered' } });
    expect(f.messaging.sent.map((m) => m.dedupeKey)).toEqual([expect.stringMatching(/^covered:/)]);
  });

  it('thirty people at once for the last seven: seven given, never more', async () => {
    const { f, needId, campaignId } = await parkas();
    const people = await Promise.all(Array.from({ length: 30 }, (_, i) => giver(f, `U${i}`)));
    const outcomes = await Promise.all(people.map((p) => giveToNeed(f.needsDeps, p, needId, 1, null)));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(7);
    expect((await f.needsDeps.store.needs(campaignId))[0]?.pledged).toBe(7);
    expect(f.messaging.sent).toHaveLength(1);
  });

  it('reads a /give line against the needs; a redelivered one is taken once', async () => {
    const { f } = await parkas();
    const amina = await giver(f, 'U1');
    const made = await give(f.needsDeps, amina, '2 parkas 8-10 imzer', 'slack:cmd:1');
    expect(made.ok && made.value).toMatchObject({ duplicate: false, pledge: { quantity: 2 } });
    const again = await give(f.needsDeps, amina, '2 parkas 8-10 imzer', 'slack:cmd:1');
    expect(again.ok && again.value).toMatchObject({ duplicate: true, need: { pledged: 2 } });
    expect(await give(f.needsDeps, amina, 'parkas', null)).toMatchObject({ ok: false, error: { code: 'give.quantity_missing' } });
    expect(await give(f.needsDeps, amina, '2 trottinettes', null)).toMatchObject({ ok: false, error: { code: 'give.unknown_item' } });
  });

  it('the giver cancels their own gift, not someone else’s, and the units are missing again', async () => {
    const { f, needId } = await parkas();
    const amina = await giver(f, 'U1');
    const made = await giveToNeed(f.needsDeps, amina, needId, 3, null);
    const id = made.ok ? made.value.pledge.id : 0;
    expect(await cancelGift(f.needsDeps, (await giver(f, 'U2')).personId, id)).toEqual({ ok: false, error: { code: 'gift.not_found', id } });
    const cancelled = await cancelGift(f.needsDeps, amina.personId, id);
    expect(cancelled.ok && cancelled.value.need.pledged).toBe(0);
    expect(await cancelGift(f.needsDeps, amina.personId, id)).toEqual({ ok: false, error: { code: 'gift.already_cancelled', id } });
    const mine = await myGifts(f.needsDeps, amina.personId);
    expect(mine.ok && mine.value.gifts.map((g) => g.pledge.status)).toEqual(['cancelled']);
  });

  it('after the campaign nobody gives any more', async () => {
    const { f, needId } = await parkas();
    f.clock.set(new Date('2026-12-20T11:00:00Z'));
    expect(await giveToNeed(f.needsDeps, await giver(f, 'U1'), needId, 1, null)).toEqual({ ok: false, error: { code: 'campaign.ended' } });
  });
});

describe('HR’s needs', () => {
  it('only HR adds sites and needs from chat; a site name is unique whatever its accents', async () => {
    const { f } = await parkas();
    // Someone else never gets an HrActor: the form refuses them and nothing is stored.
    const someone = await actorFor(f.deps, { platform: 'slack', tenantId: HOME_WORKSPACE, userId: 'UOTHER' });
    expect(await requireHr(someone)).toBeNull();
    expect(await needForm(f.deps, someone)).toEqual(message('error', [someone.c.common.notAdmin]));
    const values = { site: 'Tizi', place: '', item: 'pulls', size: '', quantity: '3', unitPrice: '' };
    expect(await submitNeedForm(f.deps, someone, values)).toEqual({ kind: 'errors', errors: { site: someone.c.common.notAdmin } });
    const hr = await f.hr();
    expect((await addSite(f.needsDeps, hr, { name: 'Tizi', place: null, beneficiaries: null, contact: null })).ok).toBe(true);
    expect(await addSite(f.needsDeps, hr, { name: '  IMZER ', place: null, beneficiaries: null, contact: null })).toMatchObject({
      ok: false,
      error: { code: 'site.exists' },
    });
    const overview = await needsOverview(f.needsDeps);
    expect(overview.ok && overview.value.sites.map((s) => [s.site.name, s.needs.length])).toEqual([
      ['Imzèr', 1],
      ['Tizi', 0],
    ]);
  });

  it('never lowers a need below what is already pledged', async () => {
    const { f, needId } = await parkas();
    await giveToNeed(f.needsDeps, await giver(f, 'U1'), needId, 4, null);
    expect(await addNeed(f.needsDeps, cli, { site: 'Imzèr', item: 'parkas', size: '8-10', quantity: '3', unitPrice: '' })).toEqual({
      ok: false,
      error: { code: 'need.below_pledged', pledged: 4 },
    });
    const raised = await addNeed(f.needsDeps, cli, { site: 'Imzèr', item: 'parkas', size: '8-10', quantity: '10', unitPrice: '' });
    expect(raised.ok && [raised.value.created, raised.value.need.quantity, raised.value.need.pledged]).toEqual([false, 10, 4]);
  });
});
