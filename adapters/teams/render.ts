/**
 * Teams layout of core replies: markdown text for messages, Adaptive Cards for the pledge form and
 * its confirmation. Every word comes from the catalogue or the reply; none is written here.
 */
import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import type { FormReply, MessageReply } from '../../src/chat/reply.js';
import { NOTE_MAX } from '../../src/pledges/pledge.js';
import type { Catalogue } from '../../src/shared/i18n/index.js';
import { hasOwnIcon } from '../../src/chat/text.js';
import { linksToActions } from './card-links.js';
import { teamsPlain, teamsText } from './text.js';

export type Card = Record<string, unknown>;

export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
/** The pledge card's Action.Execute verb, also put in its data so Action.Submit can be told apart. */
export const PLEDGE_VERB = 'pledge.submit';
export const FIELD = { amount: 'amount', anonymous: 'anonymous', note: 'note' } as const;

const ICON: Record<MessageReply['tone'], string> = { ok: '✅', info: '🚌', error: '⚠️' };

/** Catalogue text as Teams markdown (text.ts draws each span kind). */
export function teamsMarkdown(text: string): string {
  return teamsText(text);
}

/**
 * The label of an input that may be left empty. Slack says "(optional)" itself after such a label
 * (its `optional: true`); Adaptive Cards say nothing, so Teams cards add it in the person's language.
 */
export function optionalLabel(c: Catalogue, label: string): string {
  return `${label} ${c.teams.optional}`;
}

/** Adaptive Card text blocks: the same markdown. */
export function cardText(text: string): string {
  return teamsText(text);
}

/** A reply as one Teams message. Paragraphs, because Teams folds single newlines away. */
export function renderMessage(reply: MessageReply): Partial<Activity> {
  const lines = reply.lines.filter((l) => l.trim() !== '').map(teamsMarkdown);
  const icon = (headline: string) => (hasOwnIcon(headline) ? '' : `${ICON[reply.tone]} `);
  const head = reply.headline ? [`${icon(reply.headline)}**${teamsMarkdown(reply.headline)}**`] : [];
  const [first, ...rest] = lines;
  const body = head.length > 0 || first === undefined ? lines : [`${ICON[reply.tone]} ${first}`, ...rest];
  return { type: 'message', textFormat: 'markdown', text: [...head, ...body].join('\n\n') };
}

export function cardActivity(card: Card): Partial<Activity> {
  return { type: 'message', attachments: [{ contentType: CARD_CONTENT_TYPE, content: card }] };
}

export interface PledgeCardState {
  /** Unique per card: with the person's identity, the idempotency key of its submission. */
  token: string;
  values: { amount: string; anonymous: boolean; note: string };
  errors: { amount?: string | undefined; note?: string | undefined };
}

export const freshCard = (): PledgeCardState => ({ token: randomUUID(), values: { amount: '', anonymous: false, note: '' }, errors: {} });

/** The error said under a field, when there is one. */
export const errorUnder = (text: string | undefined): unknown[] =>
  text ? [{ type: 'TextBlock', text: cardText(text), color: 'Attention', wrap: true, spacing: 'None', size: 'Small' }] : [];

/** The pledge form: amount, anonymity, a note; Action.Execute with an Action.Submit fallback for old clients. */
export function pledgeCard(c: Catalogue, form: Pick<FormReply<'pledge'>, 'intro' | 'currency'>, state: PledgeCardState): Card {
  const data = { caravane: PLEDGE_VERB, token: state.token };
  const { values, errors } = state;
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    fallbackText: teamsPlain(c.teams.cardFallback),
    body: [
      { type: 'TextBlock', text: c.form.title, weight: 'Bolder', size: 'Medium', wrap: true },
      { type: 'TextBlock', text: cardText(form.intro), wrap: true, isSubtle: true },
      {
        type: 'Input.Text',
        id: FIELD.amount,
        label: c.form.amountLabel(form.currency),
        placeholder: c.form.amountPlaceholder,
        maxLength: 40,
        value: values.amount,
      },
      ...errorUnder(errors.amount),
      {
        type: 'Input.Toggle',
        id: FIELD.anonymous,
        label: c.form.anonymousLabel,
        title: c.form.anonymousOption,
        valueOn: 'true',
        valueOff: 'false',
        value: values.anonymous ? 'true' : 'false',
        wrap: true,
      },
      {
        type: 'Input.Text',
        id: FIELD.note,
        label: optionalLabel(c, c.form.noteLabel),
        placeholder: c.form.notePlaceholder,
        isMultiline: true,
        maxLength: NOTE_MAX,
        value: values.note,
      },
      ...errorUnder(errors.note),
    ],
    actions: [
      {
        type: 'Action.Execute',
        verb: PLEDGE_VERB,
        title: c.form.submit,
        style: 'positive',
        data,
        fallback: { type: 'Action.Submit', title: c.form.submit, data },
      },
    ],
  };
}

/** What replaces the form once it is done with: the reply, as a card without inputs. */
export function noticeCard(reply: MessageReply): Card {
  const { lines, actions } = linksToActions(reply.lines.filter((l) => l.trim() !== ''));
  const color = reply.tone === 'error' ? 'Attention' : reply.tone === 'ok' ? 'Good' : 'Default';
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      ...(reply.headline
        ? [
            {
              type: 'TextBlock',
              text: `${hasOwnIcon(reply.headline) ? '' : `${ICON[reply.tone]} `}${cardText(reply.headline)}`,
              weight: 'Bolder',
              color,
              wrap: true,
            },
          ]
        : []),
      ...lines.map((l) => ({ type: 'TextBlock', text: cardText(l), wrap: true })),
    ],
    ...(actions.length > 0 ? { actions } : {}),
  };
}
