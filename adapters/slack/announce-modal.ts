/** Block Kit for the announcement form: compose, preview with "send / schedule", and the outcome. No words here. */
import type { types } from '@slack/bolt';
import type { Catalogue } from '../../src/shared/i18n/index.js';
import { ANNOUNCE_MAX } from '../../src/announcements/announcements.service.js';
import type { SlackMessage } from './render.js';

export const ANNOUNCE_COMPOSE = 'announce_compose';
export const ANNOUNCE_CONFIRM = 'announce_confirm';
export const ANNOUNCE_BLOCK = { text: 'text', when: 'when', at: 'at', also: 'also' } as const;

const plain = (text: string) => ({ type: 'plain_text' as const, text });
const title = (c: Catalogue) => plain(c.broadcasts.modal.title.slice(0, 24));

export function announceComposeModal(c: Catalogue, intro: string, meta: { locale: 'fr' | 'en' }): types.ModalView {
  const m = c.broadcasts.modal;
  return {
    type: 'modal' as const,
    callback_id: ANNOUNCE_COMPOSE,
    private_metadata: JSON.stringify(meta),
    title: title(c),
    submit: plain(m.next),
    close: plain(m.close),
    blocks: [
      { type: 'context', elements: [{ type: 'mrkdwn', text: intro }] },
      {
        type: 'input',
        block_id: ANNOUNCE_BLOCK.text,
        label: plain(m.textLabel),
        element: { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: ANNOUNCE_MAX, placeholder: plain(m.textPlaceholder) },
      },
      {
        type: 'input',
        block_id: ANNOUNCE_BLOCK.when,
        label: plain(m.whenLabel),
        element: {
          type: 'radio_buttons',
          action_id: 'value',
          initial_option: { text: plain(m.now), value: 'now' },
          options: [
            { text: plain(m.now), value: 'now' },
            { text: plain(m.later), value: 'later' },
          ],
        },
      },
      { type: 'input', block_id: ANNOUNCE_BLOCK.at, optional: true, label: plain(m.atLabel), element: { type: 'datetimepicker', action_id: 'value' } },
      {
        type: 'input',
        block_id: ANNOUNCE_BLOCK.also,
        optional: true,
        label: plain(m.alsoLabel),
        element: { type: 'checkboxes', action_id: 'value', options: [{ text: plain(m.alsoOption), value: 'volunteers' }] },
      },
    ],
  };
}

/** The announcement exactly as channels will show it, and when it leaves. */
export function announcePreviewModal(c: Catalogue, preview: SlackMessage, when: string, metadata: string): types.ModalView {
  const m = c.broadcasts.modal;
  return {
    type: 'modal' as const,
    callback_id: ANNOUNCE_CONFIRM,
    private_metadata: metadata,
    title: title(c),
    submit: plain(m.send),
    close: plain(m.close),
    blocks: [
      { type: 'header', text: plain(m.previewTitle) },
      // renderMessage builds plain section blocks; Bolt wants them typed as Block Kit.
      ...(preview.blocks as unknown as types.KnownBlock[]),
      { type: 'divider' },
      { type: 'context', elements: [{ type: 'mrkdwn', text: when }] },
    ],
  };
}

export function announceDoneModal(c: Catalogue, text: string): types.ModalView {
  return {
    type: 'modal' as const,
    title: title(c),
    close: plain(c.broadcasts.modal.doneClose),
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: text.slice(0, 2900) } }],
  };
}
