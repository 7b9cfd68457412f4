import type { Campaign, CampaignTotals, NoCampaign } from '../campaigns/campaign.js';
import { currentProgress } from '../campaigns/campaigns.service.js';
import { operatorLabel, type HrActor } from '../chat/actor.js';
import type { BroadcastDeps } from '../messaging/deps.js';
import type { PledgeChange, TotalsListener } from '../ports.js';
import { parseAmount, unreadIn, type AmountUnread } from '../shared/amount.js';
import { chartAttachment } from '../messaging/charts.js';
import { t } from '../shared/i18n/index.js';
import { formatMoney, type Minor } from '../shared/money.js';
import { err, ok, type Result } from '../shared/result.js';
import { crossed, milestoneMessage, milestonesFor, type Milestone } from './milestones.js';

/** The milestone listener, and a way to wait until the checks it has started are done (shutdown, tests). */
export interface MilestoneListener extends TotalsListener {
  /** Runs the checks still waiting at once and resolves when every check is done. */
  settled(): Promise<void>;
}

/**
 * How often a campaign may be checked, and the time to measure it with (given by the adapters: the core
 * has no timers). A campaign is checked at most once in `spacingMs` (from the start of one check to the
 * next): a person pledging alone, or a launch, costs a few checks a second instead of one per pledge. A
 * milestone is announced this much later at worst.
 */
export interface CheckPacing {
  spacingMs: number;
  /** A monotonic time in ms. */
  now(): number;
  /** Resolves after `ms`; must not keep the process alive. */
  wait(ms: number): Promise<void>;
}

/**
 * Announces the milestones a pledge crossed. Each milestone is claimed once for all time in the same
 * transaction that enqueues the announcement: two pledges crossing it together announce it once, and
 * falling back below (a cancellation) then crossing again announces nothing new.
 * The check reads the totals afresh, so checks of one campaign are coalesced: the first change after a
 * quiet moment is checked at once; every change heard while a check runs, or less than `spacingMs`
 * after one started, waits for a single next check, which sees them all. The pledge's answer never
 * waits for it. `onError` hears failures: the pledge itself is already recorded and must not look failed.
 */
export function milestoneListener(deps: BroadcastDeps, onError: (error: unknown) => void, pacing: CheckPacing): MilestoneListener {
  const { spacingMs } = pacing;
  // Claims are forever: once seen, a milestone key never needs asking about again.
  const claimedKeys = new Set<string>();
  const running = new Map<string, Promise<void>>();
  const started = new Map<string, number>();
  const queued = new Map<string, { campaign: Campaign; change: PledgeChange; done: Promise<void> }>();
  const pauses = new Set<() => void>();
  let settling = 0;
  /** Waits until `spacingMs` after the campaign's last check started; `settled()` cuts it short. */
  const spaced = (campaignId: string): Promise<void> => {
    const ms = (started.get(campaignId) ?? -Infinity) + spacingMs - pacing.now();
    if (ms <= 0 || settling > 0) return Promise.resolve();
    return new Promise((resolve) => {
      const over = () => {
        pauses.delete(over);
        resolve();
      };
      pauses.add(over);
      void pacing.wait(ms).then(over);
    });
  };
  const check = (campaign: Campaign, change: PledgeChange): Promise<void> => {
    started.set(campaign.id, pacing.now());
    const job = announceCrossed(deps, campaign, change, claimedKeys)
      .catch(onError)
      .finally(() => {
        if (running.get(campaign.id) === job) running.delete(campaign.id);
      });
    running.set(campaign.id, job);
    return job;
  };
  return {
    totalsChanged(campaign, change) {
      const waiting = queued.get(campaign.id);
      if (waiting) {
        // Keep a change that raised the totals (only those are checked), the highest seen; the fresh
        // read of the totals covers the rest.
        if (rose(change) && (!rose(waiting.change) || change.after.pledgedMinor > waiting.change.after.pledgedMinor)) waiting.change = change;
        return waiting.done;
      }
      const current = running.get(campaign.id);
      const last = started.get(campaign.id);
      if (!current && (last === undefined || pacing.now() - last >= spacingMs)) return check(campaign, change);
      const next = { campaign, change, done: Promise.resolve() };
      next.done = Promise.resolve(current)
        .then(() => spaced(campaign.id))
        .then(() => {
          queued.delete(campaign.id);
          return check(next.campaign, next.change);
        });
      queued.set(campaign.id, next);
      return next.done;
    },
    async settled() {
      settling++;
      try {
        while (running.size > 0 || queued.size > 0) {
          for (const over of [...pauses]) over();
          await Promise.allSettled([...running.values(), ...[...queued.values()].map((q) => q.done)]);
        }
      } finally {
        settling--;
      }
    },
  };
}

const rose = (change: PledgeChange) => change.after.pledgedMinor > change.before.pledgedMinor;

/**
 * The running totals are spread over shard rows, so two pledges committing at the same moment may
 * each see only their own change and neither cross a milestone that both together did. The totals
 * are therefore read again after the change, and every milestone at or below them that nobody has
 * claimed yet is claimed and announced (once: the claim row decides). The campaign is read again
 * too: the one the pledge was made with may come from a cache older than HR's last goal change
 * (`/caravan goal`), and a milestone claimed against an old goal would be claimed for all time.
 */
async function announceCrossed(deps: BroadcastDeps, heard: Campaign, change: PledgeChange, claimedKeys: Set<string>): Promise<void> {
  const { before, after } = change;
  if (after.pledgedMinor <= before.pledgedMinor) return;
  const campaign = await deps.campaigns.get(heard.id);
  if (!campaign) return;
  const all = milestonesFor(campaign.goalMinor, await deps.messaging.milestones.amounts(campaign.id));
  const key = (k: string) => `${campaign.id}:${k}`;
  let open = all.filter((m) => !claimedKeys.has(key(m.key)));
  if (open.length === 0) return;
  if (open.some((m) => m.amountMinor <= after.pledgedMinor)) {
    for (const k of await deps.messaging.milestones.claimed(campaign.id)) claimedKeys.add(key(k));
    open = open.filter((m) => !claimedKeys.has(key(m.key)));
  }
  const fresh = await deps.campaigns.totals(campaign.id);
  const totals = fresh.pledgedMinor > after.pledgedMinor ? fresh : after;
  const passed = crossed(open, -1 as Minor, totals.pledgedMinor);
  if (passed.length === 0) return;
  const held = await claimAndAnnounce(deps, campaign, passed, totals);
  // Only once the claim is committed: a failed announcement is tried again by the next pledge; a
  // goal changed meanwhile (`held` false) leaves the keys open for the next check, on the new goal.
  if (held) for (const m of passed) claimedKeys.add(key(m.key));
}

/**
 * Claims `passed` and enqueues the message for those this call claimed, in one transaction that holds
 * the goal they were computed from. False when HR changed the goal meanwhile: nothing was claimed.
 */
async function claimAndAnnounce(deps: BroadcastDeps, campaign: Campaign, passed: readonly Milestone[], totals: CampaignTotals): Promise<boolean> {
  const channels = await deps.messaging.channels.list();
  const c = t(deps.defaultLocale);
  return deps.messaging.transaction(async (stores) => {
    if ((await stores.milestones.goal(campaign.id)) !== campaign.goalMinor) return false;
    const claimed = new Set(
      await stores.milestones.claim(
        campaign.id,
        passed.map((m) => m.key),
        deps.clock.now(),
      ),
    );
    const reached = passed.filter((m) => claimed.has(m.key));
    if (reached.length === 0 || channels.length === 0) return true;
    await stores.outbox.enqueue({
      kind: 'milestone',
      campaignId: campaign.id,
      message: { ...milestoneMessage(c, campaign, reached, totals), attachments: [chartAttachment(c, campaign.id, campaign.name)] },
      destinations: channels.map((ch) => ch.destination),
      dedupeKey: `milestone:${campaign.id}:${reached.map((m) => m.key).join(',')}`,
      summary: reached.map((m) => (m.percent !== null ? `${m.percent} %` : formatMoney(m.amountMinor, campaign.currency, deps.defaultLocale))).join(', '),
    });
    return true;
  });
}

export type MilestoneAddError = AmountUnread | NoCampaign;

/**
 * HR adds a milestone amount to the current campaign. One already passed is kept but marked reached,
 * so it is never announced late. Only HR (`requireHr`). Errors: `amount.*`, `campaign.none`.
 */
export async function addMilestone(
  deps: BroadcastDeps,
  hr: HrActor,
  amountText: string,
): Promise<Result<{ campaign: Campaign; amount: Minor; added: boolean; alreadyPassed: boolean }, MilestoneAddError>> {
  const progress = await currentProgress(deps);
  if (!progress.ok) return err({ code: 'campaign.none' });
  const { campaign, totals } = progress.value;
  const amount = parseAmount(amountText, campaign.currency);
  if (!amount.ok) return err(unreadIn(amount.error, campaign.currency));
  const { added } = await deps.messaging.milestones.addAmount(campaign.id, amount.value, operatorLabel(hr));
  const alreadyPassed = totals.pledgedMinor >= amount.value;
  if (added && alreadyPassed) await deps.messaging.milestones.claim(campaign.id, [`amount:${amount.value}`], deps.clock.now());
  return ok({ campaign, amount: amount.value, added, alreadyPassed });
}

/** The current campaign's milestones and which were reached. Error: `campaign.none`. */
export async function listMilestones(
  deps: BroadcastDeps,
): Promise<Result<{ campaign: Campaign; milestones: Array<Milestone & { reached: boolean }> }, NoCampaign>> {
  const progress = await currentProgress(deps);
  if (!progress.ok) return err({ code: 'campaign.none' });
  const { campaign } = progress.value;
  const claimed = new Set(await deps.messaging.milestones.claimed(campaign.id));
  const all = milestonesFor(campaign.goalMinor, await deps.messaging.milestones.amounts(campaign.id));
  return ok({ campaign, milestones: all.map((m) => ({ ...m, reached: claimed.has(m.key) })) });
}
