/**
 * The outbox worker: claims due targets (several instances share the work through Postgres), holds
 * each until its pacing slot, sends it through its platform's sender, and records the outcome.
 * A target cut off mid-send (crash, kill -9, timeout) is taken over after the lease; before resending
 * it, the worker asks the platform whether the earlier post arrived, and counts a possible duplicate
 * only when nobody can tell.
 */
import { randomUUID } from 'node:crypto';
import { deliveryKey } from '../../src/messaging/delivery.js';
import type { PlatformSender, SendOutcome } from '../../src/messaging/ports.js';
import { PLATFORM_LIMITS } from '../../src/outbox/pacing.js';
import { DEFAULT_RETRY, decideAfter, type Transition } from '../../src/outbox/rules.js';
import type { Platform } from '../../src/ports.js';
import { SendingMarks } from './marks.js';
import type { OutboxWorker, OutboxWorkerOptions } from './options.js';
import type { ClaimedTarget } from './ports.js';

export type { OutboxWorker, OutboxWorkerOptions } from './options.js';

export function startOutboxWorker(options: OutboxWorkerOptions, autostart = true): OutboxWorker {
  const worker = new Worker(options);
  if (autostart) worker.start();
  return worker;
}

class Worker implements OutboxWorker {
  readonly id: string;
  private readonly senders: Map<Platform, PlatformSender>;
  private readonly active = new Set<Promise<void>>();
  /** Held targets waiting for their slot, by id → slot time (ms). */
  private readonly waiting = new Map<number, number>();
  /** Destinations that answered 429, until when: the targets held for them are given back, not sent. */
  private readonly paused = new Map<string, number>();
  private readonly marks: SendingMarks;
  private stopping = false;
  private timer: NodeJS.Timeout | undefined;
  private kicked = false;
  private lastSweep = Number.NEGATIVE_INFINITY;
  private ticking: Promise<number> | undefined;
  private wake: () => void = () => undefined;
  private readonly stopped = new Promise<void>((resolve) => (this.wake = resolve));
  private readonly o: Required<Omit<OutboxWorkerOptions, 'workerId'>>;

  constructor(options: OutboxWorkerOptions) {
    this.id = options.workerId ?? `worker-${randomUUID()}`;
    this.senders = new Map(options.senders.map((s) => [s.platform, s]));
    this.o = {
      pollMs: 250,
      leaseMs: 60_000,
      horizonMs: 2_000,
      maxInFlight: 64,
      sendTimeoutMs: 20_000,
      limits: PLATFORM_LIMITS,
      retry: DEFAULT_RETRY,
      random: Math.random,
      ...options,
    };
    this.marks = new SendingMarks(this.o.queue, this.id, this.o.clock, this.o.logger);
  }

  start(): void {
    this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.stopping) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.loop(), ms);
  }

  /** Something was enqueued (a NOTIFY): claim now rather than at the next safety poll. */
  nudge(): void {
    if (this.stopping || this.timer === undefined) return;
    // A claim already under way may have started before the commit: look once more after it.
    if (this.ticking) void this.ticking.finally(() => this.schedule(0)).catch(() => undefined);
    else this.schedule(0);
  }

  /** A lane just freed up: look for its next target soon rather than at the next poll. */
  private kick(): void {
    if (this.kicked || this.stopping || this.timer === undefined) return;
    this.kicked = true;
    setTimeout(() => {
      this.kicked = false;
      void this.tick().catch(() => undefined);
    }, 5);
  }

  private async loop(): Promise<void> {
    let claimed = 0;
    try {
      claimed = await this.tick();
    } catch (error) {
      this.o.logger.error({ component: 'outbox', err: String(error) }, 'outbox claim failed');
    }
    // While there is work, come back before the reserved slots run out.
    this.schedule(claimed > 0 ? Math.min(this.o.pollMs, this.o.horizonMs / 4) : this.o.pollMs);
  }

  tick(): Promise<number> {
    this.ticking ??= this.claim().finally(() => (this.ticking = undefined));
    return this.ticking;
  }

  private async claim(): Promise<number> {
    const room = this.o.maxInFlight - this.active.size;
    if (this.stopping || room <= 0 || this.senders.size === 0) return 0;
    const now = this.o.clock.now();
    // Targets of a worker that died come back once their lease has run out.
    if (now.getTime() - this.lastSweep >= Math.min(this.o.leaseMs / 2, 10_000)) {
      this.lastSweep = now.getTime();
      await this.o.queue.sweepAbandoned(now, this.o.leaseMs);
    }
    const claimed = await this.o.queue.claimDue({
      workerId: this.id,
      now,
      leaseMs: this.o.leaseMs,
      horizonMs: this.o.horizonMs,
      limit: room,
      platforms: [...this.senders.keys()],
      limits: this.o.limits,
    });
    for (const target of claimed) {
      const run: Promise<void> = this.deliver(target)
        .catch((error: unknown) => this.o.logger.error({ component: 'outbox', target: target.id, err: String(error) }, 'outbox delivery failed'))
        .finally(() => this.active.delete(run));
      this.active.add(run);
    }
    return claimed.length;
  }

  private async deliver(target: ClaimedTarget): Promise<void> {
    const slot = target.slotAt.getTime();
    if (slot > this.o.clock.now().getTime()) {
      // Marked 'sending' a moment before the slot, so the database write does not make the send late.
      const prepare = slot - Math.min(50, this.o.horizonMs / 4);
      this.waiting.set(target.id, prepare);
      const go = await this.waitUntil(prepare).finally(() => this.waiting.delete(target.id));
      if (!go || (this.paused.get(target.destinationKey) ?? 0) > this.o.clock.now().getTime()) {
        await this.o.queue.release([target.id], this.id);
        return;
      }
      if (!(await this.marks.mark(target.id))) return;
      this.waiting.set(target.id, slot);
      await this.waitUntil(slot, true).finally(() => this.waiting.delete(target.id));
    }
    const sender = target.destination ? this.senders.get(target.destination.platform) : undefined;
    if (!target.destination || !target.message || !sender) {
      const reason = deliveryKey({ code: !target.destination || !target.message ? 'bad_payload' : 'no_sender' });
      await this.finish(target, { status: 'failed', lastError: reason, throttled: false }, false, this.o.clock.now());
      return;
    }
    let uncertainResend = false;
    if (target.uncertain) {
      const since = target.previousClaimAt ?? new Date(this.o.clock.now().getTime() - this.o.leaseMs);
      const check = sender.findDelivered ? await sender.findDelivered(target.destination, String(target.id), since) : { delivered: 'unknown' as const };
      if (check.delivered === true) {
        await this.finish(target, { status: 'sent', platformMessageId: check.platformMessageId ?? null }, false, this.o.clock.now());
        return;
      }
      uncertainResend = check.delivered === 'unknown';
    }
    const outcome = await this.sendWithin(sender, target);
    const transition = decideAfter(outcome, target, this.o.clock.now(), this.o.retry, this.o.random);
    // A 429 pauses the whole lane until Retry-After; otherwise the slots already planned stand.
    const laneNextAt = transition.status === 'retry' && transition.throttled ? transition.nextAttemptAt : this.o.clock.now();
    if (transition.status === 'retry' && transition.throttled) this.pause(target.destinationKey, transition.nextAttemptAt.getTime());
    if (transition.status !== 'sent') {
      this.o.logger.warn(
        { component: 'outbox', kind: target.kind, platform: sender.platform, target: target.id, outcome: transition.status, reason: transition.lastError },
        'outbox target not delivered',
      );
    }
    await this.finish(target, transition, uncertainResend && transition.status === 'sent', laneNextAt);
  }

  private async finish(target: ClaimedTarget, transition: Transition, possibleDuplicate: boolean, laneNextAt: Date): Promise<void> {
    await this.o.queue.finish({
      id: target.id,
      workerId: this.id,
      destinationKey: target.destinationKey,
      transition,
      possibleDuplicate,
      now: this.o.clock.now(),
      laneNextAt,
    });
    this.kick();
  }

  /** A sender that hangs is cut off; its post may still land, so the next attempt checks first. */
  private async sendWithin(sender: PlatformSender, target: ClaimedTarget): Promise<SendOutcome> {
    if (!target.destination || !target.message) return { status: 'failed', failure: { code: 'bad_payload' } };
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<SendOutcome>((resolve) => {
      timer = setTimeout(() => resolve({ status: 'retry', failure: { code: 'timeout' }, uncertain: true }), this.o.sendTimeoutMs);
    });
    try {
      const send = sender.send(target.destination, target.message, { deliveryId: String(target.id) }).catch((error: unknown): SendOutcome => ({
        status: 'retry',
        failure: { code: 'unexpected', detail: `sender_error:${String(error).slice(0, 100)}` },
        uncertain: true,
      }));
      return await Promise.race([send, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Waits for `atMs` on the bot's clock (tests drive it by hand); false when the worker stops first,
   * unless `committed` (the target is already marked as sending: it goes anyway).
   */
  private async waitUntil(atMs: number, committed = false): Promise<boolean> {
    for (;;) {
      if (this.stopping && !committed) return false;
      const remaining = atMs - this.o.clock.now().getTime();
      if (remaining <= 0) return true;
      const sleep = new Promise((r) => setTimeout(r, Math.min(remaining, 100)));
      await (committed ? sleep : Promise.race([sleep, this.stopped]));
    }
  }

  private pause(destinationKey: string, untilMs: number): void {
    this.paused.set(destinationKey, Math.max(untilMs, this.paused.get(destinationKey) ?? 0));
    if (this.paused.size > 1_000) {
      const now = this.o.clock.now().getTime();
      for (const [key, until] of this.paused) if (until <= now) this.paused.delete(key);
    }
  }

  async idle(): Promise<void> {
    await this.ticking;
    while (this.active.size > 0) await Promise.allSettled([...this.active]);
  }

  async settle(): Promise<void> {
    for (;;) {
      await this.ticking?.catch(() => undefined);
      const now = this.o.clock.now().getTime();
      const due = [...this.waiting.values()].some((slot) => slot <= now);
      if (this.active.size === this.waiting.size && !due && !this.ticking) return;
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    this.wake();
    await this.ticking?.catch(() => undefined);
    await Promise.allSettled([...this.active]);
  }
}
