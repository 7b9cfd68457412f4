/**
 * The strict fake connector's rules, one defect class each with the value that triggered it, and
 * every Teams card the bot draws, for a French- and an English-speaking person, passing them all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { albumCard, consentCard, reviewCard } from '../../adapters/teams/photos/cards.js';
import { freshCard, noticeCard, pledgeCard } from '../../adapters/teams/render.js';
import { EMPTY_SIGNUP, freshState, tripCard, volunteerCard } from '../../adapters/teams/volunteer-cards.js';
import { message } from '../../src/chat/reply.js';
import type { PhotoBatch } from '../../src/photos/photo.js';
import { t, type Catalogue } from '../../src/shared/i18n/index.js';
import type { TripFormValues } from '../../src/volunteers/trip-form.js';
import { cardViolations } from '../support/adaptive-cards.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import { takeViolations } from '../support/teams-conformance.js';

const card = (body: unknown[], extra: Record<string, unknown> = {}) => ({ type: 'AdaptiveCard', version: '1.5', body, ...extra });

describe('what the strict fake connector refuses, naming the rule and the value', () => {
  it('an Input.Number whose value is a string ("2": the renderer shows an empty Seats field)', () => {
    const found = cardViolations(card([{ type: 'Input.Number', id: 'seats', label: 'Places', value: '2' }]));
    expect(found.join('\n')).toMatch(/AC 1\.5 schema: \/body\/0\/value must be number \(value "2"\)/);
  });

  it('an Input.Toggle without wrap (the rules cut off after "…sécurité, consign…")', () => {
    const title = 'J’accepte les règles du voyage : horaires, sécurité, consignes de l’équipe.';
    const found = cardViolations(card([{ type: 'Input.Toggle', id: 'rules', title }]));
    expect(found).toEqual([`Teams: Input.Toggle at /body/0 has no wrap: true, its title is cut off (title "${title}")`]);
  });

  it('a required input without errorMessage (red borders and no explanation)', () => {
    const found = cardViolations(card([{ type: 'Input.Text', id: 'phone', label: 'Téléphone', isRequired: true }]));
    expect(found).toContain('Teams: required Input.Text "phone" at /body/0 has no errorMessage');
    expect(found).toContain('adaptivecards SDK (validate): Required inputs should have an error message');
  });

  it('a raw URL printed as text', () => {
    const found = cardViolations(card([{ type: 'TextBlock', text: 'Toutes les photos : https://caravane.example.com/album/1?exp=1&sig=x' }]));
    expect(found.join('\n')).toContain('raw URL printed in a TextBlock at /body/0');
  });

  it('an element Teams does not know, and a duplicate input id (Microsoft’s SDK)', () => {
    const found = cardViolations(card([{ type: 'Marquee' }, { type: 'Input.Text', id: 'a' }, { type: 'Input.Text', id: 'a' }]));
    expect(found.join('\n')).toContain('Unknown element type "Marquee"');
    expect(found.join('\n')).toContain('Duplicate Id "a"');
  });
});

describe('the fake connector answers a broken card 400, like the Connector', () => {
  let connector: FakeConnector;
  beforeAll(async () => {
    connector = await startFakeConnector();
  });
  afterAll(() => connector.close());

  it('records the violation (the shared afterEach would fail the test) and refuses the activity', async () => {
    const res = await fetch(`${connector.url}v3/conversations/a:1/activities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card([{ type: 'Input.Number', id: 'seats', value: '2' }]) }],
      }),
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('BadArgument');
    expect(takeViolations().join('\n')).toContain('/body/0/value must be number (value "2")');
  });
});

const BATCH: PhotoBatch = {
  id: 7,
  campaignId: '00000000-0000-4000-8000-000000000001',
  uploader: { personId: 'p', platform: 'teams', tenantId: 'tenant', userId: 'u' },
  locale: 'fr',
  caption: 'Imlil sous la neige',
  place: 'Imlil',
  status: 'in_review',
  createdAt: new Date(),
  consentedAt: new Date(),
  reviewedAt: null,
  reviewedBy: null,
  rejectReason: null,
  photos: [1, 2].map((id) => ({
    id,
    batchId: 7,
    position: id,
    webKey: 'w',
    thumbKey: 't',
    width: 10,
    height: 10,
    webBytes: 1,
    thumbBytes: 1,
    withdrawnAt: null,
    postedAt: null,
  })),
};
const TRIP: TripFormValues = {
  name: 'Imlil',
  from: '2026-12-12',
  to: '2026-12-13',
  seats: '2',
  roles: 'Chauffeur:1',
  meeting: '',
  meetingTime: '',
  deadline: '',
};
const PIXEL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

function everyCard(c: Catalogue) {
  return {
    pledge: pledgeCard(c, { intro: c.form.title, currency: 'MAD' }, freshCard()),
    signup: volunteerCard(
      c,
      {
        kind: 'form',
        form: 'volunteer',
        intro: 'Azilal',
        privacy: c.volunteers.form.notesLabel,
        several: false,
        groups: [{ label: 'Azilal', options: [{ label: 'Chauffeur', value: '1:Chauffeur' }] }],
      },
      freshState(EMPTY_SIGNUP),
    ),
    trip: tripCard(c, { kind: 'form', form: 'trip', intro: 'Imlil', tripId: 3, values: TRIP }, freshState(TRIP)),
    consent: consentCard(c, BATCH, message('ok', [c.photos.consentTitle(2)])),
    review: reviewCard(c, BATCH, 'Amina', [{ id: 1, dataUri: PIXEL }]),
    notice: noticeCard(message('ok', [c.photos.consentTitle(2)])),
    album: albumCard(message('info', ['• Imlil (n° 1)', c.photos.albumGallery('https://caravane.example.com/album/x?exp=1&sig=y')]), [
      { thumbnail: 'https://caravane.example.com/photos/1/thumb.jpg?sig=a', full: 'https://caravane.example.com/photos/1/web.jpg?sig=a', alt: 'n° 1' },
    ]),
  };
}

type Json = Record<string, unknown>;
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter((b): b is Json => typeof b === 'object' && b !== null) : []);
const inputs = (c: Json): Json[] => list(c.body).filter((b) => String(b.type).startsWith('Input.'));

describe.each([
  ['fr', 'Indiquez un numéro de téléphone.', 'Toutes les photos'],
  ['en', 'Please give a phone number.', 'All the photos'],
] as const)('every Teams card for a person speaking %s', (locale, phoneMissing, galleryButton) => {
  const c = t(locale);
  const cards = everyCard(c);

  it.each(Object.entries(cards))('%s: nothing Teams would refuse or show broken', (_name, drawn) => {
    expect(cardViolations(drawn)).toEqual([]);
  });

  it('required inputs explain themselves in the person’s language; seats are a number; the rules wrap', () => {
    const phone = inputs(cards.signup).find((i) => i.id === 'phone');
    expect(phone?.errorMessage).toBe(phoneMissing);
    expect(inputs(cards.signup).find((i) => i.id === 'rules')).toMatchObject({ wrap: true, errorMessage: c.volunteers.errors['rules.required'] });
    expect(inputs(cards.trip).find((i) => i.id === 'seats')).toMatchObject({ value: 2, errorMessage: c.volunteers.trip.errors['trip.bad_seats'](500) });
  });

  it('the album: one ImageSet of thumbnails, the gallery as a button in the person’s language', () => {
    expect(list(cards.album.body).map((b) => b.type)).toEqual(['TextBlock', 'ImageSet']);
    expect(cards.album.actions).toEqual([{ type: 'Action.OpenUrl', title: galleryButton, url: 'https://caravane.example.com/album/x?exp=1&sig=y' }]);
  });
});

describe('what a person typed stays text in a card', () => {
  it('a caption `*Imlil* _2026_` and an uploader `[Amina](https://x.test)` are escaped on HR’s review card', () => {
    const c = t('en');
    const review = reviewCard(c, { ...BATCH, caption: '*Imlil* _2026_', place: '1. Imlil' }, '[Amina](https://x.test)', [{ id: 1, dataUri: PIXEL }]);
    const texts = list(review.body).map((b) => String(b.text ?? ''));
    expect(texts).toContain('Caption: \\*Imlil\\* \\_2026\\_');
    expect(texts.some((x) => x.includes('\\[Amina\\](https:\u2060//x.test)'))).toBe(true);
    expect(texts.join('\n')).not.toContain('**Imlil**');
  });

  it('a caption with backticks shows them as typed, and a card’s fallback text names the command in plain words', () => {
    const c = t('fr');
    const review = reviewCard(c, { ...BATCH, caption: 'a `b` c', place: '1. Imlil' }, 'Amina', [{ id: 1, dataUri: PIXEL }]);
    expect(list(review.body).map((b) => String(b.text ?? ''))).toContain('Légende : a \\`b\\` c');
    expect(pledgeCard(c, { intro: c.form.title, currency: 'MAD' }, freshCard()).fallbackText).toBe(
      'Votre version de Teams ne peut pas afficher ce formulaire. Tapez par exemple pledge 500.',
    );
  });

  it('a notice whose headline has its own icon gets no second one', () => {
    const notice = noticeCard({ kind: 'message', tone: 'info', headline: '📣 Annonce', lines: ['x'] });
    expect(list(notice.body)[0]?.text).toBe('📣 Annonce');
  });
});
