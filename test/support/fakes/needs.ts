/**
 * In-kind needs on fakes (src/needs/ports.ts), keeping the store's contracts: site names unique in a
 * campaign (accents and case ignored); one need per site, item and size, never set below what is
 * pledged; an import stored whole or not at all; `withNeed` runs one need's work at a time (the row
 * lock) and keeps nothing of work that throws; a need's counters follow its pledges; a seen
 * idempotency key answers with its pledge; a claim is won once; messages reach the outbox on commit.
 */
import type { Destination } from '../../../src/messaging/ports.js';
import { fold } from '../../../src/needs/items.js';
import type { ItemPledge, Need, Site } from '../../../src/needs/need.js';
import type { NeedsContact, NeedsDeps, NeedStore, NeedUnit, NewNeed } from '../../../src/needs/ports.js';
import type { OutboxRequest } from '../../../src/outbox/outbox.js';
import { serialised } from './campaigns.js';
import type { CoreOptions, FakeCore } from './core.js';
import { fakeCore } from './core.js';

interface State {
  sites: Site[];
  needs: Array<Omit<Need, 'siteName'>>;
  pledges: ItemPledge[];
  claims: Set<string>;
}

const clone = (s: State): State => ({
  sites: s.sites.map((x) => ({ ...x })),
  needs: s.needs.map((x) => ({ ...x })),
  pledges: s.pledges.map((x) => ({ ...x })),
  claims: new Set(s.claims),
});

export interface NeedsFixture extends FakeCore {
  needsDeps: NeedsDeps;
  /** Where each person can be reached privately. */
  contacts: Map<string, NeedsContact>;
  /** Campaign channels the needs feature posts to. */
  channels: Destination[];
}

export function needsFixture(options: CoreOptions = {}): NeedsFixture {
  let state: State = { sites: [], needs: [], pledges: [], claims: new Set() };
  const contacts = new Map<string, NeedsContact>();
  const channels: Destination[] = [];
  const locked = serialised();
  const ids = { site: 1, need: 1, pledge: 1 };
  let core: Omit<FakeCore, 'deps' | 'listeners' | 'hr'> | undefined;

  const withSite = (n: Omit<Need, 'siteName'>): Need => ({ ...n, siteName: state.sites.find((s) => s.id === n.siteId)?.name ?? '' });
  const campaignOf = (siteId: number) => state.sites.find((s) => s.id === siteId)?.campaignId;
  const campaignNeeds = (campaignId: string) =>
    state.needs
      .filter((n) => campaignOf(n.siteId) === campaignId)
      .sort((a, b) => a.siteId - b.siteId || a.itemKey.localeCompare(b.itemKey) || (a.size ?? '').localeCompare(b.size ?? '') || a.id - b.id)
      .map(withSite);

  const upsert = (input: NewNeed): { need: Need; created: boolean } | { belowPledged: number } => {
    const existing = state.needs.find((n) => n.siteId === input.siteId && n.itemKey === input.itemKey && n.size === input.size);
    if (existing) {
      if (input.quantity < existing.pledged) return { belowPledged: existing.pledged };
      Object.assign(existing, { quantity: input.quantity, itemLabel: input.itemLabel, unitPriceMinor: input.unitPriceMinor });
      return { need: withSite(existing), created: false };
    }
    const need = { id: ids.need++, ...input, pledged: 0, received: 0 };
    state.needs.push(need);
    return { need: withSite(need), created: true };
  };

  const transaction = <T>(work: (pending: OutboxRequest[]) => Promise<T>): Promise<T> =>
    locked(async () => {
      const before = clone(state);
      const pending: OutboxRequest[] = [];
      try {
        const result = await work(pending);
        for (const request of pending) await core?.messaging.outbox.enqueue(request);
        return result;
      } catch (error) {
        state = before;
        throw error;
      }
    });

  const unitFor = (needId: number, pending: OutboxRequest[]): NeedUnit => {
    const row = () => {
      const need = state.needs.find((n) => n.id === needId);
      if (!need) throw new Error(`no need ${needId}`);
      return need;
    };
    const pledgeOf = (id: number) => state.pledges.find((p) => p.id === id && p.needId === needId);
    return {
      get need() {
        return withSite(row());
      },
      async pledge(input) {
        const earlier = input.idempotencyKey === null ? undefined : state.pledges.find((p) => p.idempotencyKey === input.idempotencyKey);
        if (earlier) return { pledge: { ...earlier }, duplicate: true };
        const need = row();
        if (need.pledged + input.quantity > need.quantity) throw new Error(`need ${needId} over-pledged`);
        const pledge: ItemPledge = { id: ids.pledge++, needId, ...input, received: 0, status: 'pledged', createdAt: core?.clock.now() ?? new Date(0) };
        state.pledges.push(pledge);
        need.pledged += input.quantity;
        return { pledge: { ...pledge }, duplicate: false };
      },
      async getPledge(id) {
        const found = pledgeOf(id);
        return found ? { ...found } : null;
      },
      async byKey(key) {
        const found = state.pledges.find((p) => p.idempotencyKey === key);
        return found ? { ...found } : null;
      },
      async cancel(id) {
        const found = pledgeOf(id);
        if (!found) throw new Error(`no item pledge ${id}`);
        found.status = 'cancelled';
        row().pledged -= found.quantity;
        return { ...found };
      },
      async receive(id, quantity) {
        const found = pledgeOf(id);
        if (!found || found.received + quantity > found.quantity) throw new Error(`item pledge ${id} cannot receive ${quantity}`);
        found.received += quantity;
        row().received += quantity;
        return { ...found };
      },
      async campaignNeeds() {
        return campaignNeeds(campaignOf(row().siteId) ?? '');
      },
      async claim(key) {
        const scoped = `${campaignOf(row().siteId)}:${key}`;
        if (state.claims.has(scoped)) return false;
        state.claims.add(scoped);
        return true;
      },
      async contact(personId) {
        const found = contacts.get(personId);
        return found ? { ...found } : null;
      },
      async enqueue(request) {
        pending.push(request);
      },
    };
  };

  const store: NeedStore = {
    async addSite(campaignId, site) {
      const same = state.sites.find((s) => s.campaignId === campaignId && fold(s.name) === fold(site.name));
      if (same) return { site: { ...same }, created: false };
      const created: Site = { id: ids.site++, campaignId, ...site };
      state.sites.push(created);
      return { site: { ...created }, created: true };
    },
    async sites(campaignId) {
      return state.sites.filter((s) => s.campaignId === campaignId).map((s) => ({ ...s }));
    },
    async upsertNeed(input) {
      return transaction(async () => upsert(input));
    },
    async importNeeds(campaignId, rows) {
      const before = clone(state);
      let created = 0;
      let updated = 0;
      for (const row of rows) {
        const refused = campaignOf(row.siteId) !== campaignId ? { line: row.line, code: 'import.site_unknown' as const, value: String(row.siteId) } : null;
        const stored = refused ? null : upsert(row);
        const below = stored && 'belowPledged' in stored ? { line: row.line, code: 'import.below_pledged' as const, value: String(stored.belowPledged) } : null;
        if (refused ?? below) {
          state = before;
          return refused ?? below ?? { line: row.line, code: 'import.site_unknown', value: '' };
        }
        if (stored && 'created' in stored && stored.created) created++;
        else updated++;
      }
      return { created, updated };
    },
    async needs(campaignId) {
      return campaignNeeds(campaignId);
    },
    async withNeed(needId, work) {
      if (!state.needs.some((n) => n.id === needId)) return null;
      return transaction((pending) => work(unitFor(needId, pending)));
    },
    async needOf(pledgeId) {
      return state.pledges.find((p) => p.id === pledgeId)?.needId ?? null;
    },
    async mine(campaignId, personId) {
      return state.pledges
        .filter((p) => p.personId === personId)
        .flatMap((p) => {
          const need = state.needs.find((n) => n.id === p.needId);
          return need && campaignOf(need.siteId) === campaignId ? [{ pledge: { ...p }, need: withSite(need) }] : [];
        });
    },
    async loadingList(siteId) {
      return state.needs
        .filter((n) => n.siteId === siteId && n.received > 0)
        .sort((a, b) => a.itemKey.localeCompare(b.itemKey) || (a.size ?? '').localeCompare(b.size ?? ''))
        .map((n) => ({ itemKey: n.itemKey, itemLabel: n.itemLabel, size: n.size, received: n.received }));
    },
  };

  const built = fakeCore({
    ...options,
    needs: (parts) => {
      core = parts;
      return {
        store,
        campaigns: parts.campaigns,
        clock: parts.clock,
        timeZone: 'Africa/Casablanca',
        defaultLocale: options.defaultLocale ?? 'fr',
        channels: async () => [...channels],
        links: async (path) => `https://caravane.test${path}?sig=fake`,
      };
    },
  });
  return { ...built, needsDeps: built.deps.needs, contacts, channels };
}
