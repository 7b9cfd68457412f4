/** Refusals about photos and the notice that replaces HR's review card agree with how many photos, in French and English. */
import { describe, expect, it } from 'vitest';
import { checkConsent, checkReview, checkWithdraw, type PhotoBatch } from '../../../src/photos/photo.js';
import { photoErrorText } from '../../../src/photos/texts.js';
import { t } from '../../../src/shared/i18n/index.js';
import { batchOf } from '../../support/photo-batches.js';

/** What the person reads when `decide` refuses them. */
function refusal(locale: 'fr' | 'en', decide: () => ReturnType<typeof checkConsent | typeof checkReview | typeof checkWithdraw>): string {
  const result = decide();
  if (result.ok) throw new Error('not refused');
  return photoErrorText(t(locale), result.error);
}

const one = batchOf([1]);
const several = batchOf([1, 2, 3]);
const gone = (b: PhotoBatch): PhotoBatch => ({ ...b, photos: b.photos.map((ph) => ({ ...ph, withdrawnAt: new Date() })) });

describe('photo refusals, one photo and several', () => {
  it('in French', () => {
    expect(refusal('fr', () => checkConsent(one, 'p2'))).toBe('Cette photo n’est pas la vôtre.');
    expect(refusal('fr', () => checkConsent(several, 'p2'))).toBe('Ces photos ne sont pas les vôtres.');
    expect(refusal('fr', () => checkConsent(one, 'p1'))).toBe('Vous avez déjà confirmé cette photo.');
    expect(refusal('fr', () => checkConsent(several, 'p1'))).toBe('Vous avez déjà confirmé ces photos.');
    expect(refusal('fr', () => checkReview({ ...one, status: 'awaiting_consent' }))).toBe('Cette photo attend encore la confirmation de son auteur.');
    expect(refusal('fr', () => checkReview({ ...several, status: 'awaiting_consent' }))).toBe('Ces photos attendent encore la confirmation de leur auteur.');
    expect(refusal('fr', () => checkReview({ ...one, status: 'approved' }))).toBe('Cette photo a déjà été traitée par l’équipe RH.');
    expect(refusal('fr', () => checkReview({ ...several, status: 'rejected' }))).toBe('Ces photos ont déjà été traitées par l’équipe RH.');
    expect(refusal('fr', () => checkReview(gone({ ...one, status: 'discarded' })))).toBe('Cette photo a été supprimée.');
    expect(refusal('fr', () => checkReview(gone({ ...several, status: 'discarded' })))).toBe('Ces photos ont été supprimées.');
    expect(refusal('fr', () => checkWithdraw(one, gone(one).photos, 'p1', false))).toBe('Cette photo a déjà été retirée.');
    expect(refusal('fr', () => checkWithdraw(several, gone(several).photos, 'p1', false))).toBe('Ces photos ont déjà été retirées.');
    const c = t('fr');
    expect([photoErrorText(c, { code: 'photo.not_found', count: 1 }), photoErrorText(c, { code: 'photo.not_found', count: null })]).toEqual([
      'Je ne trouve pas cette photo.',
      'Je ne trouve pas cet envoi.',
    ]);
    expect([c.photos.removedCard(1), c.photos.removedCard(3)]).toEqual(['Cette photo a été retirée.', 'Ces photos ont été retirées.']);
  });

  it('in English', () => {
    expect(refusal('en', () => checkConsent(one, 'p2'))).toBe('This photo is not yours.');
    expect(refusal('en', () => checkConsent(several, 'p2'))).toBe('These photos are not yours.');
    expect(refusal('en', () => checkConsent(one, 'p1'))).toBe('You already confirmed this photo.');
    expect(refusal('en', () => checkConsent(several, 'p1'))).toBe('You already confirmed these photos.');
    expect(refusal('en', () => checkReview({ ...one, status: 'awaiting_consent' }))).toBe('This photo still waits for its author’s confirmation.');
    expect(refusal('en', () => checkReview({ ...several, status: 'awaiting_consent' }))).toBe('These photos still wait for their author’s confirmation.');
    expect(refusal('en', () => checkReview({ ...one, status: 'approved' }))).toBe('The HR team has already dealt with this photo.');
    expect(refusal('en', () => checkReview({ ...several, status: 'rejected' }))).toBe('The HR team has already dealt with these photos.');
    expect(refusal('en', () => checkReview(gone({ ...one, status: 'discarded' })))).toBe('This photo was deleted.');
    expect(refusal('en', () => checkReview(gone({ ...several, status: 'discarded' })))).toBe('These photos were deleted.');
    expect(refusal('en', () => checkWithdraw(one, gone(one).photos, 'p1', false))).toBe('This photo was already withdrawn.');
    expect(refusal('en', () => checkWithdraw(several, gone(several).photos, 'p1', false))).toBe('These photos were already withdrawn.');
    const c = t('en');
    expect([photoErrorText(c, { code: 'photo.not_found', count: 1 }), photoErrorText(c, { code: 'photo.not_found', count: null })]).toEqual([
      'I cannot find this photo.',
      'I cannot find this upload.',
    ]);
    expect([c.photos.removedCard(1), c.photos.removedCard(3)]).toEqual(['This photo was removed.', 'These photos were removed.']);
  });

  it('a batch with one photo left of several is spoken of as one photo', () => {
    const left = { ...several, photos: several.photos.map((ph) => (ph.id === 1 ? ph : { ...ph, withdrawnAt: new Date() })) };
    expect(refusal('en', () => checkConsent(left, 'p2'))).toBe('This photo is not yours.');
  });
});
