import { describe, expect, it } from 'vitest';
import { checkAnnouncement, parseAnnounceArgs } from '../../../src/announcements/announcements.service.js';
import { zonedTime } from '../../../src/announcements/schedule.js';

describe('announcement times', () => {
  it('reads a wall-clock time in the campaign time zone', () => {
    expect(zonedTime('2026-12-01', '09:00', 'Africa/Casablanca')?.toISOString()).toBe('2026-12-01T08:00:00.000Z');
    expect(zonedTime('2026-07-01', '9h30', 'Europe/Paris')?.toISOString()).toBe('2026-07-01T07:30:00.000Z');
    expect(zonedTime('2026-01-15', '23:59', 'UTC')?.toISOString()).toBe('2026-01-15T23:59:00.000Z');
    expect(zonedTime('2026-02-30', '09:00', 'UTC')).toBeNull();
    expect(zonedTime('2026-02-01', '25:00', 'UTC')).toBeNull();
  });

  it('parses `at DAY TIME`, `+volunteers` and the text, in either order; anything else is the text itself', () => {
    expect(parseAnnounceArgs('à 2026-12-01 09:00 Départ !', 'Africa/Casablanca')).toEqual({
      ok: true,
      value: { text: 'Départ !', sendAt: new Date('2026-12-01T08:00:00Z'), alsoVolunteers: false },
    });
    expect(parseAnnounceArgs('at the station at 8', 'UTC')).toEqual({ ok: true, value: { text: 'at the station at 8', sendAt: null, alsoVolunteers: false } });
    expect(parseAnnounceArgs('+bénévoles at 2026-12-01 9:00 Départ\nà 8 h', 'UTC')).toEqual({
      ok: true,
      value: { text: 'Départ\nà 8 h', sendAt: new Date('2026-12-01T09:00:00Z'), alsoVolunteers: true },
    });
    expect(parseAnnounceArgs('at 2026-12-01 9:00 +volunteers Go', 'UTC')).toMatchObject({ ok: true, value: { text: 'Go', alsoVolunteers: true } });
    expect(parseAnnounceArgs('+volunteers', 'UTC')).toMatchObject({ ok: false, error: { code: 'announce.empty' } });
    expect(parseAnnounceArgs('at 2026-12-01 9:00', 'UTC')).toMatchObject({ ok: false, error: { code: 'announce.empty' } });
    expect(parseAnnounceArgs('at 2026-12-01 noon Texte', 'UTC')).toMatchObject({ ok: false, error: { code: 'announce.bad_time' } });
    expect(parseAnnounceArgs('   ', 'UTC')).toMatchObject({ ok: false, error: { code: 'announce.empty' } });
  });

  it('refuses a past time, one too far ahead, and a text too long', () => {
    const now = new Date('2026-11-27T10:00:00Z');
    expect(checkAnnouncement('x', new Date('2026-11-27T09:59:00Z'), now)).toMatchObject({ ok: false, error: { code: 'announce.in_past' } });
    expect(checkAnnouncement('x', new Date('2027-03-01T00:00:00Z'), now)).toMatchObject({ ok: false, error: { code: 'announce.too_far' } });
    expect(checkAnnouncement('x'.repeat(2001), null, now)).toMatchObject({ ok: false, error: { code: 'announce.too_long' } });
    expect(checkAnnouncement('  Bonjour ', null, now)).toEqual({ ok: true, value: { text: 'Bonjour', sendAt: null } });
  });
});
