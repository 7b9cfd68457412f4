import { describe, expect, it } from 'vitest';
import { actorFor } from '../../../src/chat/actor.js';
import { goalForm, goalVerb, submitGoalForm } from '../../../src/chat/campaigns/goal.js';
import { changeGoal } from '../../../src/campaigns/goal.service.js';
import { makePledge } from '../../../src/pledges/pledges.service.js';
import { plainText } from '../../../src/chat/text.js';
import { t } from '../../../src/shared/i18n/index.js';
import type { Locale } from '../../../src/shared/money.js';
import { milestonesFixture, type MilestonesFixture } from '../../support/fakes/milestones.js';
import { pledgesFixture, type PledgesFixture } from '../../support/fakes/pledges.js';

/** Goal 150,000 MAD, 15 Nov – 15 Dec 2026; today is 27 Nov 2026 in Casablanca. */
const stored = async (f: PledgesFixture) => {
  const [campaign] = await f.campaigns.list();
  return campaign && { goal: campaign.goalMinor, endsOn: campaign.endsOn };
};

async function hrIn(f: PledgesFixture, locale: Locale) {
  const hr = await f.hr();
  return { ...hr, locale, c: t(locale) };
}

async function give(f: MilestonesFixture, userId: string, amount: string) {
  const who = await f.person(userId);
  const made = await makePledge(f.deps, { personId: who.id, amount, anonymous: false, note: null, source: 'slack', idempotencyKey: null });
  await f.listener.settled();
  if (!made.ok) throw new Error(made.error.code);
}

const announced = (f: MilestonesFixture) => f.messaging.sent.filter((m) => m.kind === 'milestone').map((m) => m.summary);

describe('/caravan goal', () => {
  it.each(['200000', '200 000', '200.000,00', '200,000.00', '٢٠٠٠٠٠', '200 000 MAD'])(
    'HR sets the goal to %s: the answer says the new goal and the progress',
    async (typed) => {
      const f = await pledgesFixture();
      const reply = await goalVerb(f.deps, await hrIn(f, 'fr'), typed);
      expect(reply).toEqual({
        kind: 'message',
        tone: 'ok',
        lines: ['L’objectif passe de 150 000 MAD à 200 000 MAD.', '0 MAD promis sur un objectif de 200 000 MAD (0 %)'],
      });
      expect(await stored(f)).toEqual({ goal: 20_000_000, endsOn: '2026-12-15' });
    },
  );

  it('refuses zero, negative, unreadable and over-precise goals, in French and English, and changes nothing', async () => {
    const f = await pledgesFixture();
    const cases: Array<[string, (c: ReturnType<typeof t>) => string]> = [
      ['0', (c) => c.goal.errors.notPositive],
      ['-5000', (c) => c.goal.errors.notPositive],
      ['beaucoup', (c) => c.amount.invalid('beaucoup', 'MAD')],
      ['99999999999999999', (c) => c.amount.invalid('99999999999999999', 'MAD')],
      ['1,500.505', (c) => c.amount.tooPrecise],
    ];
    for (const locale of ['fr', 'en'] as const) {
      const hr = await hrIn(f, locale);
      for (const [typed, text] of cases) expect(await goalVerb(f.deps, hr, typed)).toEqual({ kind: 'message', tone: 'error', lines: [text(t(locale))] });
    }
    // Zero and less are one rule, told in the same words whatever was typed (and whichever platform's form).
    expect(await goalVerb(f.deps, await hrIn(f, 'en'), '0')).toEqual({ kind: 'message', tone: 'error', lines: ['The goal must be more than zero.'] });
    expect(await goalVerb(f.deps, await hrIn(f, 'en'), '-5')).toEqual({ kind: 'message', tone: 'error', lines: ['The goal must be more than zero.'] });
    expect(await goalVerb(f.deps, await hrIn(f, 'fr'), '-5')).toEqual({ kind: 'message', tone: 'error', lines: ['L’objectif doit être supérieur à zéro.'] });
    expect(await stored(f)).toEqual({ goal: 15_000_000, endsOn: '2026-12-15' });
  });

  it('the last day moves only to a real day, not before today (Casablanca) nor before the start', async () => {
    const f = await pledgesFixture();
    const hr = await f.hr();
    // 23:30 UTC on 26 Nov is already 27 Nov in Casablanca (UTC+1): the 26th is yesterday there.
    f.clock.set(new Date('2026-11-26T23:30:00Z'));
    expect(await changeGoal(f.deps, hr, { goal: '150000', endsOn: '2026-11-26' })).toEqual({
      ok: false,
      error: { code: 'goal.ends_before_today', today: '2026-11-27' },
    });
    expect(await changeGoal(f.deps, hr, { goal: '150000', endsOn: '2026-02-30' })).toEqual({ ok: false, error: { code: 'goal.bad_date' } });
    expect(await changeGoal(f.deps, hr, { goal: '150000', endsOn: '31/12/2026' })).toEqual({ ok: false, error: { code: 'goal.bad_date' } });
    expect(await stored(f)).toEqual({ goal: 15_000_000, endsOn: '2026-12-15' });
    const extended = await changeGoal(f.deps, hr, { goal: '150000', endsOn: '2026-11-27' });
    expect(extended.ok && extended.value.campaign.endsOn).toBe('2026-11-27');
  });

  it('an end before the campaign’s first day is refused even when that day is still to come', async () => {
    const f = await pledgesFixture({ campaign: { from: '2026-11-20', to: '2026-12-20' } });
    f.clock.set(new Date('2026-11-21T10:00:00Z'));
    const hr = await f.hr();
    expect(await changeGoal(f.deps, hr, { goal: '1000', endsOn: '2026-11-19' })).toEqual({
      ok: false,
      error: { code: 'goal.ends_before_start', startsOn: '2026-11-20' },
    });
    expect(await submitGoalForm(f.deps, await hrIn(f, 'en'), { goal: '1000', endsOn: '2026-11-19' })).toEqual({
      kind: 'errors',
      errors: { endsOn: 'The last day cannot be before the campaign’s first day (20 November 2026).' },
    });
  });

  it('the form opens prefilled the way the person writes amounts; submitted, it changes goal and last day and says both', async () => {
    const f = await pledgesFixture();
    expect(await goalForm(f.deps, await hrIn(f, 'fr'))).toMatchObject({ form: 'goal', values: { goal: '150 000', endsOn: '2026-12-15' } });
    expect(await goalForm(f.deps, await hrIn(f, 'en'))).toMatchObject({ form: 'goal', values: { goal: '150,000', endsOn: '2026-12-15' } });
    const outcome = await submitGoalForm(f.deps, await hrIn(f, 'en'), { goal: '150,000', endsOn: '2026-12-31' });
    expect(outcome).toEqual({
      kind: 'done',
      reply: {
        kind: 'message',
        tone: 'ok',
        lines: ['The goal stays at 150,000 MAD.', 'The campaign now ends on 31 December 2026.', '0 MAD pledged of a 150,000 MAD goal (0%)'],
      },
    });
    expect(await stored(f)).toEqual({ goal: 15_000_000, endsOn: '2026-12-31' });
  });

  it('the form says who last changed the goal, when and from what to what, in the person’s language', async () => {
    const f = await pledgesFixture();
    const intro = async (locale: Locale) => {
      const form = await goalForm(f.deps, await hrIn(f, locale));
      return plainText(form.kind === 'form' ? form.intro : '');
    };
    expect(await intro('fr')).toBe('L’objectif de « Caravane 2026 » et son dernier jour. Le montant est en dirhams.');
    // Only the last day moves: the goal did not change, nothing to tell.
    await changeGoal(f.deps, await f.hr(), { goal: '150000', endsOn: '2026-12-20' });
    expect(await intro('en')).toBe('The goal of “Caravane 2026” and its last day. The amount is in dirhams.');
    await goalVerb(f.deps, await hrIn(f, 'fr'), '200 000');
    expect(await intro('fr')).toBe(
      'L’objectif de « Caravane 2026 » et son dernier jour. Le montant est en dirhams. Objectif changé par slack:UHR le 27 novembre 2026 (de 150 000 MAD à 200 000 MAD).',
    );
    f.clock.set(new Date('2026-11-28T23:30:00Z'));
    await changeGoal(f.deps, { console: true }, { goal: '180000', endsOn: '' });
    // 23:30 UTC is already the 29th in Casablanca (UTC+1): the day is the campaign’s.
    expect(await intro('en')).toBe(
      'The goal of “Caravane 2026” and its last day. The amount is in dirhams. Goal changed from the console on 29 November 2026 (from 200,000 MAD to 180,000 MAD).',
    );
  });

  it('someone who is not HR gets no form and their submission changes nothing', async () => {
    const f = await pledgesFixture();
    const someone = await actorFor(f.deps, f.identity('U1', { locale: 'en' }));
    expect(await goalForm(f.deps, someone)).toEqual({ kind: 'message', tone: 'error', lines: [t('en').common.notAdmin] });
    expect(await submitGoalForm(f.deps, someone, { goal: '1', endsOn: '' })).toEqual({
      kind: 'errors',
      errors: { goal: t('en').common.notAdmin },
    });
    // Never run: it is the compiler that refuses a plain actor.
    const unchecked = () =>
      // @ts-expect-error -- only an HR actor (`requireHr`) or the console may change the goal
      changeGoal(f.deps, someone, { goal: '1', endsOn: '' });
    expect(typeof unchecked).toBe('function');
    expect(await stored(f)).toEqual({ goal: 15_000_000, endsOn: '2026-12-15' });
  });

  it('milestones stay announced once: raising the goal re-announces none, lowering it announces none already passed', async () => {
    const f = await milestonesFixture({ campaign: { from: '2026-11-15', to: '2026-12-15', goal: 10_000 } });
    const hr = await f.hr();
    await give(f, 'U1', '3000');
    expect(announced(f)).toEqual(['25 %']);
    await changeGoal(f.deps, hr, { goal: '20000', endsOn: '' });
    // 25 % of 20,000 is 5,000: crossed again, but already announced.
    await give(f, 'U2', '2500');
    expect(announced(f)).toEqual(['25 %']);
    // 50 % of 9,000 is 4,500, already below the 5,500 pledged: passed, never announced late.
    await changeGoal(f.deps, hr, { goal: '9000', endsOn: '' });
    await give(f, 'U3', '100');
    expect(announced(f)).toEqual(['25 %']);
    // 75 % of 9,000 is 6,750: still ahead, announced when crossed.
    await give(f, 'U4', '1200');
    expect(announced(f)).toEqual(['25 %', '75 %']);
    expect(f.failures).toEqual([]);
  });

  it('a goal HR changes while a pledge’s milestone check runs claims nothing against the old goal; the new goal’s milestones come later', async () => {
    const f = await milestonesFixture({ campaign: { from: '2026-11-15', to: '2026-12-15', goal: 10_000 } });
    const hr = await f.hr();
    await give(f, 'U1', '3000');
    // The check reads the goal, then the channels, then claims: HR raises the goal in between.
    const list = f.messaging.channels.list.bind(f.messaging.channels);
    let raised = false;
    f.messaging.channels.list = async () => {
      if (!raised) {
        raised = true;
        await changeGoal(f.deps, hr, { goal: '20000', endsOn: '' });
      }
      return list();
    };
    // 7,600 passes 50 % and 75 % of 10,000, but only 25 % of 20,000 (announced already).
    await give(f, 'U2', '4600');
    expect(raised).toBe(true);
    expect(announced(f)).toEqual(['25 %']);
    const [campaign] = await f.campaigns.list();
    expect(await f.messaging.milestones.claimed(campaign?.id ?? '')).toEqual(['pct:25']);
    // 10,200 is 50 % of the new goal: announced then, under the key the old goal never took.
    await give(f, 'U3', '2600');
    expect(announced(f)).toEqual(['25 %', '50 %']);
    expect(f.failures).toEqual([]);
  });

  it('a pledge made with the campaign as it was before the goal changed (another instance’s cache) is checked against the new goal', async () => {
    const f = await milestonesFixture({ campaign: { from: '2026-11-15', to: '2026-12-15', goal: 10_000 } });
    await give(f, 'U1', '3000');
    const [stale] = await f.campaigns.list();
    await changeGoal(f.deps, await f.hr(), { goal: '20000', endsOn: '' });
    // Another instance still holds the campaign with the 10,000 goal for a few seconds.
    const elsewhere = { ...f.deps, campaigns: { ...f.deps.campaigns, current: async () => stale ?? null } };
    const who = await f.person('U2');
    const made = await makePledge(elsewhere, { personId: who.id, amount: '4600', anonymous: false, note: null, source: 'slack', idempotencyKey: null });
    await f.listener.settled();
    expect(made.ok).toBe(true);
    // 7,600 is 75 % of the old goal but only 38 % of the new one: nothing new is reached, nothing claimed.
    expect(announced(f)).toEqual(['25 %']);
    expect(await f.messaging.milestones.claimed(stale?.id ?? '')).toEqual(['pct:25']);
    expect(f.failures).toEqual([]);
  });
});
