import { describe, expect, it } from 'vitest';
import { normalizePhone, phoneHint } from '../../../src/volunteers/phone.js';

describe('normalizePhone', () => {
  it.each([
    ['0612345678', '+212612345678'],
    ['06 12 34 56 78', '+212612345678'],
    ['07.12.34.56.78', '+212712345678'],
    ['05-22-12-34-56', '+212522123456'],
    ['+212 6 12 34 56 78', '+212612345678'],
    ['+212 (0)6 12 34 56 78', '+212612345678'],
    ['00212612345678', '+212612345678'],
    ['00 212 7 12 34 56 78', '+212712345678'],
    ['٠٦١٢٣٤٥٦٧٨', '+212612345678'],
    ['+33 6 12 34 56 78', '+33612345678'],
    ['0033 6 12 34 56 78', '+33612345678'],
    ['+1 (415) 555-0134', '+14155550134'],
  ])('reads %j as %s', (typed, e164) => {
    expect(normalizePhone(typed)).toEqual({ ok: true, value: e164 });
  });

  it.each([
    ['', 'phone.missing'],
    ['   ', 'phone.missing'],
    ['0812345678', 'phone.invalid'],
    ['061234567', 'phone.not_international'],
    ['06123456789', 'phone.not_international'],
    ['+212 8 12 34 56 78', 'phone.invalid'],
    ['+212 6 12 34 56', 'phone.invalid'],
    ['612345678', 'phone.not_international'],
    ['01 23 45 67 89 (France)', 'phone.invalid'],
    ['+0 123 456 789', 'phone.invalid'],
    ['+12', 'phone.invalid'],
    ['call me', 'phone.invalid'],
    ['1'.repeat(41), 'phone.invalid'],
  ])('refuses %j with %s', (typed, code) => {
    expect(normalizePhone(typed)).toMatchObject({ ok: false, error: { code } });
  });

  it('shows only the last two digits as a hint', () => {
    expect(phoneHint('+212612345678')).toBe('78');
    expect(phoneHint(null)).toBeNull();
  });
});
