/**
 * The volunteers' schedules, in the campaign's time zone: reminders at 09:00, and the deletion of
 * personal data after trips at 03:30. node-cron only fires them; the jobs claim their work in
 * Postgres, so every instance may fire and each reminder still goes out once.
 */
import cron, { type ScheduledTask } from 'node-cron';
import { purgeVolunteerData, sendTripReminders } from '../../src/volunteers/jobs.js';
import type { Logger } from '../logger.js';
import type { VolunteerFeatureDeps } from '../../src/volunteers/ports.js';

export const REMINDER_CRON = '0 9 * * *';
export const PURGE_CRON = '30 3 * * *';

export interface VolunteerSchedule {
  /** Runs the reminder job for `at` (default: the bot's clock now). */
  reminders(at?: Date): ReturnType<typeof sendTripReminders>;
  /** Runs the retention job for `at`. */
  purge(at?: Date): ReturnType<typeof purgeVolunteerData>;
  stop(): Promise<void>;
}

export function scheduleVolunteerJobs(options: { deps: VolunteerFeatureDeps; timeZone: string; logger: Logger }): VolunteerSchedule {
  const { deps } = options;
  const log = options.logger.child({ component: 'volunteers' });
  const reminders = async (at?: Date) => {
    const outcome = await sendTripReminders(deps, at ?? deps.clock.now());
    log.info(outcome, 'volunteer reminders run');
    return outcome;
  };
  const purge = async (at?: Date) => {
    const outcome = await purgeVolunteerData(deps, at ?? deps.clock.now());
    log.info(outcome, 'volunteer personal data retention run');
    return outcome;
  };
  const fire = (name: string, job: () => Promise<unknown>) => async () => {
    try {
      await job();
    } catch (error) {
      log.error({ err: error instanceof Error ? error.message : 'unknown error' }, `${name} failed`);
    }
  };
  const tasks: ScheduledTask[] = [
    cron.schedule(
      REMINDER_CRON,
      fire('volunteer reminders', () => reminders()),
      { name: 'volunteer-reminders', timezone: options.timeZone, noOverlap: true },
    ),
    cron.schedule(
      PURGE_CRON,
      fire('volunteer retention', () => purge()),
      { name: 'volunteer-retention', timezone: options.timeZone, noOverlap: true },
    ),
  ];
  return {
    reminders,
    purge,
    stop: async () => {
      for (const task of tasks) await task.destroy();
    },
  };
}
