/**
 * What a chat command answers, before any platform lays it out. Slack renders it as Block Kit,
 * Teams as text or an Adaptive Card; the words come from the catalogue only.
 */
import type { GiveFormReply } from './needs/give-form.js';
import type { NeedFormReply } from './needs/need-form.js';
import type { VolunteerFormReply } from '../volunteers/forms.js';
import type { TripFormReply } from '../volunteers/trip-form.js';
import type { MessageReply } from './message.js';

export { message, replyText, type MessageReply, type Tone } from './message.js';

/** The platform should open a form (Slack modal / Teams card). */
export interface FormReply {
  kind: 'form';
  form: 'pledge' | 'announce';
  /** Shown at the top of the form. */
  intro: string;
}

/**
 * A private file for whoever asked (HR's exports). Slack uploads it to their direct messages; Teams,
 * where a bot cannot hand over a file without a consent card, shows `link` (signed, short-lived).
 */
export interface FileReply {
  kind: 'file';
  filename: string;
  mimeType: string;
  content: string;
  /** Posted with the file. */
  comment: string;
  /** Said where the command was typed once the file is on its way. */
  sent: MessageReply;
  /** The link instead of the file. */
  link: MessageReply;
}

export type Reply = MessageReply | FormReply | VolunteerFormReply | TripFormReply | GiveFormReply | NeedFormReply | FileReply;
