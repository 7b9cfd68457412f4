import { getCountries, getExampleNumber } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
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
    expect(normalizePhone(typed)).toMatchObject({ ok: false, error: code });
  });

  // Where volunteers' families and colleagues call from: each country by its own rules, digits included.
  it.each([
    ['France, fixed line', '+33 1 42 68 53 00', '+33142685300'],
    ['Spain, mobile', '+34 612 34 56 78', '+34612345678'],
    ['Belgium, mobile', '+32 470 12 34 56', '+32470123456'],
    ['United Kingdom, London', '+44 (0)20 7946 0958', '+442079460958'],
    ['United Kingdom, mobile dialled with 00', '00 44 7911 123456', '+447911123456'],
    ['Germany, Berlin (short number)', '+49 30 901820', '+4930901820'],
    ['Germany, mobile', '+49 1512 3456789', '+4915123456789'],
    ['Netherlands, mobile', '+31 6 12345678', '+31612345678'],
    ['Italy, mobile', '+39 312 345 6789', '+393123456789'],
    ['Algeria, mobile', '+213 551 23 45 67', '+213551234567'],
    ['Tunisia, mobile', '+216 20 123 456', '+21620123456'],
    ['Senegal, mobile', '+221 77 123 45 67', '+221771234567'],
    ['Türkiye, mobile', '+90 532 123 45 67', '+905321234567'],
    ['United Arab Emirates, mobile', '+971 50 123 4567', '+971501234567'],
    ['Brazil, São Paulo mobile', '+55 11 91234 5678', '+5511912345678'],
    ['United States, New York', '+1 212 555 0100', '+12125550100'],
    ['Morocco, fixed line', '+212 5 22 12 34 56', '+212522123456'],
  ])('%s: reads %j as %s', (_country, typed, e164) => {
    expect(normalizePhone(typed)).toEqual({ ok: true, value: e164 });
  });

  it.each([
    ['France, a digit short', '+33 6 12 34 56'],
    ['Spain, no number starts with 0', '+34 012 34 56 78'],
    ['Belgium, too short', '+32 470 12 34'],
    ['United Kingdom, a digit short', '+44 20 7946 095'],
    ['United States, no area code starts with 1', '+1 123 555 0100'],
    ['Tunisia, a digit short', '+216 20 123 45'],
    ['no such country code', '+999 1234 5678'],
  ])('%s: refuses %j', (_country, typed) => {
    expect(normalizePhone(typed)).toEqual({ ok: false, error: 'phone.invalid' });
  });

  it('accepts a mobile number of every country, written the international way or dialled from Morocco with 00', () => {
    const countries = getCountries();
    expect(countries.length).toBeGreaterThan(200);
    for (const country of countries) {
      const example = getExampleNumber(country, examples);
      if (!example) continue;
      expect(normalizePhone(example.formatInternational()), country).toEqual({ ok: true, value: example.number });
      expect(normalizePhone(example.number.replace(/^\+/, '00')), country).toEqual({ ok: true, value: example.number });
    }
  });

  it('shows only the last two digits as a hint', () => {
    expect(phoneHint('+212612345678')).toBe('78');
    expect(phoneHint(null)).toBeNull();
  });
});
