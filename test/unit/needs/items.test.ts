import { describe, expect, it } from 'vitest';
import { matchItem, normalizeSize, splitGive } from '../../../src/needs/items.js';
import { resolveGive, type Need } from '../../../src/needs/need.js';

describe('item words', () => {
  it.each([
    ['parka', 'parka'],
    ['parkas', 'parka'],
    ['Anoraks', 'parka'],
    ['doudounes', 'parka'],
    ['bottes', 'boots'],
    ['boots', 'boots'],
    ['paires de bottes', 'boots'],
    ['pulls', 'pullover'],
    ['pullovers', 'pullover'],
    ['sweaters', 'pullover'],
    ['couvertures', 'blanket'],
    ['blankets', 'blanket'],
    ['ballons de football', 'football'],
    ['ballon de foot', 'football'],
    ['footballs', 'football'],
    ['ballon de basket', 'basketball'],
    ['basketballs', 'basketball'],
    ['fauteuils roulants', 'wheelchair'],
    ['Fauteuil Roulant', 'wheelchair'],
    ['wheelchairs', 'wheelchair'],
    ['écharpes', 'scarf'],
    ['echarpe', 'scarf'],
    ['survêtements', 'tracksuit'],
    ['manteaux', 'parka'],
  ])('%s → %s', (text, key) => {
    expect(matchItem(text)).toEqual({ kind: 'item', key });
  });

  it('calls a word two items share ambiguous, and an unknown word unknown', () => {
    expect(matchItem('ballons')).toEqual({ kind: 'ambiguous', keys: ['basketball', 'football'] });
    expect(matchItem('frigo')).toEqual({ kind: 'unknown' });
    expect(matchItem('')).toEqual({ kind: 'unknown' });
  });
});

describe('sizes', () => {
  it.each([
    ['8-10', '8-10'],
    ['8 - 10', '8-10'],
    ['8/10', '8-10'],
    ['8 à 10 ans', '8-10'],
    ['10-12 ans', '10-12'],
    ['4-6', '4-6'],
    ['32', '32'],
    ['T38', '38'],
    ['p32', '32'],
    ['xl', 'XL'],
  ])('%s → %s', (text, size) => {
    expect(normalizeSize(text)).toBe(size);
  });

  it.each(['10-8', 'abc', '7', ''])('%s is not a size', (text) => {
    expect(normalizeSize(text)).toBeNull();
  });
});

describe('a /give line', () => {
  it.each([
    ['3 parkas 8-10 Imzer', 3, '8-10', ['parkas', 'imzer']],
    ['3 parkas Imzer 8 - 10 ans', 3, '8-10', ['parkas', 'imzer']],
    ['une couverture', 1, null, ['couverture']],
    ['2 bottes T32', 2, '32', ['bottes']],
    ['2 pulls taille L', 2, 'L', ['pulls']],
    ['parkas', null, null, ['parkas']],
  ])('%s', (text, quantity, size, rest) => {
    expect(splitGive(text)).toEqual({ quantity, size, rest });
  });
});

const need = (id: number, siteName: string, itemKey: string, size: string | null, quantity: number, pledged = 0): Need => ({
  id,
  siteId: siteName === 'Imzer' ? 1 : siteName === 'Bab Berred' ? 2 : 3,
  siteName,
  itemKey,
  itemLabel: itemKey,
  size,
  quantity,
  unitPriceMinor: null,
  pledged,
  received: 0,
});

describe('which need a /give line means', () => {
  const needs = [
    need(1, 'Imzer', 'parka', '8-10', 50),
    need(2, 'Imzer', 'parka', '10-12', 50),
    need(3, 'Bab Berred', 'blanket', null, 40),
    need(4, 'Imzer', 'blanket', null, 30, 25),
    need(5, 'Bab Berred', 'football', null, 5),
    need(6, 'Bab Berred', 'basketball', null, 5),
  ];

  it('finds the need from item, size and site written anyhow', () => {
    expect(resolveGive('3 parkas 8-10 Imzer', needs)).toMatchObject({ kind: 'need', need: { id: 1 }, quantity: 3, mostNeeded: false });
    expect(resolveGive('2 anoraks imzèr 10/12', needs)).toMatchObject({ kind: 'need', need: { id: 2 }, quantity: 2 });
    expect(resolveGive('1 couverture bab berred', needs)).toMatchObject({ kind: 'need', need: { id: 3 } });
  });

  it('without a site, picks where the item is most missing and says so', () => {
    expect(resolveGive('2 couvertures', needs)).toMatchObject({ kind: 'need', need: { id: 3 }, mostNeeded: true });
  });

  it('never guesses: a missing size or a shared word lists the candidates', () => {
    const noSize = resolveGive('3 parkas Imzer', needs);
    expect(noSize.kind).toBe('ambiguous');
    expect(noSize.kind === 'ambiguous' && noSize.candidates.map((n) => n.id).sort()).toEqual([1, 2]);
    const ball = resolveGive('1 ballon', needs);
    expect(ball.kind === 'ambiguous' && ball.candidates.map((n) => n.id).sort()).toEqual([5, 6]);
  });

  it('reports unknown items, items not needed, and quantities', () => {
    expect(resolveGive('2 frigos Imzer', needs)).toMatchObject({ kind: 'unknown_item' });
    expect(resolveGive('2 fauteuils roulants', needs)).toMatchObject({ kind: 'not_needed', itemKey: 'wheelchair' });
    expect(resolveGive('parkas 8-10', needs)).toEqual({ kind: 'quantity_missing' });
    expect(resolveGive('0 parka 8-10', needs)).toEqual({ kind: 'bad_quantity' });
  });
});
