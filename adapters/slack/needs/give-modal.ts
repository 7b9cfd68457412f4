/**
 * The `/give` modal: pick a need (or "where it is most needed"), say how many. Errors come back on
 * their field and nothing is stored; a redelivered submission records once (keyed on the view id).
 */
import { slackPlain } from '../text.js';
import type { App } from '@slack/bolt';
import { z } from 'zod';
import { actorFor } from '../../../src/chat/actor.js';
import { submitGiveForm, type GiveField, type GiveFormReply } from '../../../src/chat/needs/give-form.js';
import type { Actor } from '../../../src/chat/actor.js';
import { t } from '../../../src/shared/i18n/index.js';
import type { SlackContext } from '../context.js';
import { renderMessage } from '../render.js';
import { submitter, viewMetadata } from '../view-submission.js';

export const GIVE_VIEW = 'caravane_give';
const BLOCK: Record<GiveField, string> = { need: 'give_need', quantity: 'give_quantity' };

const meta = z.object({ channel: z.string().nullable(), locale: z.enum(['fr', 'en']) });
const element = z.looseObject({
  value: z.string().max(100).nullish().catch(null),
  selected_option: z
    .looseObject({ value: z.string().max(150) })
    .nullish()
    .catch(null),
});
const stateValues = z.record(z.string(), z.record(z.string(), element.catch({})));

/** Slack shows plain_text as it is: what HR typed (`Douar <Tifnit> & co`) needs no entities, only its marks gone. */
const plain = (text: string, max: number) => ({ type: 'plain_text' as const, text: slackPlain(text).slice(0, max) });

export function giveModal(actor: Actor, form: GiveFormReply, channel: string | null) {
  const f = actor.c.needs.form;
  return {
    type: 'modal' as const,
    callback_id: GIVE_VIEW,
    private_metadata: JSON.stringify({ channel, locale: actor.locale }),
    title: plain(f.title, 24),
    submit: plain(f.submit, 24),
    close: plain(f.close, 24),
    blocks: [
      { type: 'context', elements: [{ type: 'plain_text', text: slackPlain(form.intro).slice(0, 2000) }] },
      {
        type: 'input',
        block_id: BLOCK.need,
        label: plain(f.needLabel, 2000),
        element: { type: 'static_select', action_id: 'value', options: form.options.map((o) => ({ text: plain(o.label, 75), value: o.value })) },
      },
      {
        type: 'input',
        block_id: BLOCK.quantity,
        label: plain(f.quantityLabel, 2000),
        element: { type: 'plain_text_input', action_id: 'value', placeholder: plain(f.quantityPlaceholder, 150), max_length: 6 },
      },
    ],
  };
}

export function registerGiveView(app: App, sc: SlackContext): void {
  app.view(GIVE_VIEW, async ({ ack, body, view, client, logger }) => {
    const parsedMeta = meta.safeParse(viewMetadata(view.private_metadata));
    const locale = parsedMeta.success ? parsedMeta.data.locale : sc.deps.defaultLocale;
    const state = stateValues.safeParse(view.state.values);
    const values = state.success ? state.data : {};
    const need = values[BLOCK.need]?.value?.selected_option?.value ?? '';
    const quantity = values[BLOCK.quantity]?.value?.value ?? '';
    try {
      const identity = await sc.people.identity(...submitter(body));
      const actor = await actorFor(sc.deps, { ...identity, locale: identity.locale ?? locale });
      const outcome = await submitGiveForm(sc.deps, actor, { need, quantity }, `slack:view:${view.id}`);
      if (outcome.kind === 'errors') {
        const errors: Record<string, string> = {};
        for (const field of ['need', 'quantity'] as const) {
          const text = outcome.errors[field];
          if (text !== undefined) errors[BLOCK[field]] = slackPlain(text);
        }
        await ack({ response_action: 'errors', errors });
        return;
      }
      await ack();
      await client.chat.postMessage({ channel: body.user.id, ...renderMessage(outcome.reply) });
    } catch (error) {
      logger.error(`give form failed: ${String(error)}`);
      await ack({ response_action: 'errors', errors: { [BLOCK.need]: t(locale).common.sorry } }).catch(() => undefined);
    }
  });
}
