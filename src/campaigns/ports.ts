/**
 * What reading campaigns needs: the store, the clock and the campaign's time zone (which day it is
 * there decides which campaign runs).
 */
import type { CampaignStore } from '../ports.js';
import type { Clock } from '../shared/clock.js';

export interface CampaignDeps {
  campaigns: CampaignStore;
  clock: Clock;
  /** TZ: the campaign's days start at midnight here. */
  timeZone: string;
}
