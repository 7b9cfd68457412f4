import type { Kysely } from 'kysely';
import type { SigningKeyName } from '../../adapters/http/ports.js';
import type { VolunteerDirectory } from '../../src/messaging/deps.js';
import type { Clock } from '../../src/shared/clock.js';
import { signPath } from '../../src/shared/signed-links.js';
import type { LinkSigner, VolunteerDeps } from '../../src/volunteers/ports.js';
import type { Database } from '../schema.js';
import { appSecret } from './secrets.js';
import { signupStore } from './signups.js';
import { tripStore } from './trips.js';
import { reminderStore } from './volunteer-reminders.js';

export interface VolunteerSettings {
  reminderDays: readonly number[];
  retentionDays: number;
  /** PUBLIC_URL: where the links the bot hands out point. */
  publicUrl: string;
}

/** The secret named `links` signs every file link the bot serves, on every instance alike. */
export const LINKS_SECRET: SigningKeyName = 'links';

export function linkSigner(db: Kysely<Database>, clock: Clock, publicUrl: string): LinkSigner {
  return async (path, ttlMs) => {
    const secret = await appSecret(db, LINKS_SECRET);
    return `${publicUrl}${path}?${signPath(secret, path, new Date(clock.now().getTime() + ttlMs))}`;
  };
}

/** The volunteers feature's stores and settings over one database. */
export function volunteerDeps(db: Kysely<Database>, clock: Clock, settings: VolunteerSettings): VolunteerDeps {
  return {
    trips: tripStore(db),
    signups: signupStore(db, clock),
    reminders: reminderStore(db, clock),
    links: linkSigner(db, clock, settings.publicUrl),
    reminderDays: settings.reminderDays,
    retentionDays: settings.retentionDays,
  };
}

/** What campaign messaging (the digest, announcements) may ask about volunteers: counts and private destinations. */
export function volunteerDirectory(volunteers: VolunteerDeps): VolunteerDirectory {
  return {
    async seats(campaignId) {
      const counts = await volunteers.signups.counts(campaignId);
      return counts.capacity === 0 ? null : { filled: counts.confirmed, capacity: counts.capacity };
    },
    confirmedDestinations: (campaignId) => volunteers.signups.confirmedContacts(campaignId),
  };
}
