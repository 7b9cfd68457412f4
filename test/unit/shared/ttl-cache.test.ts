import { describe, expect, it } from 'vitest';
import { TtlCache } from '../../../src/shared/ttl-cache.js';

describe('TtlCache', () => {
  it('forgets an entry after its time and the oldest one past its size', () => {
    let now = 0;
    const cache = new TtlCache<number>(1000, 2, () => now);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('c')).toBe(3);
    now = 1001;
    expect(cache.get('b')).toBeUndefined();
  });

  it('tells how old a kept entry is, and nothing once it expired', () => {
    let now = 0;
    const cache = new TtlCache<number>(1000, 2, () => now);
    expect(cache.age('a')).toBeUndefined();
    cache.set('a', 1);
    now = 400;
    expect(cache.age('a')).toBe(400);
    now = 1001;
    expect(cache.age('a')).toBeUndefined();
  });
});
