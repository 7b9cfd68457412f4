/**
 * Block Kit for photos: the uploader's consent prompt, HR's review message, the reject-reason modal
 * and the notices that replace them once acted on. Every word comes from the catalogue.
 */
import type { MessageReply } from '../../../src/chat/reply.js';
import { CAPTION_MAX, PLACE_MAX, photoNumbers, REASON_MAX, type PhotoBatch } from '../../../src/photos/photo.js';
import type { Catalogue } from '../../../src/shared/i18n/index.js';
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

type Block = Record<string, unknown>;

const plain = (text: string) => ({ type: 'plain_text', text: text.slice(0, 150), emoji: true });
const mrkdwn = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text: text.slice(0, 2900) } });
const button = (actionId: string, text: string, batchId: number, style?: 'primary' | 'danger') => ({
  type: 'button',
  action_id: actionId,
  text: plain(text),
  value: String(batchId),
  ...(style ? { style } : {}),
});

function input(blockId: string, label: string, placeholder: string, max: number, initial: string | null, multiline = false): Block {
  return {
    type: 'input',
    block_id: blockId,
    optional: true,
    label: plain(label),
    element: {
      type: 'plain_text_input',
      action_id: 'value',
      max_length: max,
      multiline,
      placeholder: plain(placeholder),
      ...(initial ? { initial_value: initial.slice(0, max) } : {}),
    },
  };
}

/** The answer to an upload: what was kept and refused, then consent (caption, place, the statement, buttons). */
export function consentPrompt(c: Catalogue, batch: PhotoBatch, head: MessageReply): SlackMessage {
  const p = c.photos;
  const top = renderMessage(head);
  const blocks: Block[] = [
    ...top.blocks,
    { type: 'divider' },
    mrkdwn(`*${p.consentTitle}*`),
    { type: 'context', elements: [{ type: 'mrkdwn', text: p.privateUntil }] },
    input(BLOCK.caption, p.captionLabel, p.captionPlaceholder, CAPTION_MAX, batch.caption),
    input(BLOCK.place, p.placeLabel, p.placePlaceholder, PLACE_MAX, batch.place),
    mrkdwn(p.consentStatement),
    { type: 'actions', block_id: `photos.consent.${batch.id}`, elements: [button(ACTION.consent, p.consentButton, batch.id, 'primary'), button(ACTION.discard, p.discardButton, batch.id, 'danger')] },
  ];
  return { text: top.text, blocks };
}

/** HR's copy of a consented batch (the photos themselves are uploaded just before it). */
export function reviewMessage(c: Catalogue, batch: PhotoBatch, uploaderName: string | null): SlackMessage {
  const p = c.photos;
  const live = batch.photos.filter((ph) => ph.withdrawnAt === null);
  const title = `${p.reviewTitle(live.length)} (${photoNumbers(live.map((ph) => ph.id))})`;
  const details = [p.reviewFrom(uploaderName ?? p.someone), ...(batch.caption ? [p.captionLine(batch.caption)] : []), ...(batch.place ? [p.placeLine(batch.place)] : [])];
  return {
    text: title,
    blocks: [
      mrkdwn(`:camera_with_flash: *${title}*`),
      mrkdwn(details.join('\n')),
      { type: 'actions', block_id: `photos.review.${batch.id}`, elements: [button(ACTION.approve, p.approveButton, batch.id, 'primary'), button(ACTION.reject, p.rejectButton, batch.id, 'danger')] },
    ],
  };
}

/** A private message, with a Withdraw button when it is about an approved batch. */
export function noticeMessage(c: Catalogue, reply: MessageReply, withdrawBatchId?: number): SlackMessage {
  const rendered = renderMessage(reply);
  if (withdrawBatchId === undefined) return rendered;
  return { text: rendered.text, blocks: [...rendered.blocks, { type: 'actions', elements: [button(ACTION.withdraw, c.photos.withdrawButton, withdrawBatchId, 'danger')] }] };
}

export interface RejectMeta {
  batchId: number;
  channel: string | null;
  ts: string | null;
  locale: 'fr' | 'en';
}

export function rejectModal(c: Catalogue, meta: RejectMeta) {
  const p = c.photos;
  return {
    type: 'modal' as const,
    callback_id: REJECT_VIEW,
    private_metadata: JSON.stringify(meta),
    title: { type: 'plain_text' as const, text: p.rejectTitle.slice(0, 24) },
    submit: { type: 'plain_text' as const, text: p.rejectSubmit.slice(0, 24) },
    close: { type: 'plain_text' as const, text: p.cancel.slice(0, 24) },
    blocks: [input(BLOCK.reason, p.reasonLabel, p.reasonPlaceholder, REASON_MAX, null, true)] as never[],
  };
}
