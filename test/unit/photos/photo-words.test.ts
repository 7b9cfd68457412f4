/** One photo or several: every notice about photos agrees with how many there are, in French and English. */
import { describe, expect, it } from 'vitest';
import { consentPrompt, reviewMessage } from '../../../adapters/slack/photos/blocks.js';
import { reviewCard } from '../../../adapters/teams/photos/cards.js';
import { message } from '../../../src/chat/reply.js';
import { t } from '../../../src/shared/i18n/index.js';
import { batchOf } from '../../support/photo-batches.js';

const fr = t('fr').photos;
const en = t('en').photos;

describe('photo notices, one photo and several', () => {
  it('in French', () => {
    expect(fr.consented('#1', 1)).toBe('Merci ! Votre photo #1 est transmise à l’équipe RH pour validation.');
    expect(fr.consented('#1, #2', 2)).toBe('Merci ! Vos photos #1, #2 sont transmises à l’équipe RH pour validation.');
    expect(fr.consentedNoHr(1)).toContain('elles verront votre photo avec');
    expect(fr.discarded('#1', 1)).toBe('C’est fait : la photo #1 est supprimée.');
    expect(fr.reviewFrom('Amina', 1)).toMatch(/^Envoyée par Amina,/);
    expect(fr.reviewFrom('Amina', 2)).toMatch(/^Envoyées par Amina,/);
    expect(fr.youApproved('#1', 1)).toBe('Vous avez validé la photo #1. Elle partira avec le prochain album.');
    expect(fr.youRejected('#1', 1)).toBe('Vous avez refusé la photo #1 ; elle est supprimée.');
    expect(fr.toUploaderApproved('#1', 1)).toBe(
      'Bonne nouvelle : l’équipe RH a validé votre photo #1. Elle paraîtra dans le prochain album. Vous pouvez la retirer à tout moment.',
    );
    expect(fr.toUploaderRejected('#1', 1)).toBe('L’équipe RH n’a pas retenu votre photo #1 ; elle est supprimée.');
    expect(fr.withdrawn('#1', 1)).toMatch(/^Photo #1 retirée : elle ne paraîtra plus/);
    expect(fr.withdrawnByHr('#1', 1)).toBe('L’équipe RH a retiré votre photo #1.');
    expect([fr.statusOne.approved, fr.status.approved, fr.statusOne.withdrawn, fr.status.withdrawn]).toEqual(['validée', 'validées', 'retirée', 'retirées']);
    expect([fr.consentTitle(1), fr.privateUntil(1), fr.consentStatement(1), fr.discardButton(1)].join(' ')).not.toMatch(/\bces photos\b|\bles voie\b/);
  });

  it('in English', () => {
    expect(en.consented('#1', 1)).toBe('Thank you! Your photo #1 has gone to the HR team for approval.');
    expect(en.consented('#1, #2', 2)).toBe('Thank you! Your photos #1, #2 have gone to the HR team for approval.');
    expect(en.consentedNoHr(1)).toContain('they will see your photo with');
    expect(en.discarded('#1', 1)).toBe('Done: photo #1 is deleted.');
    expect(en.youApproved('#1', 1)).toBe('You approved photo #1. It will go out with the next album.');
    expect(en.youRejected('#1', 1)).toBe('You rejected photo #1; it is deleted.');
    expect(en.toUploaderApproved('#1', 1)).toBe(
      'Good news: the HR team approved your photo #1. It will appear in the next album. You can withdraw it at any time.',
    );
    expect(en.toUploaderRejected('#1', 1)).toBe('The HR team did not keep your photo #1; it is deleted.');
    expect(en.withdrawn('#1', 1)).toMatch(/^Photo #1 withdrawn: it will no longer appear/);
    expect(en.withdrawnByHr('#1', 1)).toBe('The HR team withdrew your photo #1.');
    expect([en.consentTitle(1), en.privateUntil(1), en.consentStatement(1), en.discardButton(1)]).toEqual([
      'Before anyone sees it',
      'Until you confirm, only you and the HR team can see this photo.',
      'I confirm that the people shown in this photo agreed to be photographed, and that children appear only where their families agreed.',
      'Delete this photo',
    ]);
  });

  it('the words that cannot know how many photos are said of one or several alike', () => {
    for (const p of [fr, en]) expect([p.withdrawButton, p.rejectTitle].join(' ')).not.toMatch(/photos/);
  });

  it('the consent prompt and HR’s review, as drawn on Slack and Teams, for one photo', () => {
    const c = t('fr');
    const one = batchOf([1]);
    const prompt = JSON.stringify(consentPrompt(c, one, message('ok', ['x'])).blocks);
    expect(prompt).toContain('Avant que quiconque la voie');
    expect(prompt).toContain('Supprimer cette photo');
    expect(prompt).not.toMatch(/ces photos/);
    expect(JSON.stringify(reviewMessage(c, one, 'Amina').blocks)).toContain('Envoyée par');
    expect(JSON.stringify(reviewCard(c, one, 'Amina', []).body)).toContain('Envoyée par');
    expect(JSON.stringify(reviewCard(c, batchOf([1, 2]), 'Amina', []).body)).toContain('Envoyées par');
  });
});
