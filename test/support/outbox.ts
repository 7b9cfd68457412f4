/** Driving the outbox in tests: deliver everything due, moving the bot's clock instead of waiting. */
import { sql } from 'kysely';
import type { Bot } from '../../adapters/main.js';
import type { ManualClock } from '../../src/shared/clock.js';

/** Targets not yet sent or failed for good. */
export async function undelivered(bot: Bot): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from outbox_targets where status in ('pending', 'sending')`.execute(bot.database.db);
  return r.rows[0]?.n ?? 0;
}

/** One pass of the worker at the clock's current time: claims what is due and sends it. */
export async function runOnce(bot: Bot): Promise<void> {
  await bot.outbox.tick();
  await bot.outbox.settle();
}

/**
 * Ticks the worker until nothing is left to deliver, moving `clock` by `stepMs` whenever the worker
 * is only waiting (pacing slots, backoff, Retry-After). Throws if it does not finish in `maxSteps`.
 */
export async function deliverAll(bot: Bot, clock: ManualClock, options: { stepMs?: number; maxSteps?: number } = {}): Promise<number> {
  const stepMs = options.stepMs ?? 500;
  const maxSteps = options.maxSteps ?? 200;
  // What the answers left to do after them (milestone checks) is enqueued first.
  await Promise.all(bot.deps.totalsListeners.map((l) => l.settled?.()));
  for (let step = 0; step < maxSteps; step++) {
    await bot.outbox.tick();
    await bot.outbox.settle();
    if ((await undelivered(bot)) === 0) return step;
    clock.advance(stepMs);
  }
  throw new Error(`outbox not delivered after ${maxSteps} steps: ${await undelivered(bot)} targets left`);
}

/**
 * Delivers the outbox until `check` holds: for messages queued by work that finishes after the
 * answer (a Slack click is handled after its acknowledgement). Throws after `ms`.
 */
export async function deliverUntil(bot: Bot, clock: ManualClock, check: () => boolean | Promise<boolean>, what: string, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    await deliverAll(bot, clock);
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
