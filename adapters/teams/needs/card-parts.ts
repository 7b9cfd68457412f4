/** What the Teams give and need cards share: the form card's frame and how their inputs are read back. */
import { z } from 'zod';
import type { Catalogue } from '../../../src/shared/i18n/index.js';
import type { Card } from '../render.js';
import { teamsPlain } from '../text.js';

/** A form card: its body, then one button — Action.Execute with Action.Submit as the fallback for older clients. */
export function formCard(c: Catalogue, body: unknown[], verb: string, submit: string, data: Record<string, unknown>): Card {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    fallbackText: teamsPlain(c.teams.cardFallback),
    body,
    actions: [{ type: 'Action.Execute', verb, title: submit, style: 'positive', data, fallback: { type: 'Action.Submit', title: submit, data } }],
  };
}

/** One input as a card sends it back: text (or a number from older clients), trimmed; absent or odd → ''. */
export const cardInput = z
  .union([z.string().max(200), z.number()])
  .optional()
  .catch(undefined)
  .transform((v) => (v === undefined ? '' : String(v).trim()));
