/**
 * The `give` card: pick a need (or "where it is most needed"), say how many; Action.Execute with an
 * Action.Submit fallback. A submission with errors comes back with the person's values and each
 * error under its field; the key is the card's token plus the submitter, so it records once.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { actorFor } from '../../../src/chat/actor.js';
import { giveForm, submitGiveForm, type GiveField, type GiveFormReply } from '../../../src/chat/needs/give-form.js';
import { message } from '../../../src/chat/reply.js';
import type { Catalogue } from '../../../src/shared/i18n/index.js';
import { t } from '../../../src/shared/i18n/index.js';
import { teamsIdentity, type TeamsTurn } from '../activity.js';
import type { TeamsContext } from '../context.js';
import type { CardOutcome } from '../pledge-card.js';
import { cardInput, formCard } from './card-parts.js';
import { noticeCard, teamsMarkdown, type Card } from '../render.js';
import { teamsPlain } from '../text.js';

export const GIVE_VERB = 'give.submit';

export interface GiveCardState {
  token: string;
  values: { need: string; quantity: string };
  errors: Partial<Record<GiveField, string>>;
}

export const freshGiveState = (): GiveCardState => ({ token: randomUUID(), values: { need: '', quantity: '' }, errors: {} });

const text = (s: string, extra: Record<string, unknown> = {}) => ({ type: 'TextBlock', text: teamsMarkdown(s), wrap: true, ...extra });
const errorUnder = (s: string | undefined) => (s ? [text(s, { color: 'Attention', spacing: 'None', size: 'Small' })] : []);

export function giveCard(c: Catalogue, form: GiveFormReply, state: GiveCardState): Card {
  const f = c.needs.form;
  const data = { caravane: GIVE_VERB, token: state.token };
  return formCard(
    c,
    [
      text(f.title, { weight: 'Bolder', size: 'Medium' }),
      text(form.intro, { isSubtle: true }),
      {
        type: 'Input.ChoiceSet',
        id: 'need',
        label: f.needLabel,
        style: 'compact',
        placeholder: f.pick,
        value: state.values.need,
        choices: form.options.map((o) => ({ title: teamsPlain(o.label), value: o.value })),
      },
      ...errorUnder(state.errors.need),
      { type: 'Input.Text', id: 'quantity', label: f.quantityLabel, placeholder: f.quantityPlaceholder, maxLength: 6, value: state.values.quantity },
      ...errorUnder(state.errors.quantity),
    ],
    GIVE_VERB,
    f.submit,
    data,
  );
}

const input = cardInput;

const giveData = z.looseObject({ caravane: z.literal(GIVE_VERB), token: z.string().min(8).max(100), need: input, quantity: input });

/** The outcome of a give card's submission, or null when `value` is not one. */
export async function submitGiveCard(tc: TeamsContext, turn: TeamsTurn, value: unknown): Promise<CardOutcome | null> {
  const parsed = giveData.safeParse(value);
  if (!parsed.success) return null;
  const identity = teamsIdentity(turn, !tc.authenticated);
  if (!identity) return { kind: 'done', card: noticeCard(message('info', [t(turn.locale ?? tc.deps.defaultLocale).teams.unidentified])) };
  const actor = await actorFor(tc.deps, identity);
  const values = { need: parsed.data.need, quantity: parsed.data.quantity };
  const key = `teams:card:${parsed.data.token}:${identity.tenantId}:${identity.userId}`;
  const outcome = await submitGiveForm(tc.deps, actor, values, key);
  if (outcome.kind === 'done') return { kind: 'done', card: noticeCard(outcome.reply) };
  const form = await giveForm(tc.deps, actor);
  if (form.kind !== 'form') return { kind: 'done', card: noticeCard(form) };
  return { kind: 'again', card: giveCard(actor.c, form, { token: parsed.data.token, values, errors: outcome.errors }) };
}
