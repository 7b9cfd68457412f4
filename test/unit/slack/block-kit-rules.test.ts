import { describe, expect, it } from 'vitest';
import { checkMessage, checkView, checkViewAnswer } from '../../support/block-kit-rules.js';

const plain = (text: string) => ({ type: 'plain_text', text });
const section = (text: string, block_id?: string) => ({ type: 'section', text: { type: 'mrkdwn', text }, ...(block_id ? { block_id } : {}) });
const rules = (found: Array<{ rule: string }>) => found.map((v) => v.rule);

describe('Block Kit limits the types do not express', () => {
  it('finds each broken length, with the value and where it is', () => {
    const found = checkMessage({
      text: 'x',
      blocks: [
        section('a'.repeat(3001)),
        { type: 'header', text: plain('h'.repeat(151)) },
        { type: 'actions', elements: [{ type: 'button', action_id: 'a'.repeat(256), text: plain('b'.repeat(76)) }] },
      ],
    });
    expect(rules(found)).toEqual([
      'section text (max 3000 characters)',
      'header text (max 150 characters)',
      'action_id (max 255 characters)',
      'button text (max 75 characters)',
    ]);
    expect(found[1]).toMatchObject({ at: '/blocks/1/text/text' });
  });

  it('an optional input whose label says it is optional: Slack adds "(optional)" itself, so it would read twice', () => {
    const input = (label: string, optional: boolean) => ({
      type: 'input',
      block_id: label,
      optional,
      label: plain(label),
      element: { type: 'plain_text_input', action_id: 'v' },
    });
    const found = checkMessage({
      text: 'x',
      blocks: [input('Un mot (facultatif)', true), input('A note (optional)', true), input('Un mot', true), input('Montant', false)],
    });
    expect(rules(found)).toEqual(['optional input label says optional (Slack adds it)', 'optional input label says optional (Slack adds it)']);
    expect(found[0]).toMatchObject({ at: '/blocks/0/label/text', value: 'Un mot (facultatif)' });
  });

  it('counts: 51 blocks in a message, 11 context elements; a text fallback beside blocks', () => {
    const many = Array.from({ length: 51 }, (_, i) => section(`s${i}`));
    expect(rules(checkMessage({ text: 'x', blocks: many }))).toEqual(['blocks (max 50 items)']);
    const context = { type: 'context', elements: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'c' })) };
    expect(rules(checkMessage({ text: 'x', blocks: [context] }))).toEqual(['context elements (max 10 items)']);
    expect(checkMessage({ blocks: [section('s')] })).toEqual([expect.objectContaining({ rule: 'blocks without a text fallback', warning: true })]);
  });

  it('views: title over 24, private_metadata over 3000, duplicate block_id, options over 75/150', () => {
    const input = (id: string) => ({
      type: 'input',
      block_id: id,
      label: plain('L'),
      element: { type: 'static_select', action_id: 'v', options: [{ text: plain('o'.repeat(76)), value: 'v'.repeat(151) }] },
    });
    const found = checkView({
      type: 'modal',
      title: plain('T'.repeat(25)),
      submit: plain('OK'),
      private_metadata: 'm'.repeat(3001),
      blocks: [input('a'), input('a')],
    });
    expect(rules(found).sort()).toEqual(
      [
        'modal title (max 24 characters)',
        'private_metadata (max 3000 characters)',
        'duplicate block_id',
        'option text (max 75 characters)',
        'option text (max 75 characters)',
        'option value (max 150 characters)',
        'option value (max 150 characters)',
      ].sort(),
    );
  });

  it('response_action errors keys must be input block ids of the submitted view', () => {
    const view = {
      blocks: [{ type: 'input', block_id: 'amount', label: plain('A'), element: { type: 'plain_text_input', action_id: 'v' } }, section('s', 'intro')],
    };
    expect(checkViewAnswer({ response_action: 'errors', errors: { amount: 'Too small' } }, view)).toEqual([]);
    expect(rules(checkViewAnswer({ response_action: 'errors', errors: { intro: 'x', roles: 'y' } }, view))).toEqual([
      'errors key is not an input block_id of the view',
      'errors key is not an input block_id of the view',
    ]);
  });
});
