/**
 * Every core reply as Teams shows it, in one exhaustive switch: markdown text, or an Adaptive Card
 * for a form. A new reply kind or form does not compile until it has its Teams layout here.
 */
import type { Activity } from 'botbuilder';
import { message, type Actor, type FormReply, type Reply } from '../../src/chat/reply.js';
import type { TeamsTurn } from './activity.js';
import { freshAnnounceCard } from './announce-card.js';
import { freshGiveState, giveCard } from './needs/give-card.js';
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

function formActivity(actor: Actor, form: FormReply, turn: TeamsTurn): Partial<Activity> {
  switch (form.form) {
    case 'pledge':
      return cardActivity(pledgeCard(actor.c, form, freshCard()));
    case 'volunteer':
      // A card in a channel is seen by everyone once answered: phones and emergency contacts stay in 1:1 chats.
      if (turn.conversationType !== 'personal') return renderMessage(message('info', [actor.c.volunteers.form.privateOnly]));
      return cardActivity(volunteerCard(actor.c, form, freshState(EMPTY_SIGNUP)));
    case 'trip':
      return cardActivity(tripCard(actor.c, form, freshState(form.values)));
    case 'give':
      return cardActivity(giveCard(actor.c, form, freshGiveState()));
    case 'need':
      return cardActivity(needCard(actor.c, form));
    case 'announce':
      return cardActivity(freshAnnounceCard(actor.c, form.intro));
    default:
      return form satisfies never;
  }
}
