/**
 * Slack writes "(optional)" after the label of an optional input itself, in the person's language;
 * Adaptive Cards write nothing. So the catalogue's labels are plain, Slack marks the inputs
 * `optional: true`, and Teams cards add "(facultatif)" / "(optional)" to the same inputs.
 */
import type { ModalView } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { announceComposeModal } from '../../../adapters/slack/announce-modal.js';
import { goalModal } from '../../../adapters/slack/forms/goal-modal.js';
import { needModal } from '../../../adapters/slack/needs/need-modal.js';
import { consentPrompt, rejectModal } from '../../../adapters/slack/photos/blocks.js';
import { pledgeModal } from '../../../adapters/slack/render.js';
import { tripModal, volunteerModal } from '../../../adapters/slack/volunteers/modals.js';
import { goalCard } from '../../../adapters/teams/forms/goal-card.js';
import { needCard } from '../../../adapters/teams/needs/need-card.js';
import { consentCard, reviewCard } from '../../../adapters/teams/photos/cards.js';
import { pledgeCard, freshCard } from '../../../adapters/teams/render.js';
import { tripCard, volunteerCard } from '../../../adapters/teams/volunteer-cards.js';
import type { Actor } from '../../../src/chat/actor.js';
import { message } from '../../../src/chat/reply.js';
import { t } from '../../../src/shared/i18n/index.js';
import { EMPTY_TRIP_FORM } from '../../../src/volunteers/trip-form.js';
import { checkMessage, checkView } from '../../support/block-kit-rules.js';
import { batchOf } from '../../support/photo-batches.js';

const LOCALES = ['fr', 'en'] as const;
const SAYS_OPTIONAL = /optional|facultati/i;

type Json = Record<string, unknown>;
const inputs = (blocks: unknown): Json[] => (Array.isArray(blocks) ? (blocks as Json[]).filter((b) => b.type === 'input') : []);
const label = (b: Json) => String((b.label as Json).text);

const batch = batchOf([]);

function slackViews(locale: 'fr' | 'en'): Array<{ name: string; blocks: unknown; view?: ModalView }> {
  const c = t(locale);
  const actor = { c, locale } as unknown as Actor;
  const meta = { channel: null, locale };
  const modals: Array<[string, ModalView]> = [
    ['pledge', pledgeModal(c, { kind: 'form', form: 'pledge', intro: 'i', currency: 'EUR' }, meta)],
    ['need', needModal(actor, { kind: 'form', form: 'need', intro: 'i', sites: [], currency: 'EUR' })],
    ['goal', goalModal(actor, { kind: 'form', form: 'goal', intro: 'i', currency: 'EUR', values: { goal: '100', endsOn: '2026-12-31' } }, null)],
    [
      'volunteer',
      volunteerModal(
        c,
        { kind: 'form', form: 'volunteer', intro: 'i', privacy: 'p', several: false, groups: [{ label: 'g', options: [{ value: '1:*', label: 'o' }] }] },
        meta,
      ),
    ],
    ['trip', tripModal(c, { kind: 'form', form: 'trip', intro: 'i', tripId: null, values: EMPTY_TRIP_FORM }, meta)],
    ['announce', announceComposeModal(c, 'i', { locale })],
    ['reject', rejectModal(c, { batchId: 7, channel: null, ts: null, locale })],
  ];
  return [
    ...modals.map(([name, view]) => ({ name, blocks: view.blocks, view })),
    { name: 'consent', blocks: consentPrompt(c, batch, message('ok', ['x'])).blocks },
  ];
}

describe('labels of optional inputs', () => {
  it.each(LOCALES)('on Slack (%s), say nothing of being optional: Slack adds "(optional)" itself', (locale) => {
    for (const { name, blocks, view } of slackViews(locale)) {
      const optional = inputs(blocks).filter((b) => b.optional === true);
      expect(optional.length, name).toBeGreaterThan(0);
      for (const b of optional) expect(label(b), `${name}: ${label(b)}`).not.toMatch(SAYS_OPTIONAL);
      expect(view ? checkView(view) : checkMessage({ text: 'x', blocks }), name).toEqual([]);
    }
  });

  it('on Slack, the fields people may leave empty are exactly the optional ones', () => {
    const optional = Object.fromEntries(
      slackViews('fr').map(({ name, blocks }) => [
        name,
        inputs(blocks)
          .filter((b) => b.optional === true)
          .map((b) => b.block_id),
      ]),
    );
    expect(optional).toMatchObject({
      pledge: ['anonymous', 'note'],
      need: ['place', 'size', 'unitPrice'],
      goal: ['endsOn'],
      reject: ['photos.reason'],
      consent: ['photos.caption', 'photos.place'],
    });
    expect(optional['volunteer']).toHaveLength(1);
    expect(optional['trip']).toHaveLength(4);
  });

  it('on Teams, the same inputs carry "(facultatif)" / "(optional)" in the person’s language', () => {
    const fr = t('fr');
    const en = t('en');
    const labels = (card: Json) => (card.body as Json[]).filter((b) => String(b.type).startsWith('Input.')).map((b) => String(b.label));
    const pledge = (c: typeof fr) => labels(pledgeCard(c, { intro: 'i', currency: 'EUR' }, freshCard()));
    expect(pledge(fr)).toEqual(['Montant (EUR)', 'Confidentialité', 'Un mot (facultatif)']);
    expect(pledge(en)).toEqual(['Amount (EUR)', 'Privacy', 'A note (optional)']);
    const state = { token: 'tttttttt', values: {}, errors: {} };
    expect(labels(needCard(fr, { kind: 'form', form: 'need', intro: 'i', sites: [], currency: 'EUR' }, state))).toEqual([
      'Site (douar, école, association)',
      'Commune, province (nouveau site) (facultatif)',
      'Article',
      'Taille (8-10, 10-12 ans, 32…) (facultatif)',
      'Quantité demandée',
      'Prix unitaire (EUR) (facultatif)',
    ]);
    expect(labels(goalCard(en, { kind: 'form', form: 'goal', intro: 'i', currency: 'EUR', values: { goal: '1', endsOn: '' } }, state))).toEqual([
      'Goal (EUR)',
      'Last day (optional)',
    ]);
    expect(labels(consentCard(fr, batch, message('ok', ['x'])))).toEqual(['Légende (facultatif)', 'Village ou lieu (facultatif)']);
    expect(labels(reviewCard(en, batch, null, []))).toEqual(['Reason for rejecting (sent to the person) (optional)']);
    const tripLabels = labels(
      tripCard(
        fr,
        { kind: 'form', form: 'trip', intro: 'i', tripId: null, values: EMPTY_TRIP_FORM },
        { token: 'tttttttt', values: EMPTY_TRIP_FORM, errors: {} },
      ),
    );
    expect(tripLabels.filter((l) => l.endsWith(' (facultatif)'))).toHaveLength(4);
    const signup = { choice: '', phone: '', emergencyName: '', emergencyPhone: '', notes: '', rules: false };
    const form = { kind: 'form' as const, form: 'volunteer' as const, intro: 'i', privacy: 'p', several: false, groups: [] };
    expect(labels(volunteerCard(en, form, { token: 'tttttttt', values: signup, errors: {} })).filter((l) => l.endsWith(' (optional)'))).toEqual([
      'Notes: diet, health (optional)',
    ]);
  });
});
