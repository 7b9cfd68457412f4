import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCampaign } from '../../src/campaigns/campaigns.service.js';
import type { Campaign } from '../../src/campaigns/campaign.js';
import type { CoreServices } from '../../adapters/main.js';
import { cancelPledge, collectPledge, makePledge, makePledgeAs, myPledges } from '../../src/pledges/pledges.service.js';
import { pledgesCsv } from '../../src/pledges/export.js';
import { ManualClock } from '../../src/shared/clock.js';
import { minor } from '../../src/shared/money.js';
import type { Identity } from '../../src/ports.js';
import { sql } from 'kysely';
import { testDatabase, type TestDatabase } from '../support/db.js';
import { coreDeps } from '../support/volunteers.js';
import { createStores } from '../../db/stores.js';

let db: TestDatabase;
let deps: CoreServices;
let campaign: Campaign;
const clock = new ManualClock(new Date('2026-11-27T11:00:00Z'));

beforeAll(async () => {
  db = await testDatabase();
  deps = coreDeps(db, clock);
  const created = await createCampaign(deps, {
    name: 'Caravane 2026',
    currency: 'MAD',
    goalMinor: minor(15_000_000),
    startsOn: '2026-11-15',
    endsOn: '2026-12-15',
  });
  if (!created.ok) throw new Error(created.error.code);
  campaign = created.value;
});
afterAll(async () => db?.drop());
beforeEach(() => clock.set(new Date('2026-11-27T11:00:00Z')));

const person = (userId: string) => deps.people.resolve({ platform: 'slack', tenantId: 'T1', userId, displayName: userId });
const pledge = async (personId: string, amount: string, key: string | null = null) => {
  const r = await makePledge(deps, { personId, amount, anonymous: false, note: null, source: 'slack', idempotencyKey: key });
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
};

describe(`pledges on ${process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite'}`, () => {
  it('keeps totals, donors and counts right through pledge, cancel and collect', async () => {
    const before = await deps.campaigns.totals(campaign.id);
    const amina = await person('UAMINA');
    const youssef = await person('UYOUSSEF');
    const a1 = await pledge(amina.id, '500');
    await pledge(amina.id, '250,50');
    const y1 = await pledge(youssef.id, '1 000');
    let totals = await deps.campaigns.totals(campaign.id);
    expect(totals.pledgedMinor - before.pledgedMinor).toBe(50000 + 25050 + 100000);
    expect(totals.donors - before.donors).toBe(2);
    expect(totals.pledges - before.pledges).toBe(3);

    expect((await cancelPledge(deps, amina.id, a1.pledge.id)).ok).toBe(true);
    totals = await deps.campaigns.totals(campaign.id);
    expect(totals.pledgedMinor - before.pledgedMinor).toBe(25050 + 100000);
    expect(totals.donors - before.donors).toBe(2);

    expect((await collectPledge(deps, { console: true }, y1.pledge.id)).ok).toBe(true);
    totals = await deps.campaigns.totals(campaign.id);
    expect(totals.collectedMinor - before.collectedMinor).toBe(100000);
    expect(await cancelPledge(deps, youssef.id, y1.pledge.id)).toMatchObject({ ok: false, error: { code: 'pledge.already_collected' } });
  });

  it('drops a donor only when their last open pledge is cancelled', async () => {
    const sara = await person('USARA');
    const before = await deps.campaigns.totals(campaign.id);
    const p = await pledge(sara.id, '100');
    expect((await deps.campaigns.totals(campaign.id)).donors).toBe(before.donors + 1);
    await cancelPledge(deps, sara.id, p.pledge.id);
    expect(await deps.campaigns.totals(campaign.id)).toEqual(before);
  });

  it('never lets someone cancel another person’s pledge, and says "not found"', async () => {
    const owner = await person('UOWNER');
    const other = await person('UOTHER');
    const p = await pledge(owner.id, '300');
    expect(await cancelPledge(deps, other.id, p.pledge.id)).toMatchObject({ ok: false, error: { code: 'pledge.not_found' } });
    expect((await deps.pledges.get(p.pledge.id))?.status).toBe('pledged');
  });

  it('records one pledge for one idempotency key, however often it is replayed', async () => {
    const who = await person('UREPLAY');
    const first = await pledge(who.id, '700', 'slack:view:V1');
    const again = await pledge(who.id, '700', 'slack:view:V1');
    expect(again.duplicate).toBe(true);
    expect(again.pledge.id).toBe(first.pledge.id);
    expect((await myPledges(deps, who.id)).ok && (await deps.pledges.listByPerson(campaign.id, who.id)).length).toBe(1);
  });

  it('keeps exact totals under 40 concurrent pledges', async () => {
    const before = await deps.campaigns.totals(campaign.id);
    const people = await Promise.all(Array.from({ length: 20 }, (_, i) => person(`UCONC${i}`)));
    await Promise.all(people.flatMap((p) => [pledge(p.id, '10'), pledge(p.id, '15')]));
    const after = await deps.campaigns.totals(campaign.id);
    expect(after.pledgedMinor - before.pledgedMinor).toBe(20 * 2500);
    expect(after.donors - before.donors).toBe(20);
    expect(after.pledges - before.pledges).toBe(40);
  });

  it('refuses pledges outside the window with the dates, and accepts them on the last day in Casablanca', async () => {
    const who = await person('UWINDOW');
    clock.set(new Date('2026-12-15T22:30:00Z')); // 23:30 in Casablanca (UTC+1): still 15 December
    expect((await makePledge(deps, { personId: who.id, amount: '100', anonymous: false, note: null, source: 'slack', idempotencyKey: null })).ok).toBe(true);
    clock.set(new Date('2026-12-15T23:30:00Z')); // 00:30 on 16 December in Casablanca
    const late = await makePledge(deps, { personId: who.id, amount: '100', anonymous: false, note: null, source: 'slack', idempotencyKey: null });
    expect(late).toMatchObject({ ok: false, error: { code: 'campaign.ended', campaign: { startsOn: '2026-11-15', endsOn: '2026-12-15' } } });
  });

  it('exports every pledge as CSV with amounts as decimals', async () => {
    const lines: string[] = [];
    for await (const line of pledgesCsv(deps.pledges, campaign.id, 'Africa/Casablanca')) lines.push(line);
    expect(lines[0]).toBe('id,created_at,campaign,donor,identities,amount,currency,status,anonymous,note\r\n');
    expect(lines.some((l) => l.includes(',250.50,MAD,pledged,'))).toBe(true);
    expect(lines.some((l) => l.includes('slack:UAMINA'))).toBe(true);
  });

  describe('a first pledge, whose statement also finds or creates the person', () => {
    /** Another instance of the bot: its own caches, the same database. */
    const instance = () => ({ ...deps, ...createStores(db.db) });
    const firstPledge = async (d: CoreServices, identity: Identity, amount: string, key: string | null = null) => {
      const r = await makePledgeAs(d, identity, { amount, anonymous: false, note: null, source: identity.platform, idempotencyKey: key });
      if (!r.ok) throw new Error(r.error.code);
      return r.value;
    };
    const peopleWithoutIdentity = async () =>
      Number(
        (await sql<{ n: string }>`select count(*) as n from people p where not exists (select 1 from identities i where i.person_id = p.id)`.execute(db.db))
          .rows[0]?.n,
      );

    it('creates a newcomer with their name and counts them as a donor; the next command finds the same person', async () => {
      const before = await deps.campaigns.totals(campaign.id);
      const nadia: Identity = { platform: 'teams', tenantId: 'tenant-1', userId: 'aad-nadia', displayName: 'Nadia' };
      const made = await firstPledge(instance(), nadia, '320');
      expect(made.person).toMatchObject({ displayName: 'Nadia', locale: null });
      expect(made.totals.pledgedMinor - before.pledgedMinor).toBe(32000);
      expect(made.totals.donors - before.donors).toBe(1);
      expect((await instance().people.resolve(nadia)).id).toBe(made.person.id);
      expect(await deps.pledges.listByPerson(campaign.id, made.person.id)).toHaveLength(1);
    });

    it('finds someone known only to the database, with the language stored for them, and keeps a new name', async () => {
      const omar: Identity = { platform: 'slack', tenantId: 'T1', userId: 'UOMAR' };
      const stored = await instance().people.resolve({ ...omar, displayName: 'Omar', locale: 'en' });
      const made = await firstPledge(instance(), { ...omar, displayName: 'Omar B.' }, '150');
      expect(made.person).toEqual({ id: stored.id, displayName: 'Omar B.', locale: 'en' });
      expect(await instance().people.identities(stored.id)).toEqual([{ ...omar, displayName: 'Omar B.', locale: 'en' }]);
    });

    it('makes one person of a newcomer whose two first pledges arrive at once on two instances, and leaves no stray row', async () => {
      const strays = await peopleWithoutIdentity();
      const lina: Identity = { platform: 'slack', tenantId: 'T1', userId: 'ULINA' };
      const [a, b] = await Promise.all([firstPledge(instance(), lina, '100'), firstPledge(instance(), lina, '200')]);
      expect(a.person.id).toBe(b.person.id);
      expect((await deps.pledges.listByPerson(campaign.id, a.person.id)).map((p) => p.amountMinor).sort()).toEqual([10000, 20000]);
      expect(await peopleWithoutIdentity()).toBe(strays);
    });

    it('records one pledge for one key, replayed on another instance', async () => {
      const karim: Identity = { platform: 'slack', tenantId: 'T1', userId: 'UKARIM' };
      const first = await firstPledge(instance(), karim, '900', 'slack:command:K1');
      const again = await firstPledge(instance(), karim, '900', 'slack:command:K1');
      expect(again).toMatchObject({ duplicate: true, pledge: { id: first.pledge.id }, person: { id: first.person.id } });
    });
  });
});
