/**
 * HR's need modal (`/caravan need`): site (created when new), place, item, size, quantity, unit
 * price. A registered form: its submission goes through the shared path (forms/registry.ts).
 */
import type { ModalView } from '@slack/types';
import type { Actor } from '../../../src/chat/actor.js';
import { NEED_FORM_FIELDS, NEED_OPTIONAL_FIELDS, type NeedFormField, type NeedFormReply } from '../../../src/chat/needs/need-form.js';
import { formModal } from '../forms/registry.js';
import { plainUpTo } from '../kit.js';

export function needModal(actor: Actor, form: NeedFormReply): ModalView {
  const f = actor.c.needs.hrForm;
  const labels: Record<NeedFormField, string> = {
    site: f.siteLabel,
    place: f.placeLabel,
    item: f.itemLabel,
    size: f.sizeLabel,
    quantity: f.quantityLabel,
    unitPrice: f.priceLabel(form.currency),
  };
  // No channel: the answer goes to HR's direct messages, where the site's record is kept.
  return formModal('need', actor, null, f, [
    { type: 'context', elements: [plainUpTo(form.intro, 2000)] },
    ...(form.sites.length > 0 ? [{ type: 'context' as const, elements: [plainUpTo(f.sitesHint(form.sites.join(', ')), 2000)] }] : []),
    ...NEED_FORM_FIELDS.map((field) => ({
      type: 'input' as const,
      block_id: field,
      optional: NEED_OPTIONAL_FIELDS.has(field),
      label: plainUpTo(labels[field], 2000),
      element: {
        type: 'plain_text_input' as const,
        action_id: 'value',
        max_length: field === 'item' ? 60 : 120,
        ...(field === 'item' ? { placeholder: plainUpTo(f.itemPlaceholder, 150) } : {}),
      },
    })),
  ]);
}
