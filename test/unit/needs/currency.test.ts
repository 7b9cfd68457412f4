/**
 * HR's other amounts follow the campaign's currency as pledges do: a need's unit price (form, command,
 * CSV import) and the payments file matched against the pledges.
 */
import { describe, expect, it } from 'vitest';
import { createCampaign } from '../../../src/campaigns/campaigns.service.js';
import { previewPayments } from '../../../src/dashboard/payments.js';
import type { Site } from '../../../src/needs/need.js';
import { checkNeed } from '../../../src/needs/rows.js';
import { makePledge } from '../../../src/pledges/pledges.service.js';
import { minor } from '../../../src/shared/money.js';
import { pledgesFixture } from '../../support/fakes/pledges.js';

const IMLIL: Site = { id: 1, campaignId: 'c1', name: 'Imlil', place: null, beneficiaries: null, contact: null };
const priceOf = (unitPrice: string, currency: string) => {
  const checked = checkNeed({ site: 'Imlil', item: 'parkas', size: '', quantity: '10', unitPrice }, [IMLIL], currency);
  return checked.ok ? checked.value.unitPriceMinor : checked.error.code;
};

describe("a need's unit price", () => {
  it("is read in the campaign's currency, and refused in another", () => {
    expect(priceOf('12 €', 'EUR')).toBe(1200);
    expect(priceOf('€12,50', 'EUR')).toBe(1250);
    expect(priceOf('12 dh', 'EUR')).toBe('need.bad_price');
    expect(priceOf('120 dh', 'MAD')).toBe(12000);
    expect(priceOf('120', 'MAD')).toBe(12000);
    expect(priceOf('12 €', 'MAD')).toBe('need.bad_price');
  });
});

describe('the payments file', () => {
  it("matches amounts written in the campaign's currency, and never reads another currency as it", async () => {
    const f = await pledgesFixture({ campaign: false });
    const created = await createCampaign(f.deps, {
      name: 'Caravane',
      currency: 'EUR',
      goalMinor: minor(2_000_000),
      startsOn: '2026-11-15',
      endsOn: '2026-12-15',
    });
    if (!created.ok) throw new Error(created.error.code);
    const who = await f.person('U1');
    const made = await makePledge(f.deps, { personId: who.id, amount: '500', anonymous: false, note: null, source: 'slack', idempotencyKey: null });
    if (!made.ok) throw new Error(made.error.code);
    const id = made.value.pledge.id;
    const preview = await previewPayments(f.deps, created.value, `pledge,amount\n${id},500 €\n${id},500 dh\n`);
    expect(preview.ok && preview.value.map((l) => l.kind)).toEqual(['match', 'unreadable']);
  });
});
