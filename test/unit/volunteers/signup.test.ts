import { describe, expect, it } from 'vitest';
import { checkSignupForm, firstFitting, hasSeat, parseChoice, parseVolunteerCommand, type SignupFormValues } from '../../../src/volunteers/signup.js';
import { isOpenForSignup, lastSignupDay, parseRoles, roleKey, validateTrip, type Trip, type TripInput } from '../../../src/volunteers/trip.js';

const trip = (over: Partial<Trip> = {}): Trip => ({
  id: 1,
  campaignId: 'c',
  name: 'Azilal',
  startsOn: '2026-12-12',
  endsOn: '2026-12-14',
  seats: 5,
  roles: [{ key: 'chauffeur', name: 'Chauffeur', seats: 2, confirmed: 0 }],
  meetingPoint: null,
  meetingTime: null,
  deadline: null,
  confirmed: 0,
  openConfirmed: 0,
  waitlisted: 0,
  purgedAt: null,
  ...over,
});

describe('seats', () => {
  it('keeps role seats for that role and the rest for "anywhere useful"', () => {
    const t = trip({ confirmed: 3, openConfirmed: 3 });
    expect(hasSeat(t, null)).toBe(false);
    expect(hasSeat(t, 'chauffeur')).toBe(true);
    expect(hasSeat(trip({ confirmed: 5, openConfirmed: 3, roles: [{ key: 'chauffeur', name: 'Chauffeur', seats: 2, confirmed: 2 }] }), 'chauffeur')).toBe(
      false,
    );
    expect(hasSeat(t, 'cuisine')).toBe(false);
  });

  it('promotes the first waitlisted person who fits, not simply the first', () => {
    const t = trip({ confirmed: 4, openConfirmed: 3, roles: [{ key: 'chauffeur', name: 'Chauffeur', seats: 2, confirmed: 1 }] });
    const line = [
      { id: 10, roleKey: null },
      { id: 11, roleKey: 'chauffeur' },
      { id: 12, roleKey: 'chauffeur' },
    ];
    expect(firstFitting(t, line)?.id).toBe(11);
    expect(firstFitting(t, line, 11)?.id).toBe(12);
  });
});

const good: SignupFormValues = {
  choice: '3:chauffeur',
  phone: '06 12 34 56 78',
  emergencyName: 'Fatima',
  emergencyPhone: '+212 7 11 22 33 44',
  notes: ' végétarien ',
  rules: true,
};

describe('the sign-up form', () => {
  it('normalises a valid form', () => {
    expect(checkSignupForm(good)).toEqual({
      ok: true,
      value: { tripId: 3, roleKey: 'chauffeur', phone: '+212612345678', emergencyName: 'Fatima', emergencyPhone: '+212711223344', notes: 'végétarien' },
    });
    expect(checkSignupForm({ ...good, choice: '3:*', notes: '' })).toMatchObject({ ok: true, value: { roleKey: null, notes: null } });
  });

  it('reports every bad field at once', () => {
    const result = checkSignupForm({ choice: '', phone: '12', emergencyName: ' ', emergencyPhone: '', notes: 'x'.repeat(501), rules: false });
    expect(result).toEqual({
      ok: false,
      fields: {
        choice: 'choice.missing',
        phone: 'phone.not_international',
        emergencyName: 'emergency.name_missing',
        emergencyPhone: 'phone.missing',
        notes: 'notes.too_long',
        rules: 'rules.required',
      },
    });
  });

  it('wants an emergency contact other than oneself and a choice it can read', () => {
    expect(checkSignupForm({ ...good, emergencyPhone: '0612345678' })).toEqual({ ok: false, fields: { emergencyPhone: 'emergency.same_phone' } });
    expect(checkSignupForm({ ...good, choice: 'drop table' })).toEqual({ ok: false, fields: { choice: 'choice.invalid' } });
    expect(parseChoice('12:premiers-secours')).toEqual({ tripId: 12, roleKey: 'premiers-secours' });
  });
});

const input = (over: Partial<TripInput> = {}): TripInput => ({
  name: 'Azilal',
  startsOn: '2026-12-12',
  endsOn: '2026-12-14',
  seats: 10,
  roles: [],
  meetingPoint: null,
  meetingTime: null,
  deadline: null,
  ...over,
});

describe('trips', () => {
  it('reads roles as Name:seats, names with spaces and accents included', () => {
    expect(parseRoles('Chauffeur:2, Premiers secours : 1\nAnimation:4')).toEqual({
      ok: true,
      value: [
        { name: 'Chauffeur', seats: 2 },
        { name: 'Premiers secours', seats: 1 },
        { name: 'Animation', seats: 4 },
      ],
    });
    expect(parseRoles('Chauffeur')).toMatchObject({ ok: false, error: { code: 'trip.bad_role' } });
    expect(roleKey('Premiers Secours')).toBe('premiers-secours');
    expect(roleKey('Éducatrice')).toBe('educatrice');
  });

  it.each([
    [{ name: ' ' }, 'trip.name_missing'],
    [{ startsOn: '2026-02-30' }, 'trip.bad_date'],
    [{ endsOn: '2026-12-11' }, 'trip.ends_before_start'],
    [{ seats: 0 }, 'trip.bad_seats'],
    [
      {
        roles: [
          { name: 'Chauffeur', seats: 6 },
          { name: 'Cuisine', seats: 5 },
        ],
      },
      'trip.roles_exceed_seats',
    ],
    [
      {
        roles: [
          { name: 'Chauffeur', seats: 1 },
          { name: 'chauffeur', seats: 1 },
        ],
      },
      'trip.duplicate_role',
    ],
    [{ meetingTime: '7h30' }, 'trip.bad_time'],
    [{ deadline: '2026-12-12' }, 'trip.deadline_after_start'],
  ] as const)('refuses %j with %s', (over, code) => {
    expect(validateTrip(input(over as Partial<TripInput>))).toMatchObject({ ok: false, error: { code } });
  });

  it('closes sign-ups after the deadline, or the day before departure', () => {
    expect(lastSignupDay({ deadline: null, startsOn: '2026-12-12' })).toBe('2026-12-11');
    expect(isOpenForSignup({ deadline: '2026-12-05', startsOn: '2026-12-12' }, '2026-12-05')).toBe(true);
    expect(isOpenForSignup({ deadline: '2026-12-05', startsOn: '2026-12-12' }, '2026-12-06')).toBe(false);
  });
});

describe('/volunteer words', () => {
  it.each([
    ['', { kind: 'form' }],
    ['status', { kind: 'status' }],
    ['statut', { kind: 'status' }],
    ['cancel', { kind: 'cancel', number: null }],
    ['annuler 12', { kind: 'cancel', number: 12 }],
    ['annuler #12', { kind: 'cancel', number: 12 }],
    ['cancel douze', { kind: 'cancel_usage' }],
    ['aide', { kind: 'help' }],
  ] as const)('understands %j', (text, expected) => {
    expect(parseVolunteerCommand(text)).toEqual(expected);
  });
});
