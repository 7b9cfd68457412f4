/**
 * The `give` card: pick a need (or "where it is most needed"), say how many; Action.Execute with an
 * Action.Submit fallback. A registered form: its submission goes through the shared path
 * (forms/submit.ts), keyed on the card's token plus the submitter, so it records once.
 */
import type { GiveFormReply } from '../../../src/chat/needs/give-form.js';
import type { Catalogue } from '../../../src/shared/i18n/index.js';
import { registeredFormCard, type FormCardState } from '../forms/card.js';
import { errorUnder, type Card } from '../render.js';
import { teamsPlain } from '../text.js';

export function giveCard(c: Catalogue, form: GiveFormReply, state: FormCardState): Card {
  const f = c.needs.form;
  return registeredFormCard(c, 'give', {
    token: state.token,
    title: f.title,
    intro: form.intro,
    submit: f.submit,
    inputs: [
      {
        type: 'Input.ChoiceSet',
        id: 'need',
        label: f.needLabel,
        style: 'compact',
        placeholder: f.pick,
        value: state.values['need'] ?? '',
        choices: form.options.map((o) => ({ title: teamsPlain(o.label), value: o.value })),
      },
      ...errorUnder(state.errors['need']),
      { type: 'Input.Text', id: 'quantity', label: f.quantityLabel, placeholder: f.quantityPlaceholder, maxLength: 6, value: state.values['quantity'] ?? '' },
      ...errorUnder(state.errors['quantity']),
    ],
  });
}
