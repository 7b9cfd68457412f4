/**
 * Every core reply as Slack shows it, in one exhaustive switch: a message, a modal to open, or a
 * file to hand over. A new reply kind or form does not compile until it has its Slack layout here.
 */
import type { ModalView } from '@slack/types';
import type { Actor, FileReply, FormId, FormReply, Reply } from '../../src/chat/reply.js';
import { announceComposeModal } from './announce-modal.js';
import { goalModal } from './forms/goal-modal.js';
import { giveModal } from './needs/give-modal.js';
import { needModal } from './needs/need-modal.js';
import { pledgeModal, renderMessage, type SlackMessage } from './render.js';
import { volunteerFormView } from './volunteers/modals.js';

export type SlackReply =
  | { kind: 'message'; message: SlackMessage }
  /** Opened with the command's trigger id; where there is none (a direct message), `hint` is said instead. */
  | { kind: 'modal'; view: ModalView }
  /** Uploaded to the person's direct messages, `sent` said where they asked. */
  | { kind: 'file'; file: FileReply; sent: SlackMessage };

/** `channel`: where the command was typed, for the answer to a form submitted later. */
export function renderReply(actor: Actor, reply: Reply, channel: string | null): SlackReply {
  switch (reply.kind) {
    case 'message':
      return { kind: 'message', message: renderMessage(reply) };
    case 'file':
      return { kind: 'file', file: reply, sent: renderMessage(reply.sent) };
    case 'form':
      return { kind: 'modal', view: formView(actor, reply, channel) };
    default:
      return reply satisfies never;
  }
}

/** How Slack lays out each form: one entry per form id, so a new form does not compile until it has its modal. */
type SlackForms = { [K in FormId]: (actor: Actor, form: FormReply<K>, channel: string | null) => ModalView };

const SLACK_FORMS: SlackForms = {
  pledge: (actor, form, channel) => pledgeModal(actor.c, form, { channel, locale: actor.locale }),
  announce: (actor, form) => announceComposeModal(actor.c, form.intro, { locale: actor.locale }),
  volunteer: volunteerFormView,
  trip: volunteerFormView,
  give: giveModal,
  need: needModal,
  goal: goalModal,
};

function formView<K extends FormId>(actor: Actor, form: FormReply<K>, channel: string | null): ModalView {
  const view: SlackForms[K] = SLACK_FORMS[form.form];
  return view(actor, form, channel);
}
