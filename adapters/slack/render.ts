/** Block Kit layout of core replies and forms. No user-facing words are written here. */
import type { KnownBlock, ModalView } from '@slack/types';
import type { FormReply, MessageReply } from '../../src/chat/reply.js';
import { replyText } from '../../src/chat/reply.js';
import { hasOwnIcon } from '../../src/chat/text.js';
import type { Catalogue } from '../../src/shared/i18n/index.js';
import { NOTE_MAX } from '../../src/pledges/pledge.js';
import { context, input, modal, option, section, textField } from './kit.js';
import { slackMrkdwn } from './text.js';

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

const ICON: Record<MessageReply['tone'], string> = { ok: ':white_check_mark:', info: ':bus:', error: ':warning:' };

/** A section holds at most 3000 characters (docs.slack.dev/reference/block-kit/blocks/section-block). */
const SECTION_MAX = 3000;

/** The headline in Slack's bold, after the tone's icon unless it brings its own. */
const headline = (reply: MessageReply & { headline: string }) =>
  hasOwnIcon(reply.headline) ? `*${reply.headline}*` : `${ICON[reply.tone]} *${reply.headline}*`;

/** A reply as Block Kit: the headline in Slack's bold, the lines drawn by text.ts. */
export function renderMessage(reply: MessageReply): SlackMessage {
  const blocks: KnownBlock[] = [];
  if (reply.headline) blocks.push(section(headline({ ...reply, headline: reply.headline })));
  const body = reply.lines.join('\n').trim();
  if (body !== '') {
    const text = slackMrkdwn(reply.headline ? body : `${ICON[reply.tone]} ${body}`);
    for (let i = 0; i < text.length; i += SECTION_MAX - 100)
      blocks.push({ type: 'section', text: { type: 'mrkdwn', text: text.slice(i, i + SECTION_MAX - 100) } });
  }
  return { text: slackMrkdwn(replyText(reply)).slice(0, SECTION_MAX), blocks };
}

/**
 * A reply as one mrkdwn text, where Slack takes no blocks (a file upload's comment): the headline
 * bold as in {@link renderMessage}, then the lines.
 */
export function messageMrkdwn(reply: MessageReply): string {
  const top = reply.headline ? [headline({ ...reply, headline: reply.headline })] : [];
  return slackMrkdwn([...top, ...reply.lines].join('\n').trim());
}

export const PLEDGE_VIEW = 'pledge_form';
export const BLOCK = { amount: 'amount', anonymous: 'anonymous', note: 'note' } as const;

export interface PledgeViewMeta {
  channel: string | null;
  locale: 'fr' | 'en';
}

export function pledgeModal(c: Catalogue, form: FormReply<'pledge'>, meta: PledgeViewMeta): ModalView {
  return modal({
    callbackId: PLEDGE_VIEW,
    metadata: JSON.stringify(meta),
    title: c.form.title,
    submit: c.form.submit,
    close: c.form.close,
    blocks: [
      context(form.intro),
      input(BLOCK.amount, c.form.amountLabel(form.currency), textField({ placeholder: c.form.amountPlaceholder, max: 40 })),
      input(
        BLOCK.anonymous,
        c.form.anonymousLabel,
        { type: 'checkboxes', action_id: 'value', options: [option(c.form.anonymousOption, 'anonymous')] },
        { optional: true },
      ),
      input(BLOCK.note, c.form.noteLabel, textField({ placeholder: c.form.notePlaceholder, multiline: true, max: NOTE_MAX }), { optional: true }),
    ],
  });
}
