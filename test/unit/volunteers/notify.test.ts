import { describe, expect, it } from 'vitest';
import { spans } from '../../../src/chat/text.js';
import { t } from '../../../src/shared/i18n/index.js';
import { reminderMessage, seatNewsMessage, type SeatNews } from '../../../src/volunteers/notify.js';
import type { Signup } from '../../../src/volunteers/signup.js';
import type { Trip } from '../../../src/volunteers/trip.js';

/** What HR typed for the trip: its name, a role and the meeting point, each with markup in it. */
const trip: Trip = {
  id: 1,
  campaignId: 'c',
  name: 'Imlil *2026*',
  startsOn: '2026-12-12',
  endsOn: '2026-12-14',
  seats: 5,
  roles: [{ key: 'chauffeur', name: '_Chauffeur_', seats: 2, confirmed: 0 }],
  meetingPoint: 'Parking <!here>',
  meetingTime: '07:30',
  deadline: null,
  confirmed: 0,
  openConfirmed: 0,
  waitlisted: 0,
  purgedAt: null,
};

const signup: Signup = {
  id: 7,
  tripId: 1,
  personId: 'p',
  roleKey: 'chauffeur',
  status: 'confirmed',
  source: 'slack',
  idempotencyKey: null,
  changes: 1,
  createdAt: new Date('2026-12-01T10:00:00Z'),
};

/** The texts a person typed, as the renderers will read them: person spans only. */
const typed = (lines: string[]) => lines.flatMap((l) => spans(l).flatMap((s) => (s.kind === 'person' ? [s.text] : [])));

describe('direct messages about a seat', () => {
  it.each<SeatNews>(['promoted', 'confirmedByHr', 'waitlistedByHr', 'removedByHr'])('%s: the trip name HR typed is person text', (news) => {
    const { lines } = seatNewsMessage(t('fr'), trip, signup, news, 2);
    expect(typed(lines)).toContain('Imlil *2026*');
  });

  it('the role and the meeting point HR typed are person text too', () => {
    const { lines } = seatNewsMessage(t('en'), trip, signup, 'confirmedByHr', null);
    expect(typed(lines)).toEqual(expect.arrayContaining(['_Chauffeur_', 'Parking <!here>']));
    expect(typed(reminderMessage(t('fr'), trip, signup, 1).lines)).toEqual(['Imlil *2026*', '_Chauffeur_', 'Parking <!here>']);
  });

  it('"anywhere useful" reads as part of the sentence: lowercase, about the person, in French and English', () => {
    const anywhere = { ...signup, roleKey: null };
    const first = (m: { lines: string[] }) => m.lines[0] ?? '';
    expect(first(reminderMessage(t('fr'), trip, anywhere, 1))).toMatch(/, rôle : là où vous serez utile\.$/);
    expect(first(seatNewsMessage(t('fr'), trip, anywhere, 'promoted', null))).toMatch(/, rôle : là où vous serez utile\.$/);
    expect(first(seatNewsMessage(t('en'), trip, anywhere, 'confirmedByHr', null))).toMatch(/, role: wherever you are useful\.$/);
    expect(first(reminderMessage(t('en'), trip, signup, 1))).toMatch(/, role: .*Chauffeur.*\.$/);
    for (const m of [reminderMessage(t('fr'), trip, anywhere, 1), seatNewsMessage(t('en'), trip, anywhere, 'promoted', null)])
      expect(first(m)).not.toMatch(/Là où je serai utile|Wherever I am useful/);
  });
});
