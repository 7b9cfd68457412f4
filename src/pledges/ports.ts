/** What the pledge use cases run against. */
import type { CampaignDeps } from '../campaigns/ports.js';
import type { PledgeStore, TotalsListener } from '../ports.js';
import type { PledgeLimits } from '../shared/amount.js';

export interface PledgeDeps extends CampaignDeps {
  pledges: PledgeStore;
  limits: PledgeLimits;
  /** Told after every change of the totals (milestones); fixed once the bot is built. */
  totalsListeners: readonly TotalsListener[];
}
