import type { App } from '@slack/bolt';
import { z } from 'zod';
import { actorFor } from '../../../src/chat/actor.js';
import { pledgeReply } from '../../../src/chat/pledge-command.js';

import { checkNote } from '../../../src/pledges/pledge.js';
import { understandAmount } from '../../../src/pledges/pledges.service.js';
import { pledgeErrorText } from '../../../src/pledges/texts.js';
import { t } from '../../../src/shared/i18n/index.js';
import type { SlackContext } from '../context.js';
import { BLOCK, PLEDGE_VIEW, renderMessage, type SlackMessage } from '../render.js';
import { slackPlain } from '../text.js';
import { submitter, viewMetadata } from '../view-submission.js';

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
      await ack({ response_action: 'errors', errors: { [BLOCK.amount]: c.amount.missing } });
      return;
    }
    const amountText = values.data.amount?.value?.value ?? '';
    const anonymous = (values.data.anonymous?.value?.selected_options ?? []).some((o) => o.value === 'anonymous');
    const noteText = values.data.note?.value?.value ?? null;
    const amount = understandAmount(sc.deps, amountText);
    const note = checkNote(noteText);
    const errors: Record<string, string> = {};
    if (!amount.ok) errors[BLOCK.amount] = slackPlain(pledgeErrorText(c, amount.error, amount.details, 'MAD', amountText));
    if (!note.ok) errors[BLOCK.note] = c.pledge.noteTooLong(Number(note.details?.max ?? 280));
    if (Object.keys(errors).length > 0) {
      await ack({ response_action: 'errors', errors });
      return;
    }
    try {
      const identity = await sc.people.identity(...submitter(body));
      const actor = await actorFor(sc.deps, { ...identity, locale: identity.locale ?? locale });
      const reply = await pledgeReply(sc.deps, actor, amountText, anonymous, note.ok ? note.value : null, `slack:view:${view.id}`, 'slack');
      if (reply.kind === 'message' && reply.tone === 'error') {
        await ack({ response_action: 'errors', errors: { [BLOCK.amount]: slackPlain(reply.lines.join(' ')) } });
        return;
      }
      await ack();
      if (reply.kind !== 'message') return;
      await tellPrivately(client, body.user.id, parsedMeta.success ? parsedMeta.data.channel : null, renderMessage(reply));
    } catch (error) {
      logger.error(`pledge form failed: ${String(error)}`);
      await ack({ response_action: 'errors', errors: { [BLOCK.amount]: c.common.sorry } }).catch(() => undefined);
    }
  });
}

/** An ephemeral message in the channel the form came from, or a direct message when that fails. */
async function tellPrivately(client: App['client'], user: string, channel: string | null, msg: SlackMessage) {
  if (channel) {
    try {
      await client.chat.postEphemeral({ channel, user, text: msg.text, blocks: msg.blocks });
      return;
    } catch {
      // Not in that channel any more (or it was a DM with someone else): fall through to a DM.
    }
  }
  await client.chat.postMessage({ channel: user, text: msg.text, blocks: msg.blocks });
}

