/**
 * The outbox stores messages and destinations as jsonb; these schemas check them on the way out, so a
 * row written by an older or newer version of the bot is refused cleanly instead of crashing a worker.
 * A message's words written before the neutral spans are read as the spans they meant (old-markup.ts).
 */
import { z } from 'zod';
import { fromOldMarkup } from '../chat/old-markup.js';
import type { Destination, OutboxPayload, OutgoingMessage } from '../messaging/ports.js';
import { LocaleSchema } from '../shared/vocabulary.js';

const imageAttachment = z.object({
  kind: z.literal('image'),
  url: z
    .string()
    .max(2000)
    .regex(/^https?:\/\/\S+$/),
  alt: z.string().max(500),
});

const fileAttachment = z.object({
  kind: z.literal('file'),
  fileId: z.string().min(1).max(200),
  name: z.string().min(1).max(255),
  mimeType: z.string().min(1).max(200),
});

const chartAttachment = z.object({
  kind: z.literal('chart'),
  campaignId: z.string().regex(/^[0-9a-f-]{36}$/),
  locale: LocaleSchema,
  alt: z.string().max(500),
});

export const outgoingMessageSchema = z.object({
  kind: z.literal('message'),
  tone: z.enum(['ok', 'info', 'error']),
  headline: z.string().max(3000).transform(fromOldMarkup).optional(),
  lines: z.array(z.string().max(40_000).transform(fromOldMarkup)).max(200),
  attachments: z
    .array(z.discriminatedUnion('kind', [imageAttachment, fileAttachment, chartAttachment]))
    .max(20)
    .optional(),
});

const batchId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const locale = LocaleSchema;

export const photoReviewSchema = z.object({ kind: z.literal('photo.review'), batchId, locale });

export const photoNoticeSchema = z.object({
  kind: z.literal('photo.notice'),
  locale,
  notice: outgoingMessageSchema.omit({ attachments: true }),
  withdrawBatchId: batchId.optional(),
});

const postedCopy = z.object({
  id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  fileId: z.string().min(1).max(200),
  platform: z.enum(['slack', 'teams']),
  kind: z.enum(['file', 'message']),
  destination: z.json(),
  platformRef: z.string().min(1).max(1000),
});

export const retractSchema = z.object({ kind: z.literal('retract'), copies: z.array(postedCopy).min(1).max(100) });

export const outboxPayloadSchema = z.discriminatedUnion('kind', [outgoingMessageSchema, photoReviewSchema, photoNoticeSchema, retractSchema]);

export const destinationSchema = z.discriminatedUnion('platform', [
  z.object({ platform: z.literal('slack'), channelId: z.string().min(1).max(200) }),
  z.object({
    platform: z.literal('teams'),
    conversationId: z.string().min(1).max(1000),
    tenantId: z.string().max(200).optional(),
  }),
]);

/** The message as stored, or null when it does not parse. */
export function parseOutgoingMessage(value: unknown): OutgoingMessage | null {
  const parsed = outgoingMessageSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Any payload the outbox carries, or null when it does not parse. */
export function parseOutboxPayload(value: unknown): OutboxPayload | null {
  const parsed = outboxPayloadSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export function parseDestination(value: unknown): Destination | null {
  const parsed = destinationSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
