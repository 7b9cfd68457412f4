/**
 * Cards of the forms features register (`src/chat/forms.ts`): their inputs are named after the form's
 * fields and their data names the form, so one submission path (forms/submit.ts) serves them all.
 */
import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import type { Actor } from '../../../src/chat/actor.js';
import type { FormId, FormReply } from '../../../src/chat/reply.js';
import type { Catalogue } from '../../../src/shared/i18n/index.js';
import { formCard } from '../needs/card-parts.js';
import type { TeamsTurn } from '../activity.js';
import { cardActivity, cardText, type Card } from '../render.js';

/** The marker in a registered form card's data; `form` in the same data names which one. */
export const FORM_VERB = 'form.submit';

/** One card's state: its token (with the submitter, the idempotency key), what was typed, the errors under each field. */
export interface FormCardState {
  token: string;
  values: Partial<Record<string, string>>;
  errors: Partial<Record<string, string>>;
}

/** A registered form's card, fresh (`values` prefilled from the form) or again with errors. */
export type FormCard<K extends FormId> = (c: Catalogue, form: FormReply<K>, state: FormCardState) => Card;

const freshFormState = (): FormCardState => ({ token: randomUUID(), values: {}, errors: {} });

/** A registered form's frame: title, intro, the inputs; one button (Action.Execute, Action.Submit for older clients). */
export function registeredFormCard(c: Catalogue, id: FormId, v: { token: string; title: string; intro: string; submit: string; inputs: unknown[] }): Card {
  return formCard(
    c,
    [
      { type: 'TextBlock', text: cardText(v.title), wrap: true, weight: 'Bolder', size: 'Medium' },
      { type: 'TextBlock', text: cardText(v.intro), wrap: true, isSubtle: true },
      ...v.inputs,
    ],
    FORM_VERB,
    v.submit,
    { caravane: FORM_VERB, form: id, token: v.token },
  );
}

/** How Teams shows a form a command opened: a card, or a message instead (a form that must not be answered here). */
export interface TeamsFormView<K extends FormId> {
  open(actor: Actor, form: FormReply<K>, turn: TeamsTurn): Partial<Activity>;
  /** Registered forms: the card again with the person's values and the errors under their fields. */
  again?: FormCard<K>;
}

/** The table entry of a registered form: its card, fresh when a command opens it, with its state when it comes back. */
export function registered<K extends FormId>(card: FormCard<K>): TeamsFormView<K> {
  return { open: (actor, form) => cardActivity(card(actor.c, form, freshFormState())), again: card };
}
