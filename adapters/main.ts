/**
 * The composition root: the one place that turns configuration into a running bot. The CLI calls it
 * for `caravane start`; tests call it with their own database, clock and log sink.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../db/connect.js';
import { messagingDeps } from '../db/repositories/messaging.js';
import { needsDeps } from '../db/repositories/needs-deps.js';
import { photoStore } from '../db/repositories/photos.js';
import { signingKeys } from '../db/repositories/secrets.js';
import { outboxQueue } from '../db/repositories/outbox-queue.js';
import { teamsConversationStore } from '../db/repositories/teams-conversations.js';
import { directChats } from '../db/repositories/direct-chats.js';
import { slackEventLog } from '../db/repositories/slack-events.js';
import { slackHolds } from '../db/repositories/slack-holds.js';
import { createStores } from '../db/stores.js';
import { dashboardDeps } from '../db/repositories/dashboard.js';
import { volunteerDeps, volunteerDirectory } from '../db/repositories/volunteers.js';
import type { ChatDeps } from '../src/chat/deps.js';
import type { BroadcastDeps } from '../src/messaging/deps.js';
import type { PlatformSender } from '../src/messaging/ports.js';
import type { TotalsListener } from '../src/ports.js';
import { volunteerCounts } from '../src/volunteers/trips.service.js';
import { milestoneListener } from '../src/milestones/milestones.service.js';
import { biggestShortfalls } from '../src/needs/needs.service.js';
import { systemClock, type Clock } from '../src/shared/clock.js';
import { minor } from '../src/shared/money.js';
import type { Config } from './config.js';
import { albumRoutes } from './http/album.js';
import { createHttpApp, listen } from './http/server.js';
import { chartImages } from './charts/chart-images.js';
import { chartRoute } from './charts/chart-route.js';
import { hrRoutes } from './http/pages/hr-routes.js';
import { assetRoutes } from './http/pages/render.js';
import { wallRoutes } from './http/pages/wall-routes.js';
import { volunteerFilesRoute } from './http/volunteer-files.js';
import { loadingListRoute } from './http/loading-list.js';
import { scheduleVolunteerJobs, type VolunteerSchedule } from './cron/volunteers.js';
import { homeOrganisation, type Home } from './home.js';
import { createLogger, type Logger } from './logger.js';
import { photoFiles } from './photos/files.js';
import { photoMessages } from './photos/messages.js';
import { createPhotoWiring } from './photos/wiring.js';
import { scheduleDigest, type DigestSchedule } from './cron/digest.js';
import { startOutboxWorker, type OutboxWorker } from './outbox/worker.js';
import { outboxChannel } from '../db/listen.js';
import { stopping } from './stopping.js';
import type { SlackAdapter } from './slack/app.js';
import { startSlack } from './slack/start.js';
import type { TeamsCredentialsFactory } from './teams/auth.js';
import { startTeams, type TeamsWiring } from './teams/start.js';
import { MILESTONE_PACING } from './milestone-pacing.js';

/** An idle instance asks the database for work this rarely (NOTIFY wakes it for new messages). */
const OUTBOX_SAFETY_POLL_MS = 5_000;

export interface Bot {
  url: string;
  server: Server;
  deps: ChatDeps;
  database: DatabaseHandle;
  slack: SlackAdapter | undefined;
  /** Volunteer reminders (09:00) and personal-data retention; `volunteerJobs.reminders(at)` runs the job by hand. */
  volunteerJobs: VolunteerSchedule;
  /** Delivers the outbox (digests, milestones, announcements…) on every configured platform. */
  outbox: OutboxWorker;
  /** The DIGEST_CRON schedule; `digest.run(at)` runs the job by hand. */
  digest: DigestSchedule;
  /** `mode` says whether Teams is on: authenticated with MICROSOFT_APP_ID, `emulator` for local use, else `off`. */
  teams: TeamsWiring;
  logger: Logger;
  close(): Promise<void>;
}

/** How long requests and listeners in flight may take to finish once a stop was asked for. */
const GRACE_MS = 3000;

export interface StartOptions {
  clock?: Clock;
  logger?: Logger;
  /** An open database (tests); otherwise one is opened from the config. */
  database?: DatabaseHandle;
  /** Web API retries for Slack (tests use 0). */
  slackRetries?: number;
  /** Outbox worker: idle poll interval (ms), and whether it polls on its own (tests may drive `bot.outbox.tick()`). */
  outbox?: { pollMs?: number; autostart?: boolean };
  /** Outbound Bot Connector credentials (tests: a fake that never calls Microsoft's login). */
  teamsCredentials?: TeamsCredentialsFactory;
}

/** Every feature but photos, whose notifier needs the platforms (the CLI and the tests' databases need no photos). */
export type CoreServices = Omit<ChatDeps, 'photos'>;

/**
 * Builds the features from the bottom up: stores and settings, then campaign messaging, then what
 * listens to the totals (given those), then the rest. Nothing is assigned afterwards.
 */
export function buildDeps(
  config: Config,
  database: DatabaseHandle,
  clock: Clock,
  home: Home = homeOrganisation(config),
  listeners: (messages: BroadcastDeps) => readonly TotalsListener[] = () => [],
): CoreServices {
  const stores = createStores(database.db);
  const volunteers = volunteerDeps(database.db, clock, {
    reminderDays: config.volunteerReminderDays,
    retentionDays: config.volunteerRetentionDays,
    publicUrl: config.publicUrl,
  });
  const needs = needsDeps(
    database.db,
    clock,
    { timeZone: config.timeZone, defaultLocale: config.defaultLocale, publicUrl: config.publicUrl },
    stores.campaigns,
  );
  const messaging = messagingDeps(database.db, clock, {
    volunteers: volunteerDirectory(volunteers),
    needs: { shortfalls: (id, limit) => biggestShortfalls(needs, id, limit) },
  });
  const settings = { clock, timeZone: config.timeZone, defaultLocale: config.defaultLocale };
  return {
    ...stores,
    ...settings,
    limits: { min: minor(100), max: config.pledgeMaxMinor, currency: config.currency },
    staticAdmins: new Set(config.admins),
    home,
    totalsListeners: listeners({ ...settings, campaigns: stores.campaigns, messaging }),
    messaging,
    volunteers,
    dashboard: dashboardDeps(database.db, config.publicUrl),
    needs,
  };
}

/**
 * A listener told on the next turn of the event loop: the pledge's answer is written (and its bytes
 * sent) before the milestone check sends its first read, instead of after it.
 */
function afterAnswer(listener: TotalsListener & { settled(): Promise<void> }): TotalsListener {
  const told = new Set<Promise<void>>();
  return {
    totalsChanged(campaign, change) {
      const telling = new Promise<void>((resolve) => setImmediate(resolve)).then(() => listener.totalsChanged(campaign, change));
      told.add(telling);
      const forget = () => void told.delete(telling);
      telling.then(forget, forget);
      return telling;
    },
    async settled() {
      while (told.size > 0) await Promise.allSettled([...told]);
      await listener.settled();
    },
  };
}

export async function startBot(config: Config, options: StartOptions = {}): Promise<Bot> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const database = options.database ?? (await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir }));
  const ownsDatabase = options.database === undefined;
  await migrateToLatest(database);
  const home = homeOrganisation(config);
  const milestones = (messages: BroadcastDeps) => [
    afterAnswer(
      milestoneListener(messages, (error) => logger.error({ component: 'milestones', err: String(error) }, 'milestone check failed'), MILESTONE_PACING),
    ),
  ];
  const core = buildDeps(config, database, options.clock ?? systemClock, home, milestones);
  const keys = signingKeys(database.db);
  // The senders (below) take the photos' copies back; they are only asked once the bot runs.
  const photos = createPhotoWiring(config, { store: photoStore(database.db), keys, direct: directChats(database.db) }, logger, () => senders);
  const deps: ChatDeps = { ...core, photos: photos.deps };
  const files = photoFiles(deps);
  const photoMessaging = photoMessages(deps);

  // The platforms first: photo notices speak through them, and the adapters need the notices.
  const outside = stopping();
  const charts = chartImages(deps, keys, config.publicUrl);
  // Bolt and the Web API client are loaded only when Slack is on.
  const slackWiring = await startSlack({
    config: config.slack,
    logger,
    fetch: outside.fetch,
    ...(options.slackRetries !== undefined ? { retries: options.slackRetries } : {}),
    deps,
    holds: slackHolds(database.db),
    events: slackEventLog(database.db),
    home,
    sending: { files, charts, photos: photoMessaging },
  });
  const slack = slackWiring?.adapter;
  // botbuilder is loaded only when Teams is on.
  const teams = await startTeams({
    config: config.teams,
    conversations: teamsConversationStore(database.db),
    credentials: options.teamsCredentials,
    deps,
    logger,
    files,
    charts,
    photos: photoMessaging,
  });
  const teamsOn = teams.mode !== 'off';
  const senders: PlatformSender[] = [...(slackWiring ? [slackWiring.sender] : []), ...(teamsOn ? [teams.sender] : [])];
  const app = createHttpApp({
    deps,
    logger,
    ping: database.ping,
    slack: slackWiring?.endpoint,
    direct: [teams.direct],
    mount: [
      teams.mount,
      albumRoutes(deps, photos.secret),
      volunteerFilesRoute(deps, keys, logger),
      assetRoutes,
      hrRoutes(deps, { secure: config.publicUrl.startsWith('https://') }),
      wallRoutes(deps, photos.secret),
      chartRoute(deps, keys, logger),
      loadingListRoute(deps.needs, keys, logger),
    ],
    volunteers: (campaignId) => volunteerCounts(deps, campaignId),
  });
  const server = await listen(app, config.port, config.host).catch(async (error: unknown) => {
    // The port is taken (or refused): nothing runs yet, so give the database back and let the start fail.
    if (ownsDatabase) await database.close();
    throw error;
  });
  const volunteerJobs = scheduleVolunteerJobs({ deps, timeZone: config.timeZone, logger });
  const outbox = startOutboxWorker(
    {
      queue: outboxQueue(database.db),
      senders,
      clock: deps.clock,
      logger,
      leaseMs: config.outboxLeaseMs,
      // Woken by NOTIFY when something is enqueued; the poll is only a safety net for a lost signal.
      pollMs: options.outbox?.pollMs ?? OUTBOX_SAFETY_POLL_MS,
    },
    options.outbox?.autostart ?? true,
  );
  const digest = scheduleDigest({ deps, expression: config.digestCron, timeZone: config.timeZone, logger });
  let unlisten = async (): Promise<void> => undefined;
  /**
   * Stops in an order that loses nothing: no new requests or envelopes; those in flight get `graceMs`;
   * then every outside call still under way is aborted (no client keeps retrying), the jobs and the
   * outbox stop (the outbox gives back what it had claimed), milestone checks under way finish, and the
   * database closes.
   */
  const stopAll = async (graceMs: number): Promise<void> => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const grace = new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref());
    const slackStopped = slack?.stop(graceMs).catch((error: unknown) => logger.warn({ component: 'slack', err: String(error) }, 'slack did not stop cleanly'));
    await Promise.all([slackStopped, Promise.race([closed, grace])]);
    outside.abort();
    server.closeAllConnections();
    await slack?.context.people.stop();
    await volunteerJobs.stop();
    await digest.stop();
    await unlisten();
    await outbox.stop();
    await closed;
    await Promise.all(deps.totalsListeners.map((l) => l.settled?.()));
    if (ownsDatabase) await database.close();
  };
  try {
    unlisten = await database.listen(outboxChannel(database.schema), () => outbox.nudge());
    await slack?.start();
  } catch (error) {
    // A start failing half-way stops what already runs (nothing has been answered yet), Socket Mode
    // included, so the process is not left listening with its jobs and outbox at work.
    await stopAll(0);
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;

  return {
    url,
    server,
    deps,
    database,
    slack,
    volunteerJobs,
    outbox,
    digest,
    teams,
    logger,
    /** Stops within GRACE_MS for what is in flight, then everything else (`stopAll`). */
    close: () => stopAll(GRACE_MS),
  };
}
