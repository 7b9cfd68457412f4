/**
 * The daily digest schedule: node-cron only fires it, in the campaign's time zone; the job itself
 * claims the day in Postgres, so every instance may fire and the digest still goes out once.
 */
import cron, { type Logger as CronLogger, type ScheduledTask } from 'node-cron';
import { runDigest, type DigestOutcome } from '../../src/digest/digest.service.js';
import type { Logger } from '../logger.js';
import type { BroadcastDeps } from '../../src/messaging/deps.js';

export interface DigestSchedule {
  /** Runs the digest job for the campaign day holding `at` (default: the bot's clock now). */
  run(at?: Date): Promise<DigestOutcome>;
  stop(): Promise<void>;
}

function cronLogger(logger: Logger): CronLogger {
  const log = logger.child({ component: 'cron' });
  return {
    info: (m) => log.debug(m),
    warn: (m) => log.warn(m),
    error: (m, e) => log.error({ err: String(e ?? m) }, String(m)),
    debug: (m) => log.debug(String(m)),
  };
}

export function scheduleDigest(options: { deps: BroadcastDeps; expression: string; timeZone: string; logger: Logger }): DigestSchedule {
  const { deps, logger } = options;
  const run = async (at?: Date): Promise<DigestOutcome> => {
    const outcome = await runDigest(deps, at ?? deps.clock.now());
    logger.info({ component: 'digest', ...outcome }, `digest ${outcome.status}`);
    return outcome;
  };
  const task: ScheduledTask = cron.schedule(
    options.expression,
    async () => {
      try {
        await run();
      } catch (error) {
        logger.error({ component: 'digest', err: String(error) }, 'digest failed');
      }
    },
    { name: 'digest', timezone: options.timeZone, noOverlap: true, logger: cronLogger(logger) },
  );
  return {
    run,
    stop: async () => {
      await task.destroy();
    },
  };
}
