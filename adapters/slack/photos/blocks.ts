/**
 * Block Kit for photos: the uploader's consent prompt, HR's review message, the reject-reason modal
 * and the notices that replace them once acted on. Every word comes from the catalogue.
 */
import type { InputBlock, KnownBlock, ModalView } from '@slack/types';
import type { MessageReply } from '../../../src/chat/reply.js';
import { personText } from '../../../src/chat/text.js';
import { CAPTION_MAX, PLACE_MAX, photoNumbers, REASON_MAX, type PhotoBatch } from '../../../src/photos/photo.js';
import type { Catalogue } from '../../../src/shared/i18n/index.js';
import { actions, button, context, input, modal, section, textField } from '../kit.js';
import { renderMessage, type SlackMessage } from '../render.js';

export const ACTION = {
  consent: 'photos.consent',
  discard: 'photos.discard',
  approve: 'photos.approve',
  reject: 'photos.reject',
  withdraw: 'photos.withdraw',
} as const;
export const BLOCK = { caption: 'photos.caption', place: 'photos.place', reason: 'photos.reason' } as const;
export const REJECT_VIEW = 'photos.reject_reason';

const caption = (blockId: string, label: string, placeholder: string, max: number, initial: string | null, multiline = false): InputBlock =>
  input(blockId, label, textField({ placeholder, max, initial, multiline }), { optional: true });

/** The answer to an upload: what was kept and refused, then consent (caption, place, the statement, buttons). */
export function consentPrompt(c: Catalogue, batch: PhotoBatch, head: MessageReply): SlackMessage {
  const p = c.photos;
  const top = renderMessage(head);
  const id = String(batch.id);
  const count = batch.photos.filter((ph) => ph.withdrawnAt === null).length;
  const blocks: KnownBlock[] = [
    ...top.blocks,
    { type: 'divider' },
    section(`*${p.consentTitle(count)}*`),
    context(p.privateUntil(count)),
    caption(BLOCK.caption, p.captionLabel, p.captionPlaceholder, CAPTION_MAX, batch.caption),
    caption(BLOCK.place, p.placeLabel, p.placePlaceholder, PLACE_MAX, batch.place),
    section(p.consentStatement(count)),
    actions(`photos.consent.${id}`, [button(ACTION.consent, p.consentButton, id, 'primary'), button(ACTION.discard, p.discardButton(count), id, 'danger')]),
  ];
  return { text: top.text, blocks };
}

/** HR's copy of a consented batch (the photos themselves are uploaded just before it). */
export function reviewMessage(c: Catalogue, batch: PhotoBatch, uploaderName: string | null): SlackMessage {
  const p = c.photos;
  const live = batch.photos.filter((ph) => ph.withdrawnAt === null);
  const title = `${p.reviewTitle(live.length)} (${photoNumbers(live.map((ph) => ph.id))})`;
  // The uploader's name, caption and place are theirs: shown literally, never as markup.
  const details = [
    p.reviewFrom(uploaderName === null ? p.someone : personText(uploaderName), live.length),
    ...(batch.caption ? [p.captionLine(personText(batch.caption))] : []),
    ...(batch.place ? [p.placeLine(personText(batch.place))] : []),
  ];
  const id = String(batch.id);
  return {
    text: title,
    blocks: [
      section(`:camera_with_flash: *${title}*`),
      section(details.join('\n')),
      actions(`photos.review.${id}`, [button(ACTION.approve, p.approveButton, id, 'primary'), button(ACTION.reject, p.rejectButton, id, 'danger')]),
    ],
  };
}

/** A private message, with a Withdraw button when it is about an approved batch. */
export function noticeMessage(c: Catalogue, reply: MessageReply, withdrawBatchId?: number): SlackMessage {
  const rendered = renderMessage(reply);
  if (withdrawBatchId === undefined) return rendered;
  return {
    text: rendered.text,
    blocks: [...rendered.blocks, actions(undefined, [button(ACTION.withdraw, c.photos.withdrawButton, String(withdrawBatchId), 'danger')])],
  };
}

export interface RejectMeta {
  batchId: number;
  channel: string | null;
  ts: string | null;
  locale: 'fr' | 'en';
}

export function rejectModal(c: Catalogue, meta: RejectMeta): ModalView {
  const p = c.photos;
  return modal({
    callbackId: REJECT_VIEW,
    metadata: JSON.stringify(meta),
    title: p.rejectTitle,
    submit: p.rejectSubmit,
    close: p.cancel,
    blocks: [caption(BLOCK.reason, p.reasonLabel, p.reasonPlaceholder, REASON_MAX, null, true)],
  });
}
