import type { App } from '@slack/bolt';
import { z } from 'zod';
import { actorFor } from '../../../src/chat/actor.js';
import { submitPledgeForm, type PledgeField } from '../../../src/pledges/form.js';
import { t } from '../../../src/shared/i18n/index.js';
import type { SlackContext } from '../context.js';
import { BLOCK, PLEDGE_VIEW, renderMessage } from '../render.js';
import { slackPlain } from '../text.js';
import { submitter, tellPrivately, viewMetadata } from '../view-submission.js';

const meta = z.object({ channel: z.string().nullable(), locale: z.enum(['fr', 'en']) });
const text = z.object({ value: z.string().nullable().optional() }).optional();
const state = z.object({
  [BLOCK.amount]: z.object({ value: text }).optional(),
  [BLOCK.anonymous]: z.object({ value: z.object({ selected_options: z.array(z.object({ value: z.string() })).optional() }).optional() }).optional(),
  [BLOCK.note]: z.object({ value: text }).optional(),
});

/** The pledge modal: errors show on the field; a redelivered submission records once (keyed on the view id). */
export function registerViews(app: App, sc: SlackContext): void {
  app.view(PLEDGE_VIEW, async ({ ack, body, view, client, logger }) => {
    const parsedMeta = meta.safeParse(viewMetadata(view.private_metadata));
    const locale = parsedMeta.success ? parsedMeta.data.locale : sc.deps.defaultLocale;
    const c = t(locale);
    const values = state.safeParse(view.state.values);
    if (!values.success) {
      await ack({ response_action: 'errors', errors: { [BLOCK.amount]: slackPlain(c.amount.missingInForm) } });
      return;
    }
    const form = {
      amount: values.data.amount?.value?.value ?? '',
      anonymous: (values.data.anonymous?.value?.selected_options ?? []).some((o) => o.value === 'anonymous'),
      note: values.data.note?.value?.value ?? '',
    };
    try {
      const identity = await sc.people.identity(...submitter(body));
      const actor = await actorFor(sc.deps, { ...identity, locale: identity.locale ?? locale });
      const outcome = await submitPledgeForm(sc.deps, actor, form, `slack:view:${view.id}`);
      if (outcome.kind === 'errors') {
        await ack({ response_action: 'errors', errors: fieldErrors(outcome.errors) });
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

/** Field errors on their blocks, as the plain text Slack shows under an input. */
function fieldErrors(errors: Partial<Record<PledgeField, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of ['amount', 'note'] as const) {
    const text = errors[field];
    if (text) out[BLOCK[field]] = slackPlain(text);
  }
  return out;
}
