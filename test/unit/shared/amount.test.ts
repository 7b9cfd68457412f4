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

describe('parseAmount in the campaign’s currency', () => {
  const inCurrency: Array<[string, string, number]> = [
    ['500 €', 'EUR', 50000],
    ['500€', 'EUR', 50000],
    ['€500', 'EUR', 50000],
    ['€ 500', 'EUR', 50000],
    ['500 EUR', 'EUR', 50000],
    ['500eur', 'EUR', 50000],
    ['EUR 500', 'EUR', 50000],
    ['500 euros', 'EUR', 50000],
    ['1 euro', 'EUR', 100],
    ['500 Euros', 'EUR', 50000],
    ['1 500,50 €', 'EUR', 150050],
    ['1.500,50 €', 'EUR', 150050],
    ['€1,500.50', 'EUR', 150050],
    ['500', 'EUR', 50000],
    ['500 $', 'USD', 50000],
    ['$500', 'USD', 50000],
    ['US$500', 'USD', 50000],
    ['500 US$', 'USD', 50000],
    ['500 usd', 'USD', 50000],
    ['500 dollars', 'USD', 50000],
    ['1 dollar', 'USD', 100],
    ['£500', 'GBP', 50000],
    ['500 £', 'GBP', 50000],
    ['500 pounds', 'GBP', 50000],
    ['500 GBP', 'GBP', 50000],
    ['500 MAD', 'MAD', 50000],
    ['MAD500', 'MAD', 50000],
    ['500 dhs', 'MAD', 50000],
    ['dh 500', 'MAD', 50000],
    ['500 dirhams', 'MAD', 50000],
    ['٥٠٠ درهم', 'MAD', 50000],
    ['500 CHF', 'CHF', 50000],
    ['chf 500', 'CHF', 50000],
    ['500 chf', 'CHF', 50000],
    ['500 €uros', 'EUR', 50000],
    ['500 $US', 'USD', 50000],
    ['500 US $', 'USD', 50000],
    ['500 US$', 'USD', 50000],
    ['٥٠٠ دولار', 'USD', 50000],
    ['500 CA$', 'CAD', 50000],
    ['500 ¥', 'JPY', 50000],
  ];

  it.each(inCurrency)('reads %j in a campaign counted in %s as %i', (text, currency, expected) => {
    expect(parseAmount(text, currency)).toEqual({ ok: true, value: expected });
  });

  const otherCurrency: Array<[string, string, string]> = [
    ['500 €', 'MAD', 'EUR'],
    ['€500', 'MAD', 'EUR'],
    ['500 euros', 'MAD', 'EUR'],
    ['500 EUR', 'MAD', 'EUR'],
    ['$500', 'MAD', 'USD'],
    ['500 US$', 'EUR', 'USD'],
    ['£500', 'EUR', 'GBP'],
    ['500 MAD', 'EUR', 'MAD'],
    ['500 dh', 'EUR', 'MAD'],
    ['500 dirhams', 'EUR', 'MAD'],
    ['500 CHF', 'EUR', 'CHF'],
    ['500 €', 'CHF', 'EUR'],
    ['500 $US', 'MAD', 'USD'],
    ['500 US $', 'MAD', 'USD'],
    ['500 CA$', 'MAD', 'CAD'],
    ['500 ¥', 'MAD', 'JPY'],
    ['500 yen', 'MAD', 'JPY'],
    ['500 ₹', 'MAD', 'INR'],
    ['٥٠٠ دولار', 'MAD', 'USD'],
    ['500 €uros', 'MAD', 'EUR'],
    ['500 ALL', 'MAD', 'ALL'],
    ['500 all', 'EUR', 'ALL'],
    ['-€500', 'MAD', 'EUR'],
  ];

  it.each(otherCurrency)('refuses %j in a campaign counted in %s, naming it as %s, never reading it as the campaign’s', (text, currency, written) => {
    expect(parseAmount(text, currency)).toEqual({ ok: false, error: { code: 'amount.other_currency', written } });
  });

  it.each([
    ['500 abc', 'EUR'],
    ['500 cents', 'EUR'],
    ['€500€', 'EUR'],
    ['€', 'EUR'],
    ['500 € 50', 'EUR'],
  ])('still refuses %j as unreadable in a campaign counted in %s', (text, currency) => {
    const result = parseAmount(text, currency);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('amount.invalid');
  });

  it.each([
    ['500 ₿', '₿'],
    ['500 rupees', 'rupees'],
    ['500 francs', 'francs'],
  ])('refuses %j, a currency it cannot name, as another currency rather than ignoring it', (text, written) => {
    expect(parseAmount(text, 'MAD')).toEqual({ ok: false, error: { code: 'amount.other_currency', written } });
  });

  it.each([
    ['-€500', 'EUR'],
    ['-500 €', 'EUR'],
    ['€-500', 'EUR'],
    ['-US$500', 'USD'],
  ])('refuses %j in a campaign counted in %s as less than zero, not as unreadable', (text, currency) => {
    expect(parseAmount(text, currency)).toEqual({ ok: false, error: { code: 'amount.negative' } });
  });

  it('without a campaign’s currency, reads dirhams and nothing else, as before', () => {
    expect(parseAmount('500 dhs')).toEqual({ ok: true, value: 50000 });
    expect(parseAmount('500 €')).toEqual({ ok: false, error: { code: 'amount.invalid' } });
  });
});
