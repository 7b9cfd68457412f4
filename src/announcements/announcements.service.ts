/**
 * HR announcements: one message to every campaign channel on every platform, now or at a set time
 * (a scheduled announcement is simply outbox targets whose first attempt is in the future).
 */
import { today } from '../campaigns/campaigns.service.js';
import { operatorLabel, type HrActor } from '../chat/actor.js';
import type { BroadcastDeps } from '../messaging/deps.js';
import type { Destination, OutgoingMessage } from '../messaging/ports.js';
import { STATUS_KINDS, type OutboxSummary } from '../outbox/outbox.js';
import type { Catalogue } from '../shared/i18n/index.js';
import { t } from '../shared/i18n/index.js';
import { err, ok, type Coded, type Result } from '../shared/result.js';
import { announcementLines } from './format.js';
import { zonedTime } from './schedule.js';

export const ANNOUNCE_MAX = 2000;
export const SCHEDULE_MAX_DAYS = 60;
const DAY_MS = 86_400_000;

export type AnnounceError =
  | Coded<'announce.empty' | 'announce.bad_time' | 'announce.in_past' | 'announce.no_channels'>
  | { readonly code: 'announce.too_long'; readonly max: number }
  | { readonly code: 'announce.too_far'; readonly days: number };

export interface AnnounceInput {
  text: string;
  /** Null: now. */
  sendAt: Date | null;
  /** Same key, same announcement (a redelivered command or form submission). */
  dedupeKey: string;
  /** Also a direct message to every confirmed volunteer; needs `deps.messaging.volunteers`. */
  alsoVolunteers?: boolean;
}

export interface AnnounceArgs {
  text: string;
  sendAt: Date | null;
  alsoVolunteers: boolean;
}

const VOLUNTEERS = /^\+(?:volunteers|b[ée]n[ée]voles)$/i;

/**
 * `[at 2026-12-01 09:00] [+volunteers] TEXT` (or `à …`, `+bénévoles`, in either order): `at` schedules
 * in the campaign time zone, `+volunteers` also sends it privately to every confirmed volunteer.
 */
export function parseAnnounceArgs(args: string, timeZone: string): Result<AnnounceArgs, Coded<'announce.empty' | 'announce.bad_time'>> {
  let text = args.trim();
  let sendAt: Date | null = null;
  let alsoVolunteers = false;
  for (let guard = 0; guard < 2; guard++) {
    const [first = '', ...rest] = text.split(/(\s+)/);
    if (VOLUNTEERS.test(first)) {
      alsoVolunteers = true;
      text = rest.join('').trim();
      continue;
    }
    const m = /^(?:at|à|a)\s+(\S+)\s+(\S+)(?:\s+([\s\S]*))?$/i.exec(text);
    if (!m || !/^\d{4}-\d{1,2}-\d{1,2}$/.test(m[1] ?? '') || sendAt) break;
    sendAt = zonedTime(m[1] ?? '', m[2] ?? '', timeZone);
    if (!sendAt) return err({ code: 'announce.bad_time' });
    text = (m[3] ?? '').trim();
  }
  return text === '' ? err({ code: 'announce.empty' }) : ok({ text, sendAt, alsoVolunteers });
}

/** Errors: `announce.empty`, `announce.too_long` (max), `announce.in_past`, `announce.too_far` (days). */
export function checkAnnouncement(text: string, sendAt: Date | null, now: Date): Result<{ text: string; sendAt: Date | null }, AnnounceError> {
  const trimmed = text.trim();
  if (trimmed === '') return err({ code: 'announce.empty' });
  if (trimmed.length > ANNOUNCE_MAX) return err({ code: 'announce.too_long', max: ANNOUNCE_MAX });
  if (sendAt && sendAt.getTime() <= now.getTime()) return err({ code: 'announce.in_past' });
  if (sendAt && sendAt.getTime() > now.getTime() + SCHEDULE_MAX_DAYS * DAY_MS) return err({ code: 'announce.too_far', days: SCHEDULE_MAX_DAYS });
  return ok({ text: trimmed, sendAt });
}

/**
 * The announcement as posted: HR's words under a headline in the campaign's language, keeping only
 * the formatting, links and mentions of everyone that format.ts allows.
 */
export function announcementMessage(c: Catalogue, text: string): OutgoingMessage {
  return { kind: 'message', tone: 'info', headline: `📣 ${c.broadcasts.announce.headline}`, lines: announcementLines(text) };
}

export interface Announced {
  channels: number;
  volunteers: number;
  created: boolean;
  sendAt: Date | null;
}

/**
 * Enqueues the announcement for every campaign channel (and confirmed volunteers when asked).
 * Errors: those of {@link checkAnnouncement}, `announce.no_channels`. Only HR (`requireHr`), who is
 * named as its author.
 */
export async function announce(deps: BroadcastDeps, hr: HrActor, input: AnnounceInput): Promise<Result<Announced, AnnounceError>> {
  const checked = checkAnnouncement(input.text, input.sendAt, deps.clock.now());
  if (!checked.ok) return checked;
  const campaign = await deps.campaigns.current(today(deps));
  const channels: Destination[] = (await deps.messaging.channels.list()).map((ch) => ch.destination);
  if (channels.length === 0) return err({ code: 'announce.no_channels' });
  const volunteers: Destination[] = [];
  if (input.alsoVolunteers && campaign) volunteers.push(...(await deps.messaging.volunteers.confirmedDestinations(campaign.id)));
  const { text, sendAt } = checked.value;
  const queued = await deps.messaging.outbox.enqueue({
    kind: 'announcement',
    campaignId: campaign?.id ?? null,
    message: announcementMessage(t(deps.defaultLocale), text),
    destinations: [...channels, ...volunteers],
    dedupeKey: input.dedupeKey,
    notBefore: sendAt ?? undefined,
    createdBy: operatorLabel(hr),
    summary: text.replace(/\s+/g, ' ').slice(0, 80),
  });
  return ok({ channels: channels.length, volunteers: Math.max(0, queued.targets - channels.length), created: queued.created, sendAt });
}

/** The latest deliveries (announcements, digests, milestones…), newest first. */
export async function deliveryStatus(deps: BroadcastDeps, limit = 5): Promise<OutboxSummary[]> {
  return deps.messaging.outbox.recent(limit, STATUS_KINDS);
}
