/**
 * HR's need card (`caravan need`): the same fields as the Slack modal, each error under its field.
 * A registered form: its submission goes through the shared path (forms/submit.ts), which checks HR
 * again whoever presses the button.
 */
import { NEED_FORM_FIELDS, NEED_OPTIONAL_FIELDS, type NeedFormField, type NeedFormReply } from '../../../src/chat/needs/need-form.js';
import type { Catalogue } from '../../../src/shared/i18n/index.js';
import { registeredFormCard, type FormCardState } from '../forms/card.js';
import { cardText, errorUnder, optionalLabel, type Card } from '../render.js';

export function needCard(c: Catalogue, form: NeedFormReply, state: FormCardState): Card {
  const f = c.needs.hrForm;
  const labels: Record<NeedFormField, string> = {
    site: f.siteLabel,
    place: f.placeLabel,
    item: f.itemLabel,
    size: f.sizeLabel,
    quantity: f.quantityLabel,
    unitPrice: f.priceLabel(form.currency),
  };
  return registeredFormCard(c, 'need', {
    token: state.token,
    title: f.title,
    intro: form.intro,
    submit: f.submit,
    inputs: [
      ...(form.sites.length > 0 ? [{ type: 'TextBlock', text: cardText(f.sitesHint(form.sites.join(', '))), wrap: true, isSubtle: true, size: 'Small' }] : []),
      ...NEED_FORM_FIELDS.flatMap((field) => [
        {
          type: 'Input.Text',
          id: field,
          label: NEED_OPTIONAL_FIELDS.has(field) ? optionalLabel(c, labels[field]) : labels[field],
          maxLength: field === 'item' ? 60 : 120,
          value: state.values[field] ?? '',
        },
        ...errorUnder(state.errors[field]),
      ]),
    ],
  });
}
