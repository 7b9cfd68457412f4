/** Block Kit layout of core replies and forms. No user-facing words are written here. */
import type { FormReply, MessageReply, Reply } from '../../src/chat/reply.js';
import { replyText } from '../../src/chat/reply.js';
import type { Catalogue } from '../../src/shared/i18n/index.js';
import { NOTE_MAX } from '../../src/pledges/pledge.js';

export interface SlackMessage {
  text: string;
  blocks: Array<Record<string, unknown>>;
}

const ICON: Record<MessageReply['tone'], string> = { ok: ':white_check_mark:', info: ':bus:', error: ':warning:' };

/** Slack's mrkdwn bolds with single stars; the catalogue already writes it that way. */
export function renderMessage(reply: MessageReply): SlackMessage {
  const blocks: Array<Record<string, unknown>> = [];
  if (reply.headline) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `${ICON[reply.tone]} *${reply.headline}*` } });
  }
  const body = reply.lines.join('\n').trim();
  if (body !== '') {
    const text = reply.headline ? body : `${ICON[reply.tone]} ${body}`;
    // A section holds at most 3000 characters.
    for (let i = 0; i < text.length; i += 2900) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: text.slice(i, i + 2900) } });
  }
  return { text: replyText(reply).slice(0, 3000), blocks };
}

export const PLEDGE_VIEW = 'pledge_form';
export const BLOCK = { amount: 'amount', anonymous: 'anonymous', note: 'note' } as const;

export interface PledgeViewMeta {
  channel: string | null;
  locale: 'fr' | 'en';
}

export function pledgeModal(c: Catalogue, form: FormReply, meta: PledgeViewMeta) {
  return {
    type: 'modal' as const,
    callback_id: PLEDGE_VIEW,
    private_metadata: JSON.stringify(meta),
    title: { type: 'plain_text' as const, text: c.form.title.slice(0, 24) },
    submit: { type: 'plain_text' as const, text: c.form.submit },
    close: { type: 'plain_text' as const, text: c.form.close },
    blocks: [
      { type: 'context', elements: [{ type: 'mrkdwn', text: form.intro }] },
      {
        type: 'input',
        block_id: BLOCK.amount,
        label: { type: 'plain_text', text: c.form.amountLabel },
        element: {
          type: 'plain_text_input',
          action_id: 'value',
          placeholder: { type: 'plain_text', text: c.form.amountPlaceholder },
          max_length: 40,
        },
      },
      {
        type: 'input',
        block_id: BLOCK.anonymous,
        optional: true,
        label: { type: 'plain_text', text: c.form.anonymousLabel },
        element: {
          type: 'checkboxes',
          action_id: 'value',
          options: [{ text: { type: 'plain_text', text: c.form.anonymousOption }, value: 'anonymous' }],
        },
      },
      {
        type: 'input',
        block_id: BLOCK.note,
        optional: true,
        label: { type: 'plain_text', text: c.form.noteLabel },
        element: {
          type: 'plain_text_input',
          action_id: 'value',
          multiline: true,
          max_length: NOTE_MAX,
          placeholder: { type: 'plain_text', text: c.form.notePlaceholder },
        },
      },
    ],
  };
}

export function isMessage(reply: Reply): reply is MessageReply {
  return reply.kind === 'message';
}
