/**
 * HR's need card (`caravan need`): the same fields as the Slack modal, each error under its field.
 * HR is checked again when the card comes back, whoever presses the button.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { actorFor } from '../../../src/chat/actor.js';
import { needForm, submitNeedForm, type NeedFormField, type NeedFormReply, type NeedFormValues } from '../../../src/chat/needs/need-form.js';
import { message } from '../../../src/chat/reply.js';
import { t, type Catalogue } from '../../../src/shared/i18n/index.js';
import { teamsIdentity, type TeamsTurn } from '../activity.js';
import type { TeamsContext } from '../context.js';
import type { CardOutcome } from '../pledge-card.js';
import { cardInput, formCard } from './card-parts.js';
import { noticeCard, teamsMarkdown, type Card } from '../render.js';

export const NEED_VERB = 'need.save';
const FIELDS: readonly NeedFormField[] = ['site', 'place', 'item', 'size', 'quantity', 'unitPrice'];
const EMPTY: NeedFormValues = { site: '', place: '', item: '', size: '', quantity: '', unitPrice: '' };

const text = (s: string, extra: Record<string, unknown> = {}) => ({ type: 'TextBlock', text: teamsMarkdown(s), wrap: true, ...extra });

export function needCard(
  c: Catalogue,
  form: NeedFormReply,
  token: string = randomUUID(),
  values: NeedFormValues = EMPTY,
  errors: Partial<Record<NeedFormField, string>> = {},
): Card {
  const f = c.needs.hrForm;
  const labels: Record<NeedFormField, string> = {
    site: f.siteLabel,
    place: f.placeLabel,
    item: f.itemLabel,
    size: f.sizeLabel,
    quantity: f.quantityLabel,
    unitPrice: f.priceLabel,
  };
  const data = { caravane: NEED_VERB, token };
  return formCard(
    c,
    [
      text(f.title, { weight: 'Bolder', size: 'Medium' }),
      text(form.intro, { isSubtle: true }),
      ...(form.sites.length > 0 ? [text(f.sitesHint(form.sites.join(', ')), { isSubtle: true, size: 'Small' })] : []),
      ...FIELDS.flatMap((field) => [
        { type: 'Input.Text', id: field, label: labels[field], maxLength: field === 'item' ? 60 : 120, value: values[field] },
        ...(errors[field] ? [text(errors[field] ?? '', { color: 'Attention', spacing: 'None', size: 'Small' })] : []),
      ]),
    ],
    NEED_VERB,
    f.submit,
    data,
  );
}

const input = cardInput;

const needData = z.looseObject({
  caravane: z.literal(NEED_VERB),
  token: z.string().min(8).max(100),
  site: input,
  place: input,
  item: input,
  size: input,
  quantity: input,
  unitPrice: input,
});

/** The outcome of a need card's submission, or null when `value` is not one. */
export async function submitNeedCard(tc: TeamsContext, turn: TeamsTurn, value: unknown): Promise<CardOutcome | null> {
  const parsed = needData.safeParse(value);
  if (!parsed.success) return null;
  const identity = teamsIdentity(turn, !tc.authenticated);
  if (!identity) return { kind: 'done', card: noticeCard(message('info', [t(turn.locale ?? tc.deps.defaultLocale).teams.unidentified])) };
  const actor = await actorFor(tc.deps, identity);
  const { site, place, item, size, quantity, unitPrice } = parsed.data;
  const values = { site, place, item, size, quantity, unitPrice };
  const outcome = await submitNeedForm(tc.deps, actor, values);
  if (outcome.kind === 'done') return { kind: 'done', card: noticeCard(outcome.reply) };
  const form = await needForm(tc.deps, actor);
  if (form.kind !== 'form') return { kind: 'done', card: noticeCard(form) };
  return { kind: 'again', card: needCard(actor.c, form, parsed.data.token, values, outcome.errors) };
}
