/**
 * The `/give` modal: pick a need (or "where it is most needed"), say how many. A registered form:
 * its submission goes through the shared path (forms/registry.ts), keyed on the view id.
 */
import type { ModalView } from '@slack/types';
import type { Actor } from '../../../src/chat/actor.js';
import type { GiveFormReply } from '../../../src/chat/needs/give-form.js';
import { formModal } from '../forms/registry.js';
import { plainUpTo } from '../kit.js';

export function giveModal(actor: Actor, form: GiveFormReply): ModalView {
  const f = actor.c.needs.form;
  // No channel: the receipt goes to the giver's direct messages, where they find it again.
  return formModal('give', actor, null, f, [
    { type: 'context', elements: [plainUpTo(form.intro, 2000)] },
    {
      type: 'input',
      block_id: 'need',
      label: plainUpTo(f.needLabel, 2000),
      element: { type: 'static_select', action_id: 'value', options: form.options.map((o) => ({ text: plainUpTo(o.label, 75), value: o.value })) },
    },
    {
      type: 'input',
      block_id: 'quantity',
      label: plainUpTo(f.quantityLabel, 2000),
      element: { type: 'plain_text_input', action_id: 'value', placeholder: plainUpTo(f.quantityPlaceholder, 150), max_length: 6 },
    },
  ]);
}
