/**
 * One outbox worker in its own process, as one bot instance would run it, with the platform limits
 * and timings scaled like the fakes (bench/outbox.ts starts two of these). Stops on SIGTERM.
 */
import { once } from 'node:events';
import { Writable } from 'node:stream';
import { loadConfig } from '../adapters/config.js';
import { createLogger } from '../adapters/logger.js';
import { startOutboxWorker } from '../adapters/outbox/worker.js';
import { createSlackSender } from '../adapters/slack/sender.js';
import { teamsConnection } from '../adapters/teams/adapter.js';
import { TeamsSender } from '../adapters/teams/sender.js';
import { openDatabase } from '../db/connect.js';
import { outboxQueue } from '../db/repositories/outbox-queue.js';
import { teamsConversationStore } from '../db/repositories/teams-conversations.js';
import { PLATFORM_LIMITS, scaledLimits } from '../src/outbox/pacing.js';
import { DEFAULT_RETRY } from '../src/outbox/rules.js';
import { systemClock } from '../src/shared/clock.js';

const env = (name: string): string => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is required`);
  return v;
};
const scale = Number(env('BENCH_OUTBOX_SCALE'));
const silent = createLogger('warn', new Writable({ write: (_c, _e, done) => done() }));
const db = await openDatabase({ url: env('BENCH_DATABASE'), dataDir: '', poolSize: 8 });
const config = loadConfig({});
const teams = new TeamsSender({
  ...teamsConnection(config.teams, teamsConversationStore(db.db)),
  appId: config.teams.appId ?? '',
  defaultLocale: config.defaultLocale,
  logger: silent,
});
const worker = startOutboxWorker({
  queue: outboxQueue(db.db),
  workerId: env('BENCH_WORKER'),
  senders: [createSlackSender({ token: env('BENCH_SLACK_TOKEN'), apiUrl: env('BENCH_SLACK_API') }), teams],
  clock: systemClock,
  logger: silent,
  pollMs: 250 / scale,
  horizonMs: 2000 / scale,
  limits: scaledLimits(PLATFORM_LIMITS, scale),
  retry: { ...DEFAULT_RETRY, baseMs: DEFAULT_RETRY.baseMs / scale },
});
await once(process, 'SIGTERM');
await worker.stop();
await db.close();
