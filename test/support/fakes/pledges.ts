/**
 * The pledges feature on fakes: the core's deps with the test campaign (15 Nov – 15 Dec 2026, goal
 * 150,000 MAD) created, and a way to name people. Tests look into `pledges`/`campaigns` for what
 * was stored and hear the totals listeners through `heard`.
 */
import type { Campaign } from '../../../src/campaigns/campaign.js';
import { createCampaign } from '../../../src/campaigns/campaigns.service.js';
import type { Identity, PledgeChange, Person } from '../../../src/ports.js';
import { minor } from '../../../src/shared/money.js';
import { fakeCore, HOME_WORKSPACE, type CoreOptions, type FakeCore } from './core.js';

export interface PledgesFixture extends FakeCore {
  /** The running test campaign, or null with `campaign: false`. */
  campaign: Campaign | null;
  /** Every totals change the listeners heard, in order. */
  heard: PledgeChange[];
  /** The person behind a Slack user of the home workspace. */
  person(userId: string, extra?: Partial<Identity>): Promise<Person>;
  /** A Slack identity of the home workspace. */
  identity(userId: string, extra?: Partial<Identity>): Identity;
}

export async function pledgesFixture(options: CoreOptions & { campaign?: false | { from: string; to: string; goal?: number } } = {}): Promise<PledgesFixture> {
  const heard: PledgeChange[] = [];
  const core = fakeCore({
    ...options,
    totalsListeners: [...(options.totalsListeners ?? []), { totalsChanged: async (_campaign, change) => void heard.push(change) }],
  });
  const window = options.campaign === false ? null : (options.campaign ?? { from: '2026-11-15', to: '2026-12-15' });
  let campaign: Campaign | null = null;
  if (window) {
    const created = await createCampaign(core.deps, {
      name: 'Caravane 2026',
      currency: 'MAD',
      goalMinor: minor((window.goal ?? 150_000) * 100),
      startsOn: window.from,
      endsOn: window.to,
    });
    if (!created.ok) throw new Error(created.error.code);
    campaign = created.value;
  }
  const identity = (userId: string, extra: Partial<Identity> = {}): Identity => ({ platform: 'slack', tenantId: HOME_WORKSPACE, userId, ...extra });
  return { ...core, campaign, heard, identity, person: (userId, extra) => core.people.resolve(identity(userId, extra)) };
}
