/** Block Kit for the announcement form: compose, preview with "send / schedule", and the outcome. No words here. */
import type { ModalView } from '@slack/types';
import type { Catalogue } from '../../src/shared/i18n/index.js';
import { ANNOUNCE_MAX } from '../../src/announcements/announcements.service.js';
import { context, input, modal, option, plain, section, textField } from './kit.js';
import type { SlackMessage } from './render.js';

export const ANNOUNCE_COMPOSE = 'announce_compose';
export const ANNOUNCE_CONFIRM = 'announce_confirm';
export const ANNOUNCE_BLOCK = { text: 'text', when: 'when', at: 'at', also: 'also' } as const;

export function announceComposeModal(c: Catalogue, intro: string, meta: { locale: 'fr' | 'en' }): ModalView {
  const m = c.broadcasts.modal;
  const now = option(m.now, 'now');
  return modal({
    callbackId: ANNOUNCE_COMPOSE,
    metadata: JSON.stringify(meta),
    title: m.title,
    submit: m.next,
    close: m.close,
    blocks: [
      context(intro),
      input(ANNOUNCE_BLOCK.text, m.textLabel, textField({ multiline: true, max: ANNOUNCE_MAX, placeholder: m.textPlaceholder })),
      input(ANNOUNCE_BLOCK.when, m.whenLabel, { type: 'radio_buttons', action_id: 'value', initial_option: now, options: [now, option(m.later, 'later')] }),
      input(ANNOUNCE_BLOCK.at, m.atLabel, { type: 'datetimepicker', action_id: 'value' }, { optional: true }),
      input(ANNOUNCE_BLOCK.also, m.alsoLabel, { type: 'checkboxes', action_id: 'value', options: [option(m.alsoOption, 'volunteers')] }, { optional: true }),
    ],
  });
}

/** The announcement exactly as channels will show it, and when it leaves. */
export function announcePreviewModal(c: Catalogue, preview: SlackMessage, when: string, metadata: string): ModalView {
  const m = c.broadcasts.modal;
  return modal({
    callbackId: ANNOUNCE_CONFIRM,
    metadata,
    title: m.title,
    submit: m.send,
    close: m.close,
    blocks: [{ type: 'header', text: plain(m.previewTitle) }, ...preview.blocks, { type: 'divider' }, context(when)],
  });
}

export function announceDoneModal(c: Catalogue, text: string): ModalView {
  return modal({ title: c.broadcasts.modal.title, close: c.broadcasts.modal.doneClose, blocks: [section(text.slice(0, 2900))] });
}
