import type { Kysely } from 'kysely';
import type { NeedsDeps } from '../../src/needs/ports.js';
import type { CampaignStore } from '../../src/ports.js';
import type { Clock } from '../../src/shared/clock.js';
import type { Locale } from '../../src/shared/money.js';
import type { Database } from '../schema.js';
import { campaignStore } from './campaigns.js';
import { channelStore } from './channels.js';
import { needStore } from './needs.js';
import { linkSigner } from './volunteers.js';

export interface NeedsSettings {
  timeZone: string;
  defaultLocale: Locale;
  publicUrl: string;
}

/**
 * The needs feature's small set of dependencies over one database. `campaigns` is the store the rest
 * of the bot reads, so a goal or last day HR changes here (which clears its cache) shows in needs at once.
 */
export function needsDeps(db: Kysely<Database>, clock: Clock, settings: NeedsSettings, campaigns: CampaignStore = campaignStore(db)): NeedsDeps {
  const channels = channelStore(db);
  return {
    store: needStore(db, clock),
    campaigns,
    clock,
    timeZone: settings.timeZone,
    defaultLocale: settings.defaultLocale,
    channels: async () => (await channels.list()).map((ch) => ch.destination),
    links: linkSigner(db, clock, settings.publicUrl),
  };
}
