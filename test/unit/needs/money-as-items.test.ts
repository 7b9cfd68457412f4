import { describe, expect, it } from 'vitest';
import { moneyAsItems, type Need } from '../../../src/needs/need.js';
import { minor } from '../../../src/shared/money.js';

const need = (id: number, quantity: number, pledged: number, price: number | null): Need => ({
  id,
  siteId: 1,
  siteName: 'Imzer',
  itemKey: 'parka',
  itemLabel: 'parka',
  size: null,
  quantity,
  unitPriceMinor: price === null ? null : minor(price),
  pledged,
  received: 0,
});

describe('money shown as items', () => {
  it('counts the money in the priced need that is still shortest, rounding down', () => {
    const shown = moneyAsItems(minor(15_100_000), [need(1, 50, 10, 75_000), need(2, 200, 0, null), need(3, 80, 5, 50_000)]);
    expect(shown?.need.id).toBe(3); // 75 missing, priced; the unpriced need (200 missing) cannot be counted
    expect(shown?.count).toBe(302); // 151 000 MAD / 500 MAD
  });
  it('says nothing without a unit price, or once every priced need is covered', () => {
    expect(moneyAsItems(minor(100_000), [need(1, 10, 0, null)])).toBeNull();
    expect(moneyAsItems(minor(100_000), [need(1, 10, 10, 5_000)])).toBeNull();
  });
});
