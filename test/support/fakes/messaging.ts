/**
 * In-memory campaign messaging (src/messaging/deps.ts), keeping the stores' contracts: a channel is
 * added once, the outbox stores a message once per dedupe key with its destinations deduplicated (and
 * nothing without one), each milestone key and each digest day is claimed once for all time, and
 * `transaction` commits its work or, when it throws, leaves every store as it was.
 */
import type { CampaignChannel, ChannelStore } from '../../../src/channels/channels.js';
import type { DigestSnapshot, DigestStore } from '../../../src/digest/digest.js';
import type { MessagingDeps, MessagingStores, NeedsDirectory, VolunteerDirectory } from '../../../src/messaging/deps.js';
import { destinationKey, type Destination } from '../../../src/messaging/ports.js';
import type { MilestoneStore } from '../../../src/milestones/milestones.js';
import { OUTBOX_KINDS, type OutboxRequest, type OutboxStore, type OutboxSummary } from '../../../src/outbox/outbox.js';
import type { Clock } from '../../../src/shared/clock.js';
import type { Minor } from '../../../src/shared/money.js';
import { serialised } from './campaigns.js';

/** The headline and lines of an enqueued chat message (not a photo review, notice or retraction). */
export function textOf(sent: Enqueued | undefined): { headline: string; lines: string[] } {
  if (!sent) throw new Error('no such message was enqueued');
  const message = sent.message;
  if (!('lines' in message)) throw new Error(`not a chat message: ${sent.kind}`);
  return { headline: message.headline ?? '', lines: [...message.lines] };
}

/** A message as enqueued: the request, its unique destinations and when. */
export interface Enqueued extends OutboxRequest {
  id: string;
  createdAt: Date;
}

interface State {
  channels: CampaignChannel[];
  messages: Enqueued[];
  amounts: Array<{ campaignId: string; amount: Minor; addedBy: string }>;
  claims: Array<{ campaignId: string; key: string; at: Date }>;
  digests: Array<{ campaignId: string } & DigestSnapshot>;
}

const copy = (s: State): State => ({
  channels: [...s.channels],
  messages: [...s.messages],
  amounts: [...s.amounts],
  claims: [...s.claims],
  digests: [...s.digests],
});

export interface FakeMessaging extends MessagingDeps {
  /** Every message enqueued (committed), oldest first. */
  readonly sent: readonly Enqueued[];
}

export function fakeMessaging(
  clock: Clock,
  extensions: { volunteers?: VolunteerDirectory; needs?: NeedsDirectory; goalOf?: (campaignId: string) => Promise<Minor | null> } = {},
): FakeMessaging {
  let state: State = { channels: [], messages: [], amounts: [], claims: [], digests: [] };
  let next = 1;
  const oneAtATime = serialised();

  const channels: ChannelStore = {
    async add(channel) {
      const key = destinationKey(channel.destination);
      if (state.channels.some((c) => destinationKey(c.destination) === key)) return { added: false };
      const { name, ...rest } = channel;
      state.channels.push({ ...rest, addedAt: clock.now(), names: { channel: name ?? null, team: null } });
      return { added: true };
    },
    async remove(destination) {
      const before = state.channels.length;
      state.channels = state.channels.filter((c) => destinationKey(c.destination) !== destinationKey(destination));
      return { removed: state.channels.length < before };
    },
    async list() {
      return [...state.channels];
    },
  };

  const outbox: OutboxStore = {
    async enqueue(request) {
      const unique = new Map<string, Destination>();
      for (const d of request.destinations) unique.set(destinationKey(d), d);
      if (unique.size === 0) return { messageId: null, created: false, targets: 0 };
      const existing = state.messages.find((m) => m.dedupeKey === request.dedupeKey);
      if (existing) return { messageId: existing.id, created: false, targets: existing.destinations.length };
      const message: Enqueued = { ...request, destinations: [...unique.values()], id: `message-${next++}`, createdAt: clock.now() };
      state.messages.push(message);
      return { messageId: message.id, created: true, targets: unique.size };
    },
    async recent(limit, kinds = OUTBOX_KINDS) {
      return state.messages
        .filter((m) => kinds.includes(m.kind))
        .reverse()
        .slice(0, Math.max(1, Math.min(limit, 50)))
        .map((m): OutboxSummary => ({
          messageId: m.id,
          kind: m.kind,
          summary: m.summary ?? null,
          createdAt: m.createdAt,
          notBefore: m.notBefore ?? m.createdAt,
          counts: { pending: m.destinations.length, sending: 0, sent: 0, failed: 0 },
          possibleDuplicates: 0,
          failures: [],
        }));
    },
  };

  const milestones: MilestoneStore = {
    async addAmount(campaignId, amount, addedBy) {
      if (state.amounts.some((a) => a.campaignId === campaignId && a.amount === amount)) return { added: false };
      state.amounts.push({ campaignId, amount, addedBy });
      return { added: true };
    },
    async amounts(campaignId) {
      return state.amounts
        .filter((a) => a.campaignId === campaignId)
        .map((a) => a.amount)
        .sort((a, b) => a - b);
    },
    async claim(campaignId, keys, at) {
      const won: string[] = [];
      for (const key of new Set(keys)) {
        if (state.claims.some((c) => c.campaignId === campaignId && c.key === key)) continue;
        state.claims.push({ campaignId, key, at });
        won.push(key);
      }
      return won;
    },
    async claimed(campaignId) {
      return state.claims.filter((c) => c.campaignId === campaignId).map((c) => c.key);
    },
    async goal(campaignId) {
      return (await extensions.goalOf?.(campaignId)) ?? null;
    },
  };

  const digests: DigestStore = {
    async claim(campaignId, snapshot) {
      if (state.digests.some((d) => d.campaignId === campaignId && d.day === snapshot.day)) return false;
      state.digests.push({ campaignId, ...snapshot, totals: { ...snapshot.totals } });
      return true;
    },
    async previous(campaignId, day) {
      const earlier = state.digests.filter((d) => d.campaignId === campaignId && d.day < day).sort((a, b) => b.day.localeCompare(a.day))[0];
      return earlier ? { day: earlier.day, kind: earlier.kind, totals: { ...earlier.totals } } : null;
    },
  };

  const stores: MessagingStores = { channels, outbox, milestones, digests };
  return {
    ...stores,
    get sent() {
      return state.messages;
    },
    transaction(work) {
      return oneAtATime(async () => {
        const before = copy(state);
        try {
          return await work(stores);
        } catch (error) {
          state = before;
          throw error;
        }
      });
    },
    // As the composition root wires them; a fixture answers for them when a test needs more.
    volunteers: extensions.volunteers ?? { seats: async () => null, confirmedDestinations: async () => [] },
    needs: extensions.needs ?? { shortfalls: async () => [] },
  };
}
