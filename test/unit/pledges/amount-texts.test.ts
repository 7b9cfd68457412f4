/**
 * What a person reads when an amount is refused, in a campaign counted in euros: the currency is the
 * campaign's, never dirhams; inside a form the example is a number to type in the field, in a command
 * it is the command; zero and less are one rule in one wording.
 */
import { describe, expect, it } from 'vitest';
import { actorFor, type Actor } from '../../../src/chat/actor.js';
import { goalVerb, submitGoalForm } from '../../../src/chat/campaigns/goal.js';
import { createCampaign } from '../../../src/campaigns/campaigns.service.js';
import { command, plainText } from '../../../src/chat/text.js';
import { submitPledgeForm } from '../../../src/pledges/form.js';
import { makePledge } from '../../../src/pledges/pledges.service.js';
import { pledgeErrorText } from '../../../src/pledges/texts.js';
import { t } from '../../../src/shared/i18n/index.js';
import { minor, type Locale } from '../../../src/shared/money.js';
import { pledgesFixture, type PledgesFixture } from '../../support/fakes/pledges.js';

async function euroCampaign(): Promise<PledgesFixture> {
  const f = await pledgesFixture({ campaign: false });
  const created = await createCampaign(f.deps, {
    name: 'Caravane 2026',
    currency: 'EUR',
    goalMinor: minor(2_000_000),
    startsOn: '2026-11-15',
    endsOn: '2026-12-15',
  });
  if (!created.ok) throw new Error(created.error.code);
  return f;
}

const plain = (text: string | undefined) => plainText(text ?? '');

async function formAmountError(f: PledgesFixture, actor: Actor, amount: string): Promise<string> {
  const outcome = await submitPledgeForm(f.deps, actor, { amount, anonymous: false, note: '' }, null);
  return outcome.kind === 'errors' ? plain(outcome.errors.amount) : 'recorded';
}

describe.each([
  {
    locale: 'fr' as Locale,
    missingInForm: 'Indiquez un montant, par exemple 500.',
    unreadable: 'Je n’ai pas compris le montant « beaucoup ». Écrivez-le comme 500, 1 500 ou 1500,50 (en euros).',
    notPositive: 'Le montant doit être supérieur à zéro.',
    goalMissing: 'Indiquez le nouvel objectif de la campagne, en euros.',
    goalNotPositive: 'L’objectif doit être supérieur à zéro.',
    otherCurrency: 'La campagne compte en euros (EUR) : « 500 dh » est dans une autre monnaie. Indiquez le montant en euros, par exemple 500.',
  },
  {
    locale: 'en' as Locale,
    missingInForm: 'Give an amount, for example 500.',
    unreadable: 'I could not read the amount “beaucoup”. Write it like 500, 1,500 or 1500.50 (in euros).',
    notPositive: 'The amount must be more than zero.',
    goalMissing: 'Give the campaign’s new goal, in euros.',
    goalNotPositive: 'The goal must be more than zero.',
    otherCurrency: 'The campaign counts in euros (EUR): “500 dh” is in another currency. Please give the amount in euros, e.g. 500.',
  },
])('amounts refused in a campaign counted in euros ($locale)', (w) => {
  it('the pledge form: a number as the example, the campaign’s currency, one wording for zero and less', async () => {
    const f = await euroCampaign();
    const actor = await actorFor(f.deps, f.identity('U1', { locale: w.locale }));
    expect(await formAmountError(f, actor, '')).toBe(w.missingInForm);
    expect(await formAmountError(f, actor, 'beaucoup')).toBe(w.unreadable);
    expect(await formAmountError(f, actor, '0')).toBe(w.notPositive);
    expect(await formAmountError(f, actor, '-5')).toBe(w.notPositive);
    expect(await formAmountError(f, actor, '500 dh')).toBe(w.otherCurrency);
    expect(await formAmountError(f, actor, '-€500')).toBe(w.notPositive);
    // The field holds only the amount: a code after the number is its currency, as at the end of `/pledge`.
    expect(await formAmountError(f, actor, '500 all')).toBe(w.otherCurrency.replace('500 dh', '500 all'));
  });

  it('`/pledge`: the unreadable amount in euros too; a missing one still shows the command', async () => {
    const f = await euroCampaign();
    const person = await f.person('U1');
    const said = async (amount: string) => {
      const made = await makePledge(f.deps, { personId: person.id, amount, anonymous: false, note: null, source: 'slack', idempotencyKey: null });
      return made.ok ? 'recorded' : pledgeErrorText(t(w.locale), made.error, amount);
    };
    expect(plain(await said('beaucoup'))).toBe(w.unreadable);
    expect(plain(await said('500 dh'))).toBe(w.otherCurrency);
    expect(plain(await said('-€500'))).toBe(w.notPositive);
    expect(await said('')).toContain(command('/pledge 500'));
  });

  it('the goal form and `caravan goal`: euros, and zero and less in the goal’s own words', async () => {
    const f = await euroCampaign();
    const hr = { ...(await f.hr()), locale: w.locale, c: t(w.locale) };
    const goalError = async (goal: string) => {
      const outcome = await submitGoalForm(f.deps, hr, { goal, endsOn: '' });
      return outcome.kind === 'errors' ? plain(outcome.errors.goal) : 'changed';
    };
    expect(await goalError('')).toBe(w.goalMissing);
    expect(await goalError('beaucoup')).toBe(w.unreadable);
    expect(await goalError('500 dh')).toBe(w.otherCurrency);
    expect(await goalError('0')).toBe(w.goalNotPositive);
    expect(await goalError('-5')).toBe(w.goalNotPositive);
    expect(await goalVerb(f.deps, hr, '-5')).toEqual({ kind: 'message', tone: 'error', lines: [w.goalNotPositive] });
  });
});

describe.each([
  { locale: 'fr' as Locale, changed: 'L’objectif passe de 20 000 EUR à 200 000 EUR.' },
  { locale: 'en' as Locale, changed: 'The goal goes from 20,000 EUR to 200,000 EUR.' },
])('amounts written with the euro sign or word in a campaign counted in euros ($locale)', (w) => {
  it('the pledge form records “500 €”', async () => {
    const f = await euroCampaign();
    const actor = await actorFor(f.deps, f.identity('U1', { locale: w.locale }));
    expect(await formAmountError(f, actor, '500 €')).toBe('recorded');
    const [campaign] = await f.deps.campaigns.list();
    expect((await f.deps.campaigns.totals(campaign?.id ?? '')).pledgedMinor).toBe(50_000);
  });

  it('`caravan goal 200 000 €` changes the goal to 200,000 euros', async () => {
    const f = await euroCampaign();
    const hr = { ...(await f.hr()), locale: w.locale, c: t(w.locale) };
    const changed = await goalVerb(f.deps, hr, '200 000 €');
    expect(changed.kind === 'message' ? changed.lines[0] : '').toBe(w.changed);
  });
});

describe('a campaign counted in pounds sterling', () => {
  it('names its currency in words in both languages when an amount in another currency is refused', async () => {
    const f = await pledgesFixture({ campaign: false });
    const created = await createCampaign(f.deps, {
      name: 'Caravane UK',
      currency: 'GBP',
      goalMinor: minor(2_000_000),
      startsOn: '2026-11-15',
      endsOn: '2026-12-15',
    });
    if (!created.ok) throw new Error(created.error.code);
    const person = await f.person('U1');
    const made = await makePledge(f.deps, { personId: person.id, amount: '500 €', anonymous: false, note: null, source: 'slack', idempotencyKey: null });
    if (made.ok) throw new Error('500 € was recorded in a campaign counted in pounds');
    expect(plain(pledgeErrorText(t('fr'), made.error, '500 €'))).toContain('La campagne compte en livres sterling (GBP)');
    expect(plain(pledgeErrorText(t('en'), made.error, '500 €'))).toContain('The campaign counts in pounds sterling (GBP)');
    expect((await makePledge(f.deps, { personId: person.id, amount: '£500', anonymous: false, note: null, source: 'slack', idempotencyKey: null })).ok).toBe(
      true,
    );
  });
});
