/**
 * Who a Slack user is and which language they read. Before the answer only what the bot has stored
 * counts (a newcomer gets the default language); the profile is refreshed from `users.info` after the
 * answer, at most once per person a day across instances, with failures remembered and a 429's
 * Retry-After honoured by every instance (holds in Postgres).
 *
 * Look-ups wait in a bounded queue and leave it at Slack's own pace for `users.info` (Tier 4, about
 * 100 a minute): a campaign launch where thousands of people pledge at once costs no burst of HTTP
 * calls and database writes beside the answers. When the queue is full a person is not queued, and
 * is asked about at their next command instead.
 */
import { ErrorCode, type WebClient } from '@slack/web-api';
import { z } from 'zod';
import type { SlackHolds } from './ports.js';
import { resolveLocale } from '../../src/shared/i18n/index.js';
import type { Identity, PeopleStore } from '../../src/ports.js';
import { TtlCache } from '../../src/shared/ttl-cache.js';
import type { Logger } from '../logger.js';

/** Names and languages change rarely: a profile is fresh for a day. */
const REFRESH_MS = 24 * 60 * 60 * 1000;
/** After a failed look-up (Slack down, slow, ok:false), this person is not asked about again for a while. */
const FAILURE_MS = 10 * 60 * 1000;
const METHOD = 'users.info';
/** How long this instance trusts what the database said about a hold on every look-up (a 429 elsewhere). */
const HOLD_CHECK_MS = 5_000;
/** How long this instance trusts, without asking the database, that a person's profile is fresh. */
const FRESH_HERE_MS = 60 * 60 * 1000;

/** The pace of look-ups: a burst of `burst`, then one every `everyMs`. */
export interface RefreshPace {
  burst: number;
  everyMs: number;
  /** People waiting at most; beyond, a person is left for their next command. */
  queued: number;
}
const SLACK_PACE: RefreshPace = { burst: 20, everyMs: 600, queued: 10_000 };

export interface SlackUserRef {
  teamId: string;
  userId: string;
  /** Enterprise Grid organisation, when Slack says. */
  orgId?: string | undefined;
}

const rateLimited = z.object({ code: z.literal(ErrorCode.RateLimitedError), retryAfter: z.number().optional().catch(undefined) });

export class SlackPeople {
  /** Who this instance has tried lately: a failure is tried again after FAILURE_MS, not before. */
  private readonly tried = new TtlCache<true>(FAILURE_MS, 20_000);
  /** Whose profile this instance looked up: spares a database round trip on their every command. */
  private readonly fresh = new TtlCache<true>(FRESH_HERE_MS, 20_000);
  private readonly waiting = new Map<string, SlackUserRef>();
  private tokens: number;
  private lastFill: number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopping = false;
  /** The method hold as last read: until when this instance heard a 429, and the database's last word. */
  private heldUntil = 0;
  private heldAsked: { at: number; held: boolean } | undefined;

  constructor(
    private readonly client: WebClient,
    private readonly holds: SlackHolds,
    private readonly people: PeopleStore,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
    private readonly pace: RefreshPace = SLACK_PACE,
  ) {
    this.tokens = pace.burst;
    this.lastFill = Date.now();
  }

  /** The identity as stored: never waits on Slack. */
  identity(teamId: string, userId: string, orgId?: string): Promise<Identity> {
    return Promise.resolve({ platform: 'slack', tenantId: teamId, userId, orgId });
  }

  /** Called once the answer is out: queues a refresh of the name and language (nothing is awaited). */
  refreshLater(ref: SlackUserRef): void {
    const key = `${ref.teamId}:${ref.userId}`;
    if (this.stopping || this.tried.get(key) || this.fresh.get(key) || this.waiting.has(key)) return;
    if (this.waiting.size >= this.pace.queued) return;
    this.waiting.set(key, ref);
    this.drain();
  }

  /** Stops starting look-ups (the queue is let go) and waits for the one under way (bounded by the client's timeout). */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.waiting.clear();
    await this.running;
  }

  /** Runs the next look-up when a token is free, one at a time (a 429 is then heard before the next call). */
  private drain(): void {
    if (this.running || this.timer || this.stopping) return;
    const next = this.waiting.entries().next().value;
    if (!next) return;
    const clock = Date.now();
    this.tokens = Math.min(this.pace.burst, this.tokens + (clock - this.lastFill) / this.pace.everyMs);
    this.lastFill = clock;
    if (this.tokens < 1) {
      this.timer = setTimeout(
        () => {
          this.timer = undefined;
          this.drain();
        },
        Math.ceil((1 - this.tokens) * this.pace.everyMs),
      );
      this.timer.unref();
      return;
    }
    this.tokens -= 1;
    const [key, ref] = next;
    this.waiting.delete(key);
    this.tried.set(key, true);
    this.running = this.refresh(ref)
      .then((fresh) => {
        if (fresh) this.fresh.set(key, true);
      })
      .catch((error: unknown) => this.logger.warn({ component: 'slack', err: String(error) }, 'slack profile refresh failed'))
      .finally(() => {
        this.running = undefined;
        this.drain();
      });
  }

  /** A 429 heard here, or by any instance (asked again every few seconds, not before every look-up). */
  private async methodHeld(now: Date): Promise<boolean> {
    const at = now.getTime();
    if (at < this.heldUntil) return true;
    if (this.heldAsked && at - this.heldAsked.at < HOLD_CHECK_MS) return this.heldAsked.held;
    const held = await this.holds.held(METHOD, now);
    this.heldAsked = { at, held };
    return held;
  }

  /** True when the profile was looked up and stored here. */
  private async refresh(ref: SlackUserRef): Promise<boolean> {
    const now = this.now();
    if (await this.methodHeld(now)) return false;
    const personKey = `${METHOD}:${ref.teamId}:${ref.userId}`;
    if (!(await this.holds.claim(personKey, now, new Date(now.getTime() + REFRESH_MS)))) return false;
    try {
      const res = await this.client.users.info({ user: ref.userId, include_locale: true });
      const user = res.user;
      if (!user) throw new Error('users.info: no user');
      const name = user.profile?.display_name || user.real_name || user.name || undefined;
      const tag = resolveLocale(user.locale, 'fr');
      // Only a language we speak counts; anything else keeps what the bot knew (or the default).
      const locale = user.locale?.toLowerCase().startsWith(tag) ? tag : undefined;
      await this.people.resolve({ platform: 'slack', tenantId: ref.teamId, userId: ref.userId, orgId: ref.orgId, displayName: name, locale });
      return true;
    } catch (error) {
      const limited = rateLimited.safeParse(error);
      const later = this.now().getTime();
      if (limited.success) {
        this.heldUntil = later + (limited.data.retryAfter ?? 30) * 1000;
        await this.holds.hold(METHOD, new Date(this.heldUntil));
      }
      await this.holds.hold(personKey, new Date(later + FAILURE_MS));
      this.logger.info({ component: 'slack', user: ref.userId, err: error instanceof Error ? error.message : String(error) }, 'slack profile not refreshed');
      return false;
    }
  }
}
