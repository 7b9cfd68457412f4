import type { App } from '@slack/bolt';
import { z } from 'zod';
import { actorFor } from '../../../src/chat/actor.js';
import { submitPledgeForm } from '../../../src/pledges/form.js';
import { t } from '../../../src/shared/i18n/index.js';
import type { SlackContext } from '../context.js';
import { BLOCK, PLEDGE_VIEW, renderMessage } from '../render.js';
import { blockErrors, inputText, submitter, tellPrivately, ticked, viewMetadata, viewValues } from '../view-submission.js';

const meta = z.object({ channel: z.string().nullable(), locale: z.enum(['fr', 'en']) });

/** The pledge modal: errors show on the field; a redelivered submission records once (keyed on the view id). */
export function registerViews(app: App, sc: SlackContext): void {
  app.view(PLEDGE_VIEW, async ({ ack, body, view, client, logger }) => {
    const parsedMeta = meta.safeParse(viewMetadata(view.private_metadata));
    const locale = parsedMeta.success ? parsedMeta.data.locale : sc.deps.defaultLocale;
    const c = t(locale);
    const values = viewValues(view.state.values);
    const form = {
      amount: inputText(values, BLOCK.amount),
      anonymous: ticked(values, BLOCK.anonymous, 'anonymous'),
      note: inputText(values, BLOCK.note),
    };
    try {
      const identity = await sc.people.identity(...submitter(body));
      const actor = await actorFor(sc.deps, { ...identity, locale: identity.locale ?? locale });
      const outcome = await submitPledgeForm(sc.deps, actor, form, `slack:view:${view.id}`);
      if (outcome.kind === 'errors') {
        await ack({ response_action: 'errors', errors: blockErrors(outcome.errors, (field) => BLOCK[field]) });
        return;
      }
      await ack();
      await tellPrivately(client, body.user.id, parsedMeta.success ? parsedMeta.data.channel : null, renderMessage(outcome.reply));
    } catch (error) {
      logger.error(`pledge form failed: ${String(error)}`);
      await ack({ response_action: 'errors', errors: { [BLOCK.amount]: c.common.sorry } }).catch(() => undefined);
    }
  });
}
