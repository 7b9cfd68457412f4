/**
 * What a chat command answers, before any platform lays it out, and who asked. Slack renders it as
 * Block Kit, Teams as text or an Adaptive Card; the words come from the catalogue only.
 *
 * This module imports no feature: a feature that opens a form registers the form's content in
 * {@link FormKinds} from its own folder, so adding a form touches that folder and the renderers.
 */
import type { Identity, Person } from '../ports.js';
import type { Catalogue } from '../shared/i18n/index.js';
import type { Locale } from '../shared/money.js';

/** Who sent a command, as the core sees them: a person, the identity they used, their language. */
export interface Actor {
  person: Person;
  identity: Identity;
  locale: Locale;
  c: Catalogue;
  /** Asked once per command, only when a command needs it. */
  isAdmin(): Promise<boolean>;
}
import type { MessageReply } from './message.js';

export { message, replyText, type MessageReply, type Tone } from './message.js';

/**
 * The forms a command may open, by id, with what each shows besides its intro. Empty here: each
 * feature adds its own with `declare module '…/chat/reply.js' { interface FormKinds { … } }`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by declaration merging
export interface FormKinds {}

export type FormId = keyof FormKinds;

/** The platform should open form `form` (a Slack modal, a Teams card), `intro` at its top. */
export type FormReply<Id extends FormId = FormId> = { [K in Id]: { kind: 'form'; form: K; intro: string } & FormKinds[K] }[Id];

/** What a form submission came to: errors field by field (nothing was stored), or the answer. */
export type FormOutcome<F extends string> = { kind: 'errors'; errors: Partial<Record<F, string>> } | { kind: 'done'; reply: MessageReply };

/**
 * A private file for whoever asked (HR's exports). Slack uploads it to their direct messages; Teams,
 * where a bot cannot hand over a file without a consent card, shows `link` (signed, short-lived).
 */
export interface FileReply {
  kind: 'file';
  filename: string;
  mimeType: string;
  content: string;
  /** Posted with the file: catalogue text, drawn by the platform's renderer. */
  comment: string;
  /** Said where the command was typed once the file is on its way. */
  sent: MessageReply;
  /** The link instead of the file. */
  link: MessageReply;
}

export type Reply = MessageReply | FormReply | FileReply;
