/**
 * HR's need modal (`/caravan need`): site (created when new), place, item, size, quantity, unit
 * price. Errors come back on their field and nothing is stored; HR is checked again on submission.
 */
import { slackPlain } from '../text.js';
import type { App } from '@slack/bolt';
import { z } from 'zod';
import { actorFor, type Actor } from '../../../src/chat/actor.js';
import { submitNeedForm, type NeedFormField, type NeedFormReply, type NeedFormValues } from '../../../src/chat/needs/need-form.js';
import { t } from '../../../src/shared/i18n/index.js';
import type { SlackContext } from '../context.js';
import { renderMessage } from '../render.js';
import { submitter, viewMetadata } from '../view-submission.js';

export const NEED_VIEW = 'caravane_need';
const FIELDS: readonly NeedFormField[] = ['site', 'place', 'item', 'size', 'quantity', 'unitPrice'];
const OPTIONAL = new Set<NeedFormField>(['place', 'size', 'unitPrice']);
const blockOf = (field: NeedFormField) => `need_${field}`;

const meta = z.object({ channel: z.string().nullable(), locale: z.enum(['fr', 'en']) });
const element = z.looseObject({ value: z.string().max(200).nullish().catch(null) });
const stateValues = z.record(z.string(), z.record(z.string(), element.catch({})));

const plain = (text: string, max: number) => ({ type: 'plain_text' as const, text: text.slice(0, max) });

export function needModal(actor: Actor, form: NeedFormReply, channel: string | null) {
  const f = actor.c.needs.hrForm;
  const labels: Record<NeedFormField, string> = {
    site: f.siteLabel,
    place: f.placeLabel,
    item: f.itemLabel,
    size: f.sizeLabel,
    quantity: f.quantityLabel,
    unitPrice: f.priceLabel,
  };
  return {
    type: 'modal' as const,
    callback_id: NEED_VIEW,
    private_metadata: JSON.stringify({ channel, locale: actor.locale }),
    title: plain(f.title, 24),
    submit: plain(f.submit, 24),
    close: plain(f.close, 24),
    blocks: [
      { type: 'context', elements: [{ type: 'plain_text', text: slackPlain(form.intro).slice(0, 2000) }] },
      ...(form.sites.length > 0 ? [{ type: 'context', elements: [{ type: 'plain_text', text: f.sitesHint(form.sites.join(', ')).slice(0, 2000) }] }] : []),
      ...FIELDS.map((field) => ({
        type: 'input',
        block_id: blockOf(field),
        optional: OPTIONAL.has(field),
        label: plain(labels[field], 2000),
        element: {
          type: 'plain_text_input',
          action_id: 'value',
          max_length: field === 'item' ? 60 : 120,
          ...(field === 'item' ? { placeholder: plain(f.itemPlaceholder, 150) } : {}),
        },
      })),
    ],
  };
}

export function registerNeedView(app: App, sc: SlackContext): void {
  app.view(NEED_VIEW, async ({ ack, body, view, client, logger }) => {
    const parsedMeta = meta.safeParse(viewMetadata(view.private_metadata));
    const locale = parsedMeta.success ? parsedMeta.data.locale : sc.deps.defaultLocale;
    const state = stateValues.safeParse(view.state.values);
    const read = (field: NeedFormField) => (state.success ? (state.data[blockOf(field)]?.value?.value ?? '') : '');
    const values: NeedFormValues = {
      site: read('site'),
      place: read('place'),
      item: read('item'),
      size: read('size'),
      quantity: read('quantity'),
      unitPrice: read('unitPrice'),
    };
    try {
      const identity = await sc.people.identity(...submitter(body));
      const actor = await actorFor(sc.deps, { ...identity, locale: identity.locale ?? locale });
      const outcome = await submitNeedForm(sc.deps, actor, values);
      if (outcome.kind === 'errors') {
        const errors: Record<string, string> = {};
        for (const field of FIELDS) {
          const text = outcome.errors[field];
          if (text !== undefined) errors[blockOf(field)] = slackPlain(text);
        }
        await ack({ response_action: 'errors', errors });
        return;
      }
      await ack();
      await client.chat.postMessage({ channel: body.user.id, ...renderMessage(outcome.reply) });
    } catch (error) {
      logger.error(`need form failed: ${String(error)}`);
      await ack({ response_action: 'errors', errors: { [blockOf('site')]: t(locale).common.sorry } }).catch(() => undefined);
    }
  });
}
