/**
 * `/caravan goal AMOUNT` changes the current campaign's goal; `/caravan goal` alone opens the form
 * (goal and last day, prefilled). HR only: the command and the form's submission both go through
 * `requireHr`. The answer repeats the goal as understood and the progress against it.
 */
import { z } from 'zod';
import { today } from '../../campaigns/campaigns.service.js';
import type { GoalChangeRecord } from '../../campaigns/campaign.js';
import { changeGoal, goalWithHistory, type GoalChanged, type GoalDeps, type GoalError, type GoalInput } from '../../campaigns/goal.service.js';
import { localDay } from '../../shared/clock.js';
import { noCampaignText } from '../../pledges/texts.js';
import type { Catalogue } from '../../shared/i18n/index.js';
import { formatMoney, percentOf } from '../../shared/money.js';
import { CONSOLE_LABEL, requireHr, type Actor, type HrActor } from '../actor.js';
import type { FormDefinition } from '../forms.js';
import { message, type FormOutcome, type FormReply, type MessageReply } from '../reply.js';
import { personText } from '../text.js';

export type GoalField = 'goal' | 'endsOn';

declare module '../reply.js' {
  interface FormKinds {
    /** HR's goal form, prefilled with the campaign's goal (as the person writes amounts) and last day. */
    goal: { values: Record<GoalField, string>; currency: string };
  }
}

export type GoalFormReply = FormReply<'goal'>;

/** `goal` alone: the form; `goal AMOUNT`: the change itself, the last day kept. */
export async function goalVerb(deps: GoalDeps, hr: HrActor, amount: string): Promise<FormReply | MessageReply> {
  if (amount.trim() === '') return goalForm(deps, hr);
  const result = await changeGoal(deps, hr, { goal: amount, endsOn: '' });
  return result.ok ? changedReply(hr.c, result.value) : message('error', [goalErrorText(hr.c, result.error, amount)]);
}

export async function goalForm(deps: GoalDeps, actor: Actor): Promise<GoalFormReply | MessageReply> {
  const { c } = actor;
  if (!(await requireHr(actor))) return message('error', [c.common.notAdmin]);
  const found = await goalWithHistory(deps, today(deps));
  if (!found) return message('info', [c.campaign.none]);
  const { campaign, lastChange } = found;
  const intro = c.goal.form.intro(personText(campaign.name), campaign.currency);
  return {
    kind: 'form',
    form: 'goal',
    intro: lastChange ? `${intro} ${lastChangeText(c, lastChange, campaign.currency, deps.timeZone)}` : intro,
    currency: campaign.currency,
    // Written the way the person writes amounts, without the currency: it reads back as the same goal.
    values: { goal: formatMoney(campaign.goalMinor, campaign.currency, actor.locale).replace(/\s*[A-Z]{3}$/, ''), endsOn: campaign.endsOn },
  };
}

/** Who last changed the goal, the day in the campaign's time zone, and from what to what. */
function lastChangeText(c: Catalogue, change: GoalChangeRecord, currency: string, timeZone: string): string {
  const by = change.by === CONSOLE_LABEL ? null : personText(change.byName ?? change.by);
  return c.goal.form.lastChange(by, localDay(change.at, timeZone), change.fromMinor, change.toMinor, currency);
}

function changedReply(c: Catalogue, { before, campaign, totals }: GoalChanged): MessageReply {
  const cur = campaign.currency;
  return message('ok', [
    campaign.goalMinor === before.goalMinor ? c.goal.same(campaign.goalMinor, cur) : c.goal.changed(before.goalMinor, campaign.goalMinor, cur),
    ...(campaign.endsOn !== before.endsOn ? [c.goal.endsOn(campaign.endsOn)] : []),
    c.campaign.progress(totals.pledgedMinor, campaign.goalMinor, cur, percentOf(totals.pledgedMinor, campaign.goalMinor)),
  ]);
}

/** Every refusal in the person's words; `typed` is the goal as they wrote it. */
function goalErrorText(c: Catalogue, error: GoalError, typed: string): string {
  return goalFieldError(c, error, typed)[1];
}

function goalFieldError(c: Catalogue, error: GoalError, typed: string): [GoalField, string] {
  switch (error.code) {
    case 'amount.missing':
      return ['goal', c.goal.errors.missing(error.currency)];
    case 'amount.invalid':
    case 'amount.too_long':
      return ['goal', c.amount.invalid(typed.slice(0, 40), error.currency)];
    case 'amount.negative':
    case 'amount.zero':
      return ['goal', c.goal.errors.notPositive];
    case 'amount.too_precise':
      return ['goal', c.amount.tooPrecise];
    case 'amount.other_currency':
      return ['goal', c.amount.otherCurrency(typed.slice(0, 40), error.currency)];
    case 'campaign.none':
      return ['goal', noCampaignText(c, error)];
    case 'goal.bad_date':
      return ['endsOn', c.goal.errors.badDate];
    case 'goal.ends_before_today':
      return ['endsOn', c.goal.errors.beforeToday(error.today)];
    case 'goal.ends_before_start':
      return ['endsOn', c.goal.errors.beforeStart(error.startsOn)];
  }
}

export async function submitGoalForm(deps: GoalDeps, actor: Actor, values: GoalInput): Promise<FormOutcome<GoalField>> {
  const hr = await requireHr(actor);
  if (!hr) return { kind: 'errors', errors: { goal: actor.c.common.notAdmin } };
  const result = await changeGoal(deps, hr, values);
  if (!result.ok) {
    const [field, text] = goalFieldError(hr.c, result.error, values.goal);
    return { kind: 'errors', errors: { [field]: text } };
  }
  return { kind: 'done', reply: changedReply(hr.c, result.value) };
}

const field = z.string().max(200);

export const goalFormDefinition: FormDefinition<'goal', GoalField> = {
  id: 'goal',
  fields: ['goal', 'endsOn'],
  values: z.object({ goal: field, endsOn: field }),
  submit: (deps, actor, values) => submitGoalForm(deps, actor, values),
  open: (deps, actor) => goalForm(deps, actor),
};
