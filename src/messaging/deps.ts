/**
 * What campaign messaging needs from outside: the campaign channels, the outbox, milestone and
 * digest claims, one transaction around them, and (later) facts about volunteers.
 */
import type { CampaignDeps } from '../campaigns/ports.js';
import type { ChannelStore } from '../channels/channels.js';
import type { DigestStore, Shortfall } from '../digest/digest.js';
import type { MilestoneStore } from '../milestones/milestones.js';
import type { OutboxStore } from '../outbox/outbox.js';
import type { LocaleDeps } from '../ports.js';
import type { Destination } from './ports.js';

export type { Shortfall };

export interface MessagingStores {
  channels: ChannelStore;
  outbox: OutboxStore;
  milestones: MilestoneStore;
  digests: DigestStore;
}

/**
 * Extension point for the volunteers feature: the digest shows seats filled when `seats` answers,
 * and announcements can also go as direct messages to `confirmedDestinations`.
 */
export interface VolunteerDirectory {
  /** Seats filled and offered on the campaign's trips; null when it has no trip yet. */
  seats(campaignId: string): Promise<{ filled: number; capacity: number } | null>;
  /** Where to reach every confirmed volunteer privately (Slack user id, Teams personal chat). */
  confirmedDestinations(campaignId: string): Promise<Destination[]>;
}

/** Extension point for in-kind needs: the digest adds the biggest shortfalls when `shortfalls` answers. */
export interface NeedsDirectory {
  /** At most `limit` needs still short, the biggest first. */
  shortfalls(campaignId: string, limit: number): Promise<Shortfall[]>;
}

export interface MessagingDeps extends MessagingStores {
  /** Runs `work` in one database transaction: a claim and the messages it enqueues commit together or not at all. */
  transaction<T>(work: (stores: MessagingStores) => Promise<T>): Promise<T>;
  volunteers: VolunteerDirectory;
  needs: NeedsDirectory;
}

/** What campaign messages (milestones, the digest, announcements, campaign channels) run against. */
export interface BroadcastDeps extends CampaignDeps, LocaleDeps {
  messaging: MessagingDeps;
}
