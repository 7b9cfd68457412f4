/**
 * Typed Block Kit pieces (`@slack/types`) shared by every Slack layout. Texts arrive from the
 * catalogue with their person-text marks: mrkdwn goes through `slackMrkdwn` (escaped), plain_text
 * through `slackPlain`. Lengths are the catalogue's job; the strict fake Slack checks them in tests.
 */
import type {
  ActionsBlock,
  Button,
  ContextBlock,
  InputBlock,
  InputBlockElement,
  ModalView,
  MrkdwnElement,
  PlainTextElement,
  PlainTextInput,
  PlainTextOption,
  SectionBlock,
} from '@slack/types';
import { slackMrkdwn, slackPlain } from './text.js';

export const plain = (text: string): PlainTextElement => ({ type: 'plain_text', text: slackPlain(text), emoji: true });
/** Plain text cut to a Slack limit, for what a person typed (site names, needs' labels), which the catalogue cannot bound. */
export const plainUpTo = (text: string, max: number): PlainTextElement => ({ type: 'plain_text', text: slackPlain(text).slice(0, max) });
export const mrkdwn = (text: string): MrkdwnElement => ({ type: 'mrkdwn', text: slackMrkdwn(text) });
export const section = (text: string): SectionBlock => ({ type: 'section', text: mrkdwn(text) });
export const context = (text: string): ContextBlock => ({ type: 'context', elements: [mrkdwn(text)] });
export const option = (text: string, value: string): PlainTextOption => ({ text: plain(text), value });

export function button(actionId: string, text: string, value: string, style?: 'primary' | 'danger'): Button {
  return { type: 'button', action_id: actionId, text: plain(text), value, ...(style ? { style } : {}) };
}

export function actions(blockId: string | undefined, elements: Button[]): ActionsBlock {
  return { type: 'actions', ...(blockId ? { block_id: blockId } : {}), elements };
}

export function input(blockId: string, label: string, element: InputBlockElement, opts: { optional?: boolean; hint?: string } = {}): InputBlock {
  return {
    type: 'input',
    block_id: blockId,
    optional: opts.optional ?? false,
    label: plain(label),
    element,
    ...(opts.hint ? { hint: plain(opts.hint) } : {}),
  };
}

export function textField(opts: { placeholder?: string; initial?: string | null; multiline?: boolean; max?: number }): PlainTextInput {
  return {
    type: 'plain_text_input',
    action_id: 'value',
    ...(opts.placeholder ? { placeholder: plain(opts.placeholder) } : {}),
    ...(opts.initial ? { initial_value: opts.max ? opts.initial.slice(0, opts.max) : opts.initial } : {}),
    ...(opts.multiline ? { multiline: true } : {}),
    ...(opts.max ? { max_length: opts.max } : {}),
  };
}

export function modal(v: { callbackId?: string; title: string; submit?: string; close: string; metadata?: string; blocks: ModalView['blocks'] }): ModalView {
  return {
    type: 'modal',
    ...(v.callbackId ? { callback_id: v.callbackId } : {}),
    ...(v.metadata !== undefined ? { private_metadata: v.metadata } : {}),
    title: plain(v.title),
    ...(v.submit ? { submit: plain(v.submit) } : {}),
    close: plain(v.close),
    blocks: v.blocks,
  };
}
