/**
 * In-memory campaigns and pledges, keeping the contracts of src/ports.ts: the totals move with every
 * pledge (recorded, cancelled, collected) and are read without scanning; a seen idempotency key
 * answers with its pledge and changes nothing; `transition` decides one pledge change at a time, as
 * the row lock does in db/repositories/pledges.ts.
 */
import type { Campaign, CampaignTotals, GoalChangeRecord } from '../../../src/campaigns/campaign.js';
import type { MilestoneStore } from '../../../src/milestones/milestones.js';
import type { Pledge } from '../../../src/pledges/pledge.js';
import type { CampaignStore, PeopleStore, PledgeChange, PledgeExportRow, PledgeStore } from '../../../src/ports.js';
import type { Clock } from '../../../src/shared/clock.js';
import { add, minor, sub, ZERO } from '../../../src/shared/money.js';
import { err, ok } from '../../../src/shared/result.js';

const noTotals = (): CampaignTotals => ({ pledgedMinor: ZERO, collectedMinor: ZERO, donors: 0, pledges: 0 });

export interface FakeCampaigns extends CampaignStore {
  /** The running totals, moved by the pledge store. */
  readonly totalsById: Map<string, CampaignTotals>;
}

/** `milestones`: the store a goal change claims in (the messaging fake's). */
export function fakeCampaigns(clock: Clock, milestones: () => Pick<MilestoneStore, 'amounts' | 'claim'>): FakeCampaigns {
  const campaigns: Campaign[] = [];
  const goalChanges: Array<GoalChangeRecord & { campaignId: string }> = [];
  const totalsById = new Map<string, CampaignTotals>();
  let next = 1;
  const newestFirst = (a: Campaign, b: Campaign) => b.startsOn.localeCompare(a.startsOn) || b.createdAt.getTime() - a.createdAt.getTime();
  return {
    totalsById,
    async create(input) {
      const campaign: Campaign = { ...input, id: `campaign-${next++}`, createdAt: clock.now() };
      campaigns.push(campaign);
      totalsById.set(campaign.id, noTotals());
      return { ...campaign };
    },
    async list() {
      return [...campaigns].sort(newestFirst);
    },
    async get(id) {
      return campaigns.find((c) => c.id === id) ?? null;
    },
    async current(today) {
      const running = campaigns.filter((c) => c.startsOn <= today && c.endsOn >= today).sort(newestFirst)[0];
      if (running) return running;
      const ended = campaigns
        .filter((c) => c.endsOn < today)
        .sort((a, b) => b.endsOn.localeCompare(a.endsOn) || b.createdAt.getTime() - a.createdAt.getTime())[0];
      return ended ?? null;
    },
    async upcoming(today) {
      return campaigns.filter((c) => c.startsOn > today).sort((a, b) => a.startsOn.localeCompare(b.startsOn))[0] ?? null;
    },
    async totals(campaignId) {
      return { ...(totalsById.get(campaignId) ?? noTotals()) };
    },
    async changeGoal(id, change, settle) {
      // A new row, as an update returns: what was read before keeps its old values.
      const i = campaigns.findIndex((c) => c.id === id);
      const before = campaigns[i];
      if (!before) return null;
      const { by, at, ...fields } = change;
      const campaign = { ...before, ...fields };
      campaigns[i] = campaign;
      const recorded = goalChanges.length;
      if (before.goalMinor !== campaign.goalMinor)
        goalChanges.push({ campaignId: id, fromMinor: before.goalMinor, toMinor: campaign.goalMinor, by, byName: null, at });
      const totals = { ...(totalsById.get(id) ?? noTotals()) };
      try {
        await settle({ ...campaign }, totals, milestones());
      } catch (error) {
        // As a rolled back transaction: the goal and its record as they were.
        campaigns[i] = before;
        goalChanges.length = recorded;
        throw error;
      }
      return { before: { ...before }, campaign: { ...campaign }, totals };
    },
    async lastGoalChange(id) {
      const last = goalChanges.filter((g) => g.campaignId === id).at(-1);
      return last ? { fromMinor: last.fromMinor, toMinor: last.toMinor, by: last.by, byName: last.byName, at: last.at } : null;
    },
  };
}

/** Runs one piece of work at a time, in call order: what a row lock does to concurrent transactions. */
export function serialised(): <T>(work: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (work) => {
    const run = tail.then(work, work);
    tail = run.catch(() => undefined);
    return run;
  };
}

export interface FakePledges extends PledgeStore {
  readonly all: readonly Pledge[];
}

/** `people`: where `recordAs` finds or creates the person. */
export function fakePledges(campaigns: FakeCampaigns, clock: Clock, people: PeopleStore): FakePledges {
  const pledges: Pledge[] = [];
  const byKey = new Map<string, Pledge>();
  /** Active (not cancelled) pledges per campaign and donor: the donor count follows it. */
  const active = new Map<string, number>();
  const locked = serialised();
  let next = 1;

  const move = (campaignId: string, personId: string, change: { pledged: number; collected: number; pledges: number; active: number }) => {
    const before = campaigns.totalsById.get(campaignId);
    if (!before) throw new Error(`no totals for campaign ${campaignId}`);
    const donorKey = `${campaignId}\n${personId}`;
    const had = active.get(donorKey) ?? 0;
    const has = had + change.active;
    active.set(donorKey, has);
    const donors = before.donors + (had === 0 && has > 0 ? 1 : 0) - (had > 0 && has === 0 ? 1 : 0);
    const after: CampaignTotals = {
      pledgedMinor: add(before.pledgedMinor, minor(change.pledged)),
      collectedMinor: add(before.collectedMinor, minor(change.collected)),
      pledges: before.pledges + change.pledges,
      donors,
    };
    campaigns.totalsById.set(campaignId, after);
    return { before: { ...before }, after: { ...after } };
  };

  return {
    all: pledges,
    async record(input) {
      const seen = input.idempotencyKey === null ? undefined : byKey.get(input.idempotencyKey);
      if (seen) {
        const totals = await campaigns.totals(seen.campaignId);
        return { pledge: { ...seen }, before: totals, after: totals, duplicate: true };
      }
      if (!campaigns.totalsById.has(input.campaignId)) throw new Error(`no campaign ${input.campaignId}`);
      const pledge: Pledge = {
        id: next++,
        campaignId: input.campaignId,
        personId: input.personId,
        amountMinor: input.amountMinor,
        anonymous: input.anonymous,
        note: input.note,
        status: 'pledged',
        source: input.source,
        createdAt: clock.now(),
      };
      pledges.push(pledge);
      if (input.idempotencyKey !== null) byKey.set(input.idempotencyKey, pledge);
      const moved = move(pledge.campaignId, pledge.personId, { pledged: pledge.amountMinor, collected: 0, pledges: 1, active: 1 });
      return { pledge: { ...pledge }, ...moved, duplicate: false };
    },
    async recordAs(identity, input) {
      const person = await people.resolve(identity);
      return { ...(await this.record({ ...input, personId: person.id })), person };
    },
    async get(id) {
      const found = pledges.find((p) => p.id === id);
      return found ? { ...found } : null;
    },
    async listByPerson(campaignId, personId) {
      return pledges
        .filter((p) => p.campaignId === campaignId && p.personId === personId)
        .sort((a, b) => b.id - a.id)
        .slice(0, 50)
        .map((p) => ({ ...p }));
    },
    transition(id, decide) {
      return locked(async () => {
        const index = pledges.findIndex((p) => p.id === id);
        const current = pledges[index];
        if (!current) return err({ code: 'pledge.not_found' });
        const next = decide({ ...current });
        if (!next.ok) return next;
        const updated: Pledge = { ...current, status: next.value };
        pledges[index] = updated;
        byKeyReplace(byKey, current, updated);
        const amount = current.amountMinor;
        const moved =
          next.value === 'cancelled'
            ? move(current.campaignId, current.personId, { pledged: sub(ZERO, amount), collected: 0, pledges: -1, active: -1 })
            : move(current.campaignId, current.personId, { pledged: 0, collected: amount, pledges: 0, active: 0 });
        const change: PledgeChange = { pledge: { ...updated }, ...moved };
        return ok(change);
      });
    },
    async *exportRows(campaignId) {
      for (const pledge of pledges) {
        if (campaignId !== null && pledge.campaignId !== campaignId) continue;
        const campaign = await campaigns.get(pledge.campaignId);
        const row: PledgeExportRow = {
          pledge: { ...pledge },
          campaignName: campaign?.name ?? '',
          currency: campaign?.currency ?? '',
          displayName: null,
          identities: '',
        };
        yield row;
      }
    },
  };
}

function byKeyReplace(byKey: Map<string, Pledge>, before: Pledge, after: Pledge): void {
  for (const [key, pledge] of byKey) if (pledge === before) byKey.set(key, after);
}
