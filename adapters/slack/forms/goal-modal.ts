/** HR's goal modal (`/caravan goal`): the goal, prefilled as the person writes amounts, and the last day. */
import type { ModalView } from '@slack/types';
import type { Actor } from '../../../src/chat/actor.js';
import type { GoalFormReply } from '../../../src/chat/campaigns/goal.js';
import { context, input, textField } from '../kit.js';
import { formModal } from './registry.js';

export function goalModal(actor: Actor, form: GoalFormReply, channel: string | null): ModalView {
  const f = actor.c.goal.form;
  return formModal('goal', actor, channel, f, [
    context(form.intro),
    input('goal', f.goalLabel(form.currency), textField({ placeholder: f.goalPlaceholder, initial: form.values.goal, max: 40 })),
    input('endsOn', f.endsOnLabel, { type: 'datepicker', action_id: 'value', initial_date: form.values.endsOn }, { optional: true, hint: f.endsOnHint }),
  ]);
}
