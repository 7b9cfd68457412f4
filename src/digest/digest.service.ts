import type { BroadcastDeps } from '../messaging/deps.js';
import { localDay } from '../shared/clock.js';
import { chartAttachment } from '../messaging/charts.js';
import { t } from '../shared/i18n/index.js';
import { digestKindFor, digestMessage, type DigestKind } from './digest.js';

/** How many of the biggest in-kind shortfalls a digest lists. */
const SHORTFALLS_SHOWN = 3;

export type DigestOutcome =
  | { status: 'posted'; campaignId: string; day: string; kind: DigestKind; targets: number }
  | { status: 'skipped'; reason: 'no_campaign' | 'not_running' | 'no_channels' | 'already_posted' };

/**
 * The digest job for the campaign day that holds `at` (in the campaign timezone). The day is claimed
 * in the same transaction that enqueues the message, so two instances, a restart or a second cron
 * firing post it once per channel. Written in the campaign's language (DEFAULT_LOCALE).
 */
export async function runDigest(deps: BroadcastDeps, at: Date): Promise<DigestOutcome> {
  const day = localDay(at, deps.timeZone);
  const campaign = await deps.campaigns.current(day);
  if (!campaign) return { status: 'skipped', reason: 'no_campaign' };
  const kind = digestKindFor(campaign, day);
  if (!kind) return { status: 'skipped', reason: 'not_running' };
  const channels = await deps.messaging.channels.list();
  if (channels.length === 0) return { status: 'skipped', reason: 'no_channels' };
  const totals = await deps.campaigns.totals(campaign.id);
  const seats = await deps.messaging.volunteers.seats(campaign.id);
  const shortfalls = await deps.messaging.needs.shortfalls(campaign.id, SHORTFALLS_SHOWN);
  return deps.messaging.transaction(async (stores) => {
    if (!(await stores.digests.claim(campaign.id, { day, kind, totals }))) return { status: 'skipped', reason: 'already_posted' } as const;
    const previous = await stores.digests.previous(campaign.id, day);
    const c = t(deps.defaultLocale);
    const text = digestMessage(c, { campaign, totals, today: day, kind, previous, seats, shortfalls });
    const message = { ...text, attachments: [chartAttachment(c, campaign.id, campaign.name)] };
    const queued = await stores.outbox.enqueue({
      kind: 'digest',
      campaignId: campaign.id,
      message,
      destinations: channels.map((ch) => ch.destination),
      dedupeKey: `digest:${campaign.id}:${day}`,
      summary: day,
    });
    return { status: 'posted', campaignId: campaign.id, day, kind, targets: queued.targets } as const;
  });
}
