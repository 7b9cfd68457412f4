/**
 * Who a Slack user is and which language they read. Before the answer only what the bot has stored
 * counts (a newcomer gets the default language); the profile is refreshed from `users.info` after the
 * answer, at most once per person per hour across instances, with failures remembered and a 429's
 * Retry-After honoured by every instance (holds in Postgres).
 */
import { ErrorCode, type WebClient } from '@slack/web-api';
import { z } from 'zod';
import type { SlackHolds } from './ports.js';
import { resolveLocale } from '../../src/shared/i18n/index.js';
import type { Identity, PeopleStore } from '../../src/ports.js';
import { TtlCache } from '../../src/shared/ttl-cache.js';
import type { Logger } from '../logger.js';

const REFRESH_MS = 60 * 60 * 1000;
/** After a failed look-up (Slack down, slow, ok:false), this person is not asked about again for a while. */
const FAILURE_MS = 10 * 60 * 1000;
const METHOD = 'users.info';

export interface SlackUserRef {
  teamId: string;
  userId: string;
  /** Enterprise Grid organisation, when Slack says. */
  orgId?: string | undefined;
}

const rateLimited = z.object({ code: z.literal(ErrorCode.RateLimitedError), retryAfter: z.number().optional().catch(undefined) });

export class SlackPeople {
  /** Who this instance has already seen to: spares a database round trip on every command. */
  private readonly recent = new TtlCache<true>(FAILURE_MS, 20_000);
  private readonly running = new Set<Promise<void>>();
  private stopping = false;

  constructor(
    private readonly client: WebClient,
    private readonly holds: SlackHolds,
    private readonly people: PeopleStore,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The identity as stored: never waits on Slack. */
  identity(teamId: string, userId: string, orgId?: string): Promise<Identity> {
    return Promise.resolve({ platform: 'slack', tenantId: teamId, userId, orgId });
  }

  /** Called once the answer is out: refreshes the name and language in the background. */
  refreshLater(ref: SlackUserRef): void {
    const key = `${ref.teamId}:${ref.userId}`;
    if (this.stopping || this.recent.get(key)) return;
    this.recent.set(key, true);
    const run: Promise<void> = this.refresh(ref)
      .catch((error: unknown) => this.logger.warn({ component: 'slack', err: String(error) }, 'slack profile refresh failed'))
      .finally(() => this.running.delete(run));
    this.running.add(run);
  }

  /** Stops starting look-ups and waits for the ones under way (each is bounded by the client's timeout). */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled([...this.running]);
  }

  private async refresh(ref: SlackUserRef): Promise<void> {
    const now = this.now();
    if (await this.holds.held(METHOD, now)) return;
    const personKey = `${METHOD}:${ref.teamId}:${ref.userId}`;
    if (!(await this.holds.claim(personKey, now, new Date(now.getTime() + REFRESH_MS)))) return;
    try {
      const res = await this.client.users.info({ user: ref.userId, include_locale: true });
      const user = res.user;
      if (!user) throw new Error('users.info: no user');
      const name = user.profile?.display_name || user.real_name || user.name || undefined;
      const tag = resolveLocale(user.locale, 'fr');
      // Only a language we speak counts; anything else keeps what the bot knew (or the default).
      const locale = user.locale?.toLowerCase().startsWith(tag) ? tag : undefined;
      await this.people.resolve({ platform: 'slack', tenantId: ref.teamId, userId: ref.userId, orgId: ref.orgId, displayName: name, locale });
    } catch (error) {
      const limited = rateLimited.safeParse(error);
      const later = this.now().getTime();
      if (limited.success) await this.holds.hold(METHOD, new Date(later + (limited.data.retryAfter ?? 30) * 1000));
      await this.holds.hold(personKey, new Date(later + FAILURE_MS));
      this.logger.info({ component: 'slack', user: ref.userId, err: error instanceof Error ? error.message : String(error) }, 'slack profile not refreshed');
    }
  }
}
