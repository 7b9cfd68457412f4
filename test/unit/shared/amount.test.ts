import { describe, expect, it } from 'vitest';
import { checkPledgeRange, parseAmount } from '../../../src/shared/amount.js';
import { minor } from '../../../src/shared/money.js';

const accepted: Array<[string, number]> = [
  ['1500', 150000],
  ['1 500', 150000],
  ['1.500', 150000],
  ['1,500', 150000],
  ['1500,50', 150050],
  ['1500.50', 150050],
  ['1500,5', 150050],
  ['1500.5', 150050],
  ['1500 MAD', 150000],
  ['1500MAD', 150000],
  ['1500 mad', 150000],
  ['1500dh', 150000],
  ['1500 dh', 150000],
  ['1500DH', 150000],
  ['1 500 DH', 150000],
  ['1500 dhs', 150000],
  ['1500Dhs', 150000],
  ['1 500,50 MAD', 150050],
  ['150.000,00', 15000000],
  ['150 000', 15000000],
  ['150000', 15000000],
  ['1,500.50', 150050],
  ['1.500,50', 150050],
  ['1.500.000', 150000000],
  ['1,500,000', 150000000],
  ['1 500 000', 150000000],
  ['12,5', 1250],
  ['0,50', 50],
  ['500', 50000],
  ['  500  ', 50000],
  ['+500', 50000],
  ['MAD 500', 50000],
  ['١٥٠٠', 150000],
  ['١٬٥٠٠', 150000],
  ['١٥٠٠٫٥٠', 150050],
  ['٥٠٠ درهم', 50000],
  ['۵۰۰', 50000],
  ['1\u00a0500', 150000],
  ['1\u202f500,50', 150050],
  ['007', 700],
  ['1500 dirhams', 150000],
];

const refused: Array<[string, string]> = [
  ['', 'amount.missing'],
  ['   ', 'amount.missing'],
  ['abc', 'amount.invalid'],
  ['cinq cents', 'amount.invalid'],
  ['0', 'amount.zero'],
  ['0,00', 'amount.zero'],
  ['-500', 'amount.negative'],
  ['- 500', 'amount.negative'],
  ['−500', 'amount.negative'],
  ['1500,505', 'amount.invalid'],
  ['1500.123', 'amount.invalid'],
  ['1,50,000', 'amount.invalid'],
  ['1 50', 'amount.invalid'],
  ['15 00', 'amount.invalid'],
  ['1.5.0', 'amount.invalid'],
  ['1.500,5.0', 'amount.invalid'],
  ['1e5', 'amount.invalid'],
  ['0x10', 'amount.invalid'],
  ['Infinity', 'amount.invalid'],
  ['NaN', 'amount.invalid'],
  ['12,345,67', 'amount.invalid'],
  ['1500,', 'amount.invalid'],
  [',50', 'amount.invalid'],
  ['1500 EUR', 'amount.invalid'],
  ['99999999999999999999', 'amount.too_long'],
  ['500$', 'amount.invalid'],
];

describe('parseAmount', () => {
  it.each(accepted)('reads %j as %i centimes', (text, expected) => {
    expect(parseAmount(text)).toEqual({ ok: true, value: expected });
  });

  it.each(refused)('refuses %j with %s', (text, code) => {
    const result = parseAmount(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe(code);
  });

  it('has at least 40 accepted and refused cases between them', () => {
    expect(accepted.length + refused.length).toBeGreaterThanOrEqual(40);
  });
});

describe('checkPledgeRange', () => {
  const limits = { min: minor(100), max: minor(10_000_000), currency: 'MAD' };
  it('accepts the minimum and the maximum themselves', () => {
    expect(checkPledgeRange(minor(100), limits, 'MAD').ok).toBe(true);
    expect(checkPledgeRange(minor(10_000_000), limits, 'MAD').ok).toBe(true);
  });
  it('refuses less than 1 MAD and says the minimum', () => {
    expect(checkPledgeRange(minor(50), limits, 'EUR')).toEqual({ ok: false, error: { code: 'amount.too_small', min: 100, currency: 'EUR' } });
  });
  it('refuses more than the maximum and says it', () => {
    expect(checkPledgeRange(minor(10_000_001), limits, 'MAD')).toEqual({ ok: false, error: { code: 'amount.too_large', max: 10_000_000, currency: 'MAD' } });
  });
});
