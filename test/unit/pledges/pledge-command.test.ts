import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../../src/shared/amount.js';
import { checkNote, decideCancel, decideCollect, parsePledgeCommand, type Pledge } from '../../../src/pledges/pledge.js';
import { minor } from '../../../src/shared/money.js';

describe('parsePledgeCommand', () => {
  it.each([
    ['', { kind: 'form' }],
    ['list', { kind: 'list' }],
    ['mes', { kind: 'list' }],
    ['aide', { kind: 'help' }],
    ['cancel 12', { kind: 'cancel', number: 12 }],
    ['annuler #7', { kind: 'cancel', number: 7 }],
    ['annuler', { kind: 'cancel', number: null }],
    ['cancel douze', { kind: 'cancel', number: null }],
    ['500', { kind: 'pledge', amountText: '500', anonymous: false, note: null }],
    ['1 500,50 MAD', { kind: 'pledge', amountText: '1 500,50 MAD', anonymous: false, note: null }],
    ['1500dh anonyme', { kind: 'pledge', amountText: '1500dh', anonymous: true, note: null }],
    ['500 anonymous for the kids', { kind: 'pledge', amountText: '500', anonymous: true, note: 'for the kids' }],
    ['500 pour les enfants d’Imlil', { kind: 'pledge', amountText: '500', anonymous: false, note: 'pour les enfants d’Imlil' }],
    ['1 500 DH anonyme merci', { kind: 'pledge', amountText: '1 500 DH', anonymous: true, note: 'merci' }],
    ['abc', { kind: 'pledge', amountText: 'abc', anonymous: false, note: null }],
    ['500 € pour Imlil', { kind: 'pledge', amountText: '500 €', anonymous: false, note: 'pour Imlil' }],
    ['500€ anonyme', { kind: 'pledge', amountText: '500€', anonymous: true, note: null }],
    ['€500 merci', { kind: 'pledge', amountText: '€500', anonymous: false, note: 'merci' }],
    ['€1 500,50', { kind: 'pledge', amountText: '€1 500,50', anonymous: false, note: null }],
    ['€ 500', { kind: 'pledge', amountText: '€ 500', anonymous: false, note: null }],
    ['EUR 500 for the kids', { kind: 'pledge', amountText: 'EUR 500', anonymous: false, note: 'for the kids' }],
    ['500 euros anonymous', { kind: 'pledge', amountText: '500 euros', anonymous: true, note: null }],
    ['500 eur', { kind: 'pledge', amountText: '500 eur', anonymous: false, note: null }],
    ['US$500', { kind: 'pledge', amountText: 'US$500', anonymous: false, note: null }],
    ['500 $ thanks', { kind: 'pledge', amountText: '500 $', anonymous: false, note: 'thanks' }],
    ['£500', { kind: 'pledge', amountText: '£500', anonymous: false, note: null }],
    ['500 CHF', { kind: 'pledge', amountText: '500 CHF', anonymous: false, note: null }],
    ['500 all my love', { kind: 'pledge', amountText: '500', anonymous: false, note: 'all my love' }],
    ['1500dh', { kind: 'pledge', amountText: '1500dh', anonymous: false, note: null }],
    ['500 €, pour Imlil', { kind: 'pledge', amountText: '500 €', anonymous: false, note: 'pour Imlil' }],
    ['500 euros. Merci', { kind: 'pledge', amountText: '500 euros', anonymous: false, note: 'Merci' }],
    ['500 €.', { kind: 'pledge', amountText: '500 €', anonymous: false, note: null }],
    ['500€, merci', { kind: 'pledge', amountText: '500€', anonymous: false, note: 'merci' }],
    ['500, merci', { kind: 'pledge', amountText: '500', anonymous: false, note: 'merci' }],
    ['1 500. Bon courage', { kind: 'pledge', amountText: '1 500', anonymous: false, note: 'Bon courage' }],
    ['250,50.', { kind: 'pledge', amountText: '250,50', anonymous: false, note: null }],
    ['1.500, pour Imlil', { kind: 'pledge', amountText: '1.500', anonymous: false, note: 'pour Imlil' }],
    ['500 EUR, anonyme', { kind: 'pledge', amountText: '500 EUR', anonymous: true, note: null }],
    ['500 US $ thanks', { kind: 'pledge', amountText: '500 US $', anonymous: false, note: 'thanks' }],
    ['500 SOS Villages d’Enfants', { kind: 'pledge', amountText: '500', anonymous: false, note: 'SOS Villages d’Enfants' }],
    ['500 ALL for the kids', { kind: 'pledge', amountText: '500', anonymous: false, note: 'ALL for the kids' }],
    ['500 CHF.', { kind: 'pledge', amountText: '500 CHF', anonymous: false, note: null }],
    ['500 chf', { kind: 'pledge', amountText: '500 chf', anonymous: false, note: null }],
    ['500CHF merci', { kind: 'pledge', amountText: '500CHF', anonymous: false, note: 'merci' }],
    ['CHF500 merci', { kind: 'pledge', amountText: 'CHF500', anonymous: false, note: 'merci' }],
    ['-€500', { kind: 'pledge', amountText: '-€500', anonymous: false, note: null }],
  ] as const)('understands %j', (text, expected) => {
    expect(parsePledgeCommand(text)).toEqual(expected);
  });
});

describe('a currency mark beside the number is part of the amount, never of the note', () => {
  const read = (text: string, currency: string) => {
    const command = parsePledgeCommand(text);
    if (command.kind !== 'pledge') throw new Error(command.kind);
    return { amount: parseAmount(command.amountText, currency), note: command.note };
  };

  it.each([
    ['500 €, pour Imlil', 'EUR'],
    ['500 $US', 'USD'],
    ['500 euros. Merci', 'EUR'],
    ['500 €.', 'EUR'],
    ['500 EUR,', 'EUR'],
    ['500 dollars!', 'USD'],
    ['500 USD.', 'USD'],
    ['500 US $', 'USD'],
    ['500 CA$', 'CAD'],
    ['500 ¥', 'JPY'],
    ['500 yen', 'JPY'],
    ['500 ₹', 'INR'],
    ['٥٠٠ دولار', 'USD'],
    ['500 €uros', 'EUR'],
    ['€500, merci', 'EUR'],
    ['500 CHF', 'CHF'],
    ['500 CHF!', 'CHF'],
    ['500CHF', 'CHF'],
  ])('%j is refused in a campaign counted in dirhams, as %s', (text, written) => {
    expect(read(text, 'MAD').amount).toEqual({ ok: false, error: { code: 'amount.other_currency', written } });
  });

  it.each([
    ['500 €, pour Imlil', 'EUR', 'pour Imlil'],
    ['500 euros. Merci', 'EUR', 'Merci'],
    ['500 dollars!', 'USD', null],
    ['500 $US', 'USD', null],
    ['500 US $, merci', 'USD', 'merci'],
    ['500 chf', 'CHF', null],
  ])('%j is 500 in a campaign counted in %s, the punctuation after the mark left out', (text, currency, note) => {
    expect(read(text, currency)).toEqual({ amount: { ok: true, value: 50000 }, note });
  });

  it.each(['SOS', 'ALL', 'TOP', 'BOB', 'PEN', 'CUP', 'TRY', 'GEL', 'MOP'])('an ordinary word that is also a code (%s) starts the note', (word) => {
    expect(read(`500 ${word} for the kids`, 'MAD')).toEqual({ amount: { ok: true, value: 50000 }, note: `${word} for the kids` });
  });

  it('a code as the last word is the amount’s currency: /pledge 500 CHF', () => {
    expect(read('500 CHF', 'CHF')).toEqual({ amount: { ok: true, value: 50000 }, note: null });
    expect(read('500 ALL', 'MAD').amount).toEqual({ ok: false, error: { code: 'amount.other_currency', written: 'ALL' } });
  });

  it('-€500 is refused as less than zero', () => {
    expect(read('-€500', 'EUR').amount).toEqual({ ok: false, error: { code: 'amount.negative' } });
  });
});

describe('notes', () => {
  it('keeps up to 280 characters and refuses more', () => {
    expect(checkNote('x'.repeat(280))).toEqual({ ok: true, value: 'x'.repeat(280) });
    expect(checkNote('x'.repeat(281)).ok).toBe(false);
    expect(checkNote('   ')).toEqual({ ok: true, value: null });
  });
});

describe('pledge transitions', () => {
  const pledge = (status: Pledge['status']): Pledge => ({
    id: 1,
    campaignId: 'c',
    personId: 'p',
    amountMinor: minor(100),
    anonymous: false,
    note: null,
    status,
    source: 'slack',
    createdAt: new Date(),
  });
  it('lets the author cancel an open pledge, not someone else', () => {
    expect(decideCancel(pledge('pledged'), 'p')).toEqual({ ok: true, value: 'cancelled' });
    expect(decideCancel(pledge('pledged'), 'q')).toMatchObject({ ok: false, error: { code: 'pledge.not_yours' } });
  });
  it('keeps a collected pledge: its author can no longer cancel it', () => {
    expect(decideCancel(pledge('collected'), 'p')).toMatchObject({ ok: false, error: { code: 'pledge.already_collected' } });
  });
  it('collects only open pledges', () => {
    expect(decideCollect(pledge('pledged'))).toEqual({ ok: true, value: 'collected' });
    expect(decideCollect(pledge('cancelled'))).toMatchObject({ ok: false, error: { code: 'pledge.already_cancelled' } });
    expect(decideCollect(pledge('collected'))).toMatchObject({ ok: false, error: { code: 'pledge.already_collected' } });
  });
});
