import { describe, expect, it } from 'vitest';
import { checkSignedPath, signPath } from '../../../src/shared/signed-links.js';

const secret = 'k'.repeat(43);
const now = new Date('2026-12-26T10:00:00Z');
const parse = (q: string) => Object.fromEntries(new URLSearchParams(q)) as { exp: string; sig: string };

describe('signed links', () => {
  it('open the signed path until they expire', () => {
    const q = parse(signPath(secret, '/files/export.csv', new Date(now.getTime() + 15 * 60_000)));
    expect(checkSignedPath(secret, '/files/export.csv', q.exp, q.sig, now)).toBe('ok');
    expect(checkSignedPath(secret, '/files/export.csv', q.exp, q.sig, new Date(now.getTime() + 16 * 60_000))).toBe('expired');
  });
  it('refuse another path, a moved expiry, another key or a missing signature', () => {
    const q = parse(signPath(secret, '/files/a', new Date(now.getTime() + 60_000)));
    expect(checkSignedPath(secret, '/files/b', q.exp, q.sig, now)).toBe('invalid');
    expect(checkSignedPath(secret, '/files/a', String(Number(q.exp) + 3600), q.sig, now)).toBe('invalid');
    expect(checkSignedPath('other', '/files/a', q.exp, q.sig, now)).toBe('invalid');
    expect(checkSignedPath(secret, '/files/a', q.exp, undefined, now)).toBe('invalid');
    expect(checkSignedPath(secret, '/files/a', ['1'], q.sig, now)).toBe('invalid');
  });
});
