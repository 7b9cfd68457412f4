/**
 * Every core reply as Teams shows it, in one exhaustive switch: markdown text, or an Adaptive Card
 * for a form. A new reply kind or form does not compile until it has its Teams layout here.
 */
import type { Activity } from 'botbuilder';
import { message, type Actor, type FormId, type FormReply, type Reply } from '../../src/chat/reply.js';
import { registered, type TeamsFormView } from './forms/card.js';
import { goalCard } from './forms/goal-card.js';
import type { TeamsTurn } from './activity.js';
import { freshAnnounceCard } from './announce-card.js';
import { giveCard } from './needs/give-card.js';
import { needCard } from './needs/need-card.js';
import { cardActivity, freshCard, pledgeCard, renderMessage } from './render.js';
import { EMPTY_SIGNUP, freshState, tripCard, volunteerCard } from './volunteer-cards.js';

export function renderReply(actor: Actor, reply: Reply, turn: TeamsTurn): Partial<Activity> {
  switch (reply.kind) {
    case 'message':
      return renderMessage(reply);
    case 'file':
      // A bot cannot hand a file over in Teams without a consent card: the signed link instead.
      return renderMessage(reply.link);
    case 'form':
      return formActivity(actor, reply, turn);
    default:
      return reply satisfies never;
  }
}

/** How Teams shows each form: one entry per form id, so a new form does not compile until it has its card. */
export type TeamsForms = { [K in FormId]: TeamsFormView<K> };

export const TEAMS_FORMS: TeamsForms = {
  pledge: { open: (actor, form) => cardActivity(pledgeCard(actor.c, form, freshCard())) },
  volunteer: {
    open: (actor, form, turn) =>
      // A card in a channel is seen by everyone once answered: phones and emergency contacts stay in 1:1 chats.
      turn.conversationType !== 'personal'
        ? renderMessage(message('info', [actor.c.volunteers.form.privateOnly]))
        : cardActivity(volunteerCard(actor.c, form, freshState(EMPTY_SIGNUP))),
  },
  trip: { open: (actor, form) => cardActivity(tripCard(actor.c, form, freshState(form.values))) },
  give: registered(giveCard),
  need: registered(needCard),
  announce: { open: (actor, form) => cardActivity(freshAnnounceCard(actor.c, form.intro)) },
  goal: registered(goalCard),
};

function formActivity<K extends FormId>(actor: Actor, form: FormReply<K>, turn: TeamsTurn): Partial<Activity> {
  const view: TeamsForms[K] = TEAMS_FORMS[form.form];
  return view.open(actor, form, turn);
}
