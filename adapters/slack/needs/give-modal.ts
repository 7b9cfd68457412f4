/**
 * The `/give` modal: pick a need (or "where it is most needed"), say how many. A registered form:
 * its submission goes through the shared path (forms/registry.ts), keyed on the view id.
 */
import type { ModalView } from '@slack/types';
import type { Actor } from '../../../src/chat/actor.js';
import type { GiveFormReply } from '../../../src/chat/needs/give-form.js';
import { formModal } from '../forms/registry.js';
import { slackPlain } from '../text.js';

/** Slack shows plain_text as it is: what HR typed (`Douar <Tifnit> & co`) needs no entities, only its marks gone. */
const plain = (text: string, max: number) => ({ type: 'plain_text' as const, text: slackPlain(text).slice(0, max) });

export function giveModal(actor: Actor, form: GiveFormReply): ModalView {
  const f = actor.c.needs.form;
  // No channel: the receipt goes to the giver's direct messages, where they find it again.
  return formModal('give', actor, null, f, [
    { type: 'context', elements: [{ type: 'plain_text', text: slackPlain(form.intro).slice(0, 2000) }] },
    {
      type: 'input',
      block_id: 'need',
      label: plain(f.needLabel, 2000),
      element: { type: 'static_select', action_id: 'value', options: form.options.map((o) => ({ text: plain(o.label, 75), value: o.value })) },
    },
    {
      type: 'input',
      block_id: 'quantity',
      label: plain(f.quantityLabel, 2000),
      element: { type: 'plain_text_input', action_id: 'value', placeholder: plain(f.quantityPlaceholder, 150), max_length: 6 },
    },
  ]);
}
