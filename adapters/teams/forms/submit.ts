/**
 * The one submission path of registered form cards, by Action.Execute or the Action.Submit fallback:
 * the card's data names the form, the form's definition checks the values and runs its use case, and
 * the card comes back with the person's values and each error under its field, or the answer
 * replaces it. HR is checked by the use case itself, whoever presses the button. Values are never logged.
 */
import { z } from 'zod';
import { actorFor, type Actor } from '../../../src/chat/actor.js';
import { caravanForm } from '../../../src/chat/caravan-command.js';
import { submitForm, type FormDefinition } from '../../../src/chat/forms.js';
import { message, type FormId, type FormReply } from '../../../src/chat/reply.js';
import { t } from '../../../src/shared/i18n/index.js';
import { teamsIdentity, type TeamsTurn } from '../activity.js';
import type { TeamsContext } from '../context.js';
import type { CardOutcome } from '../pledge-card.js';
import { noticeCard, type Card } from '../render.js';
import { TEAMS_FORMS, type TeamsForms } from '../reply.js';
import { FORM_VERB, type FormCardState } from './card.js';
import { cardInput } from '../needs/card-parts.js';

const formCardData = z.looseObject({ caravane: z.literal(FORM_VERB), form: z.string().max(40), token: z.string().min(8).max(100) });

/** The card again, with its state, for a form opened afresh. */
function cardAgain<K extends FormId>(actor: Actor, form: FormReply<K>, state: FormCardState): Card | null {
  const view: TeamsForms[K] = TEAMS_FORMS[form.form];
  return view.again ? view.again(actor.c, form, state) : null;
}

const done = (reply: Parameters<typeof noticeCard>[0]): CardOutcome => ({ kind: 'done', card: noticeCard(reply) });

async function outcomeOf(tc: TeamsContext, definition: FormDefinition, actor: Actor, data: Record<string, unknown>, token: string): Promise<CardOutcome> {
  const read = (field: string) => cardInput.parse(data[field]);
  const key = `teams:card:${token}:${actor.identity.tenantId}:${actor.identity.userId}`;
  const submitted = await submitForm(tc.deps, definition, actor, read, key);
  if ('unreadable' in submitted) return done(message('error', [actor.c.common.sorry]));
  const { outcome, values } = submitted;
  if (outcome.kind === 'done') return done(outcome.reply);
  const form = await definition.open(tc.deps, actor);
  if (form.kind !== 'form') return done(form);
  const card = cardAgain(actor, form, { token, values, errors: outcome.errors });
  return card
    ? { kind: 'again', card }
    : done(
        message(
          'error',
          Object.values(outcome.errors).filter((e) => e !== undefined),
        ),
      );
}

/** The outcome of a registered form card's submission, or null when `value` is not one. */
export async function submitFormCard(tc: TeamsContext, turn: TeamsTurn, value: unknown): Promise<CardOutcome | null> {
  const parsed = formCardData.safeParse(value);
  if (!parsed.success) return null;
  const definition = caravanForm(parsed.data.form);
  if (!definition) return null;
  const identity = teamsIdentity(turn, !tc.authenticated);
  if (!identity) return done(message('info', [t(turn.locale ?? tc.deps.defaultLocale).teams.unidentified]));
  return outcomeOf(tc, definition, await actorFor(tc.deps, identity), parsed.data, parsed.data.token);
}
