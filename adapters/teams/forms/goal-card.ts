/** HR's goal card (`caravan goal`): the goal, prefilled as the person writes amounts, and the last day; each error under its field. */
import type { GoalFormReply } from '../../../src/chat/campaigns/goal.js';
import type { Catalogue } from '../../../src/shared/i18n/index.js';
import { cardText, errorUnder, optionalLabel, type Card } from '../render.js';
import { registeredFormCard, type FormCardState } from './card.js';

export function goalCard(c: Catalogue, form: GoalFormReply, state: FormCardState): Card {
  const f = c.goal.form;
  const value = (field: 'goal' | 'endsOn') => state.values[field] ?? form.values[field];
  return registeredFormCard(c, 'goal', {
    token: state.token,
    title: f.title,
    intro: form.intro,
    submit: f.submit,
    inputs: [
      { type: 'Input.Text', id: 'goal', label: f.goalLabel(form.currency), placeholder: f.goalPlaceholder, maxLength: 40, value: value('goal') },
      ...errorUnder(state.errors['goal']),
      { type: 'Input.Date', id: 'endsOn', label: optionalLabel(c, f.endsOnLabel), value: value('endsOn') },
      { type: 'TextBlock', text: cardText(f.endsOnHint), wrap: true, isSubtle: true, size: 'Small', spacing: 'None' },
      ...errorUnder(state.errors['endsOn']),
    ],
  });
}
