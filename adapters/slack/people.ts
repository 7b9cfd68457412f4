import type { WebClient } from '@slack/web-api';
import { resolveLocale } from '../../src/shared/i18n/index.js';
import type { Locale } from '../../src/shared/money.js';
import type { Identity } from '../../src/ports.js';
import { TtlCache } from '../../src/shared/ttl-cache.js';

interface Profile {
  name: string | undefined;
  locale: Locale | undefined;
}

const TTL_MS = 60 * 60 * 1000;
const MAX_ENTRIES = 20_000;
/** users.info must not eat the 3-second budget: past this, the default language is used. */
const LOOKUP_TIMEOUT_MS = 1200;

/**
 * Who a Slack user is and which language they read, from `users.info` (with `include_locale`),
 * cached for an hour. A failed look-up falls back to what the database remembers.
 */
export class SlackPeople {
  private readonly cache = new TtlCache<Profile>(TTL_MS, MAX_ENTRIES);

  constructor(private readonly client: WebClient) {}

  async identity(teamId: string, userId: string): Promise<Identity> {
    const profile = await this.profile(userId);
    return { platform: 'slack', tenantId: teamId, userId, displayName: profile.name, locale: profile.locale };
  }

  private async profile(userId: string): Promise<Profile> {
    const cached = this.cache.get(userId);
    if (cached) return cached;
    const fetched = await this.lookup(userId);
    if (fetched.locale !== undefined || fetched.name !== undefined) this.cache.set(userId, fetched);
    return fetched;
  }

  private async lookup(userId: string): Promise<Profile> {
    const empty: Profile = { name: undefined, locale: undefined };
    try {
      const call = this.client.users.info({ user: userId, include_locale: true });
      const timeout = new Promise<null>((resolve) => setTimeout(resolve, LOOKUP_TIMEOUT_MS, null).unref());
      const res = await Promise.race([call, timeout]);
      call.catch(() => undefined);
      if (!res || !res.user) return empty;
      const name = res.user.profile?.display_name || res.user.real_name || res.user.name || undefined;
      const tag = resolveLocale(res.user.locale, 'fr');
      // Only a language we speak counts; anything else falls back to the campaign's default.
      const locale = res.user.locale?.toLowerCase().startsWith(tag) ? tag : undefined;
      return { name, locale };
    } catch {
      return empty;
    }
  }
}
