/**
 * Modals of the forms features register (`src/chat/forms.ts`): one submission listener for all of
 * them, dispatching on the form id in the callback id. The modal's inputs are named after the form's
 * fields (block id = field, action id `value`); errors come back on their field and nothing is stored;
 * a redelivered submission is recognised by the view id. Values are never logged.
 */
import type { App, SlackViewAction } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import { z } from 'zod';
import { actorFor, type Actor } from '../../../src/chat/actor.js';
import { caravanForm } from '../../../src/chat/caravan-command.js';
import { submitForm } from '../../../src/chat/forms.js';
import type { FormId } from '../../../src/chat/reply.js';
import { t } from '../../../src/shared/i18n/index.js';
import type { SlackContext } from '../context.js';
import { modal } from '../kit.js';
import { renderMessage } from '../render.js';
import { blockErrors, inputText, submitter, tellPrivately, viewMetadata, viewValues } from '../view-submission.js';

const PREFIX = 'caravane_form:';
const meta = z.object({ channel: z.string().nullable(), locale: z.enum(['fr', 'en']) });

/**
 * A registered form's modal: its callback id names the form, its metadata where the answer goes and
 * in which language; its title and buttons are the words of the form's catalogue section.
 */
export function formModal(
  id: FormId,
  actor: Actor,
  channel: string | null,
  words: { title: string; submit: string; close: string },
  blocks: ModalView['blocks'],
): ModalView {
  const { title, submit, close } = words;
  return modal({ title, submit, close, blocks, callbackId: `${PREFIX}${id}`, metadata: JSON.stringify({ channel, locale: actor.locale }) });
}

export function registerFormViews(app: App, sc: SlackContext): void {
  app.view<SlackViewAction>(new RegExp(`^${PREFIX}`), async ({ ack, body, view, client, logger }) => {
    const parsedMeta = meta.safeParse(viewMetadata(view.private_metadata));
    const locale = parsedMeta.success ? parsedMeta.data.locale : sc.deps.defaultLocale;
    const form = caravanForm(view.callback_id.slice(PREFIX.length));
    const first = form?.fields[0];
    if (!form || first === undefined) {
      logger.warn(`form submission with an unknown callback id: ${view.callback_id.slice(0, 80)}`);
      await ack();
      return;
    }
    const values = viewValues(view.state.values);
    const read = (field: string) => inputText(values, field).trim();
    try {
      const identity = await sc.people.identity(...submitter(body));
      const actor = await actorFor(sc.deps, { ...identity, locale: identity.locale ?? locale });
      const submitted = await submitForm(sc.deps, form, actor, read, `slack:view:${view.id}`);
      if ('unreadable' in submitted) {
        await ack({ response_action: 'errors', errors: { [first]: actor.c.common.sorry } });
        return;
      }
      const { outcome } = submitted;
      if (outcome.kind === 'errors') {
        // A registered form's block ids are its field names.
        await ack({ response_action: 'errors', errors: blockErrors(outcome.errors, (field) => field) });
        return;
      }
      await ack();
      await tellPrivately(client, body.user.id, parsedMeta.success ? parsedMeta.data.channel : null, renderMessage(outcome.reply));
    } catch (error) {
      logger.error(`${view.callback_id} submission failed: ${error instanceof Error ? error.message : 'unknown error'}`);
      await ack({ response_action: 'errors', errors: { [first]: t(locale).common.sorry } }).catch(() => undefined);
    }
  });
}
