/** Words for announcements and delivery status, from the catalogue; adapters only lay them out. */
import { channelLabel } from '../channels/channels.js';
import { bold, personText } from '../chat/text.js';
import { parseDeliveryKey, type DeliveryFailure } from '../messaging/delivery.js';
import type { OutboxSummary } from '../outbox/outbox.js';
import type { Catalogue } from '../shared/i18n/index.js';
import type { AnnounceError } from './announcements.service.js';

export function announceErrorText(c: Catalogue, error: AnnounceError, prefix: string): string {
  const a = c.broadcasts.announce;
  switch (error.code) {
    case 'announce.empty':
      return a.usage(prefix);
    case 'announce.too_long':
      return a.tooLong(error.max);
    case 'announce.bad_time':
      return a.badTime;
    case 'announce.in_past':
      return a.inPast;
    case 'announce.too_far':
      return a.tooFar(error.days);
    case 'announce.no_channels':
      return a.noChannels(prefix);
  }
}

/** A failure as the outbox stored it, in HR's words (the platform's own code only where it has no name). */
export function failureReason(c: Catalogue, key: string): string {
  const { gaveUp, failure } = parseDeliveryKey(key);
  const why = failureText(c, failure);
  return gaveUp ? c.broadcasts.status.reasons.gaveUp(why) : why;
}

function failureText(c: Catalogue, f: DeliveryFailure): string {
  const words = c.broadcasts.status.reasons;
  switch (f.code) {
    case 'message.refused':
      return words[f.code](f.platformCode.slice(0, 80));
    case 'platform.error':
      return words[f.code](f.status ?? null);
    case 'unexpected':
      return words[f.code](f.detail.slice(0, 80));
    case 'destination.not_found':
    case 'destination.archived':
    case 'bot.not_member':
    case 'bot.removed':
    case 'bot.inactive':
    case 'token.refused':
    case 'permission.missing':
    case 'host.not_allowed':
    case 'files.unavailable':
    case 'platform.mismatch':
    case 'rate_limited':
    case 'network':
    case 'timeout':
    case 'no_sender':
    case 'bad_payload':
      return words[f.code];
    default:
      return f satisfies never;
  }
}

/** One block per message: what, when, the counts, possible duplicates, and why targets failed. */
export function deliveryStatusLines(c: Catalogue, summaries: readonly OutboxSummary[], timeZone: string, now: Date): string[] {
  const s = c.broadcasts.status;
  if (summaries.length === 0) return [s.empty];
  const lines: string[] = [];
  for (const m of summaries) {
    const label = s.kind[m.kind] ?? m.kind;
    const summary = m.summary ? ` — ${s.quoted(personText(m.summary))}` : '';
    lines.push(`${bold(label)} · ${c.broadcasts.at(m.createdAt, timeZone)}${summary}`);
    const pending = m.counts.pending + m.counts.sending;
    const scheduled = m.notBefore.getTime() > now.getTime() && pending > 0 ? ` · ${s.scheduledFor(c.broadcasts.at(m.notBefore, timeZone))}` : '';
    lines.push(`${s.counts(m.counts.sent, pending, m.counts.failed)}${scheduled}`);
    if (m.possibleDuplicates > 0) lines.push(s.duplicates(m.possibleDuplicates));
    for (const f of m.failures.slice(0, 3)) {
      lines.push(s.failure(failureReason(c, f.reason), f.count, f.destinations.map((d) => channelLabel(d)).join(', ')));
    }
    lines.push('');
  }
  return lines.slice(0, -1);
}
