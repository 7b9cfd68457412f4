/**
 * Everything the bot hands Teams, checked against Teams' documented rules: activities it sends to
 * the Bot Connector and its HTTP answers to `adaptiveCard/action` invokes. A violation is recorded
 * here and fails the test that caused it (see conformance-setup.ts), naming the rule and the value.
 * Every card seen is also kept, one file per distinct structure, for `npm run cards:preview`.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { cardViolations } from './adaptive-cards.js';

const CARD = 'application/vnd.microsoft.card.adaptive';
/** Where cards are kept for the preview; gitignored. */
export const CARDS_DIR = process.env.CARDS_DIR ?? join(process.cwd(), 'test-output', 'cards');

const violations: string[] = [];

export function recordViolation(where: string, rule: string): void {
  violations.push(`${where}: ${rule}`);
}

/** The violations since the last call (the shared afterEach takes them). */
export function takeViolations(): string[] {
  return violations.splice(0, violations.length);
}

/** A card's shape without its words: the same form in French and English, or with other values, is one picture. */
function structure(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(structure);
  if (typeof value !== 'object' || value === null) return typeof value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'type' || k === 'style' || k === 'color' ? v : structure(v)]));
}

function keepCard(card: unknown, where: string): void {
  const hash = createHash('sha256')
    .update(JSON.stringify(structure(card)))
    .digest('hex')
    .slice(0, 16);
  try {
    mkdirSync(CARDS_DIR, { recursive: true });
    writeFileSync(join(CARDS_DIR, `${hash}.json`), JSON.stringify({ where, card }, null, 2));
  } catch {
    // Keeping pictures is a convenience; a read-only checkout must not fail the suite for it.
  }
}

/** Checks one card and records what is wrong with it. */
export function checkCard(card: unknown, where: string): string[] {
  keepCard(card, where);
  const found = cardViolations(card);
  for (const v of found) recordViolation(where, v);
  return found;
}

const attachment = z.looseObject({ contentType: z.string(), content: z.unknown().optional(), contentUrl: z.string().optional() });
const outgoing = z.looseObject({
  type: z.enum(['message', 'typing', 'event']),
  text: z.string().max(28_000).optional(),
  attachments: z.array(attachment).max(10).optional(),
});

/**
 * The invisible marks of the catalogue's spans (src/chat/text.ts) anywhere in what reaches Teams: a text
 * that skipped the Teams renderer. Teams may draw them as boxes, and they break typing to search a choice.
 * Recorded only: Teams itself would take the activity.
 */
function recordUnrenderedMarks(body: unknown, where: string): void {
  const raw = JSON.stringify(body) ?? '';
  const at = raw.search(/[\u2061-\u2064]/);
  if (at >= 0) recordViolation(where, `span marks reached Teams (a text skipped the Teams renderer): …${raw.slice(Math.max(0, at - 60), at + 60)}…`);
}

/** An activity the bot sends to the connector: its shape, its text rendered, and every Adaptive Card in it. */
export function checkOutgoingActivity(body: unknown, where: string): string[] {
  recordUnrenderedMarks(body, where);
  const parsed = outgoing.safeParse(body);
  if (!parsed.success) {
    const rule = `Bot Connector activity: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`;
    recordViolation(where, rule);
    return [rule];
  }
  const found: string[] = [];
  const { type, text, attachments = [] } = parsed.data;
  if (type === 'message' && (text === undefined || text.trim() === '') && attachments.length === 0) {
    found.push('Bot Connector activity: a message with neither text nor attachments shows as an empty bubble');
    recordViolation(where, found[0] ?? '');
  }
  for (const a of attachments) if (a.contentType === CARD) found.push(...checkCard(a.content, where));
  return found;
}

/**
 * The HTTP answer to an `adaptiveCard/action` invoke, as the Universal Actions docs define it
 * (learn.microsoft.com … universal-actions-for-adaptive-cards/work-with-universal-actions-for-adaptive-cards,
 * "Response format"): statusCode 200 with a card to replace the one clicked or a message to show,
 * or an error (4xx/5xx) of type application/vnd.microsoft.error.
 */
const invokeAnswer = z.discriminatedUnion('type', [
  z.strictObject({ statusCode: z.literal(200), type: z.literal(CARD), value: z.looseObject({ type: z.literal('AdaptiveCard') }) }),
  z.strictObject({ statusCode: z.literal(200), type: z.literal('application/vnd.microsoft.activity.message'), value: z.string().min(1).max(2000) }),
  z.strictObject({
    statusCode: z.number().int().min(400).max(599),
    type: z.literal('application/vnd.microsoft.error'),
    value: z.looseObject({ code: z.string(), message: z.string() }),
  }),
]);

export function checkInvokeAnswer(status: number, body: unknown, where: string): string[] {
  recordUnrenderedMarks(body, where);
  if (status !== 200) {
    const rule = `Universal Actions: the HTTP status of an adaptiveCard/action answer must be 200 (got ${status})`;
    recordViolation(where, rule);
    return [rule];
  }
  const parsed = invokeAnswer.safeParse(body);
  if (!parsed.success) {
    const rule = `Universal Actions response: ${parsed.error.issues.map((i) => `${i.path.join('.') || '/'} ${i.message}`).join('; ')} (body ${JSON.stringify(body).slice(0, 120)})`;
    recordViolation(where, rule);
    return [rule];
  }
  return parsed.data.type === CARD ? checkCard(parsed.data.value, where) : [];
}
