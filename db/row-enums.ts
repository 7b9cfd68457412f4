/**
 * Enum columns are `text` in Postgres. Each is parsed here, once, where its row is read: a value
 * outside the list is a corrupt row (or one written by a newer version) and throws, never turns into
 * a real state (a corrupt signup is not "withdrawn", a corrupt platform is not Slack).
 *
 * Each list is written as a record of every member, so the compiler checks it is complete and exact
 * when a type gains or loses a value.
 */
import type { TeamsConversationType } from '../adapters/teams/ports.js';
import type { ChannelKind } from '../src/channels/channels.js';
import type { DigestKind } from '../src/digest/digest.js';
import type { ItemPledgeStatus } from '../src/needs/need.js';
import type { OutboxKind } from '../src/outbox/outbox.js';
import type { BatchStatus } from '../src/photos/photo.js';
import type { PhotoPost } from '../src/photos/ports.js';
import type { PledgeStatus } from '../src/pledges/pledge.js';
import type { SignupStatus } from '../src/volunteers/signup.js';
import type { Locale, Platform } from '../src/shared/vocabulary.js';

/** A row holds a value this version does not know. */
export class CorruptRowError extends Error {
  override readonly name = 'CorruptRowError';
}

export interface RowEnum<T extends string> {
  /** The value as its type; throws CorruptRowError on anything else. */
  (raw: string): T;
  /** The same for a nullable column: null stays null. */
  nullable(raw: string | null): T | null;
  /** Whether `raw` is a member, for readers that set an unreadable row aside instead of failing. */
  is(raw: string): raw is T;
}

export function rowEnum<T extends string>(what: string, members: Record<T, true>): RowEnum<T> {
  const is = (raw: string): raw is T => Object.hasOwn(members, raw);
  const parse = (raw: string): T => {
    if (is(raw)) return raw;
    throw new CorruptRowError(`corrupt ${what} in a row: ${JSON.stringify(raw)}`);
  };
  return Object.assign(parse, { is, nullable: (raw: string | null) => (raw === null ? null : parse(raw)) });
}

export const parsePlatform = rowEnum<Platform>('platform', { slack: true, teams: true });
export const parseLocale = rowEnum<Locale>('locale', { fr: true, en: true });
export const parsePledgeStatus = rowEnum<PledgeStatus>('pledge status', { pledged: true, collected: true, cancelled: true });
export const parseItemPledgeStatus = rowEnum<ItemPledgeStatus>('item pledge status', { pledged: true, cancelled: true });
export const parseSignupStatus = rowEnum<SignupStatus>('signup status', { confirmed: true, waitlisted: true, withdrawn: true, removed: true });
export const parseBatchStatus = rowEnum<BatchStatus>('photo batch status', {
  awaiting_consent: true,
  in_review: true,
  approved: true,
  rejected: true,
  discarded: true,
});
export const parsePhotoPostKind = rowEnum<PhotoPost['kind']>('photo post kind', { file: true, message: true });
export const parseChannelKind = rowEnum<ChannelKind>('channel kind', { channel: true, group: true });
export const parseDigestKind = rowEnum<DigestKind>('digest kind', { daily: true, closing: true });
export const parseOutboxKind = rowEnum<OutboxKind>('outbox kind', {
  digest: true,
  milestone: true,
  announcement: true,
  reminder: true,
  promotion: true,
  album: true,
  thanks: true,
  photo_review: true,
  photo_notice: true,
  photo_retract: true,
});
export const parseTeamsConversationType = rowEnum<TeamsConversationType>('Teams conversation type', { personal: true, groupChat: true, channel: true });
