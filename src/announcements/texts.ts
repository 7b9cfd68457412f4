/** Words for announcements and delivery status, from the catalogue; adapters only lay them out. */
import { channelLabel } from '../channels/channels.js';
import { personText } from '../chat/text.js';
import type { OutboxSummary } from '../outbox/outbox.js';
import type { Platform } from '../ports.js';
import type { Catalogue } from '../shared/i18n/index.js';
import type { AnnounceError } from './announcements.service.js';

export function announceErrorText(c: Catalogue, error: AnnounceError, details: Record<string, string | number> | undefined, prefix: string): string {
  const a = c.broadcasts.announce;
  switch (error) {
    case 'announce.empty':
      return a.usage(prefix);
    case 'announce.too_long':
      return a.tooLong(Number(details?.max ?? 0));
    case 'announce.bad_time':
      return a.badTime;
    case 'announce.in_past':
      return a.inPast;
    case 'announce.too_far':
      return a.tooFar(Number(details?.days ?? 0));
    case 'announce.no_channels':
      return a.noChannels(prefix);
    case 'announce.no_volunteers':
      return a.noVolunteers;
  }
}

/** `gave_up:ratelimited` → "abandon après plusieurs essais (ratelimited)"; unknown codes are shown as they are. */
export function failureReason(c: Catalogue, reason: string): string {
  const words = c.broadcasts.status.reasons;
  const [code = reason, detail] = reason.split(/:(.*)/s);
  const known = words[code];
  if (!known) return reason.slice(0, 120);
  return detail ? `${known} (${detail.slice(0, 80)})` : known;
}

/** One block per message: what, when, the counts, possible duplicates, and why targets failed. */
export function deliveryStatusLines(c: Catalogue, summaries: readonly OutboxSummary[], timeZone: string, viewer: Platform, now: Date): string[] {
  const s = c.broadcasts.status;
  if (summaries.length === 0) return [s.empty];
  const lines: string[] = [];
  for (const m of summaries) {
    const label = s.kind[m.kind] ?? m.kind;
    const summary = m.summary ? ` — ${s.quoted(personText(m.summary))}` : '';
    lines.push(`*${label}* · ${c.broadcasts.at(m.createdAt, timeZone)}${summary}`);
    const pending = m.counts.pending + m.counts.sending;
    const scheduled = m.notBefore.getTime() > now.getTime() && pending > 0 ? ` · ${s.scheduledFor(c.broadcasts.at(m.notBefore, timeZone))}` : '';
    lines.push(`${s.counts(m.counts.sent, pending, m.counts.failed)}${scheduled}`);
    if (m.possibleDuplicates > 0) lines.push(s.duplicates(m.possibleDuplicates));
    for (const f of m.failures.slice(0, 3)) {
      lines.push(s.failure(failureReason(c, f.reason), f.count, f.destinations.map((d) => channelLabel(d, viewer)).join(', ')));
    }
    lines.push('');
  }
  return lines.slice(0, -1);
}
