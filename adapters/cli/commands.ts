import { once } from 'node:events';
import { openDatabase, migrateToLatest, type DatabaseHandle } from '../../db/connect.js';
import { addAdmin } from '../../src/admins/admins.service.js';
import type { CampaignError } from '../../src/campaigns/campaign.js';
import { createCampaign } from '../../src/campaigns/campaigns.service.js';
import { pledgesCsv } from '../../src/pledges/export.js';
import { collectPledge } from '../../src/pledges/pledges.service.js';
import { parseAmount } from '../../src/shared/amount.js';
import { formatMoney } from '../../src/shared/money.js';
import { systemClock } from '../../src/shared/clock.js';
import type { Config } from '../config.js';
import { buildDeps, startBot } from '../main.js';
import { options, required, UsageError } from './args.js';
import { volunteerCommands } from './volunteers.js';
import { needsCommands } from './needs.js';
import { teamsPackage } from './teams-package.js';

type Command = (config: Config, args: string[]) => Promise<number>;

async function withDatabase<T>(config: Config, fn: (db: DatabaseHandle) => Promise<T>): Promise<T> {
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(database);
    return await fn(database);
  } finally {
    await database.close();
  }
}

const CAMPAIGN_ERRORS: Record<CampaignError['code'], string> = {
  'campaign.name_missing': '--name must not be empty',
  'campaign.name_too_long': '--name is limited to 120 characters',
  'campaign.bad_currency': '--currency must be a three-letter code such as MAD',
  'campaign.bad_date': '--from and --to must be real dates written YYYY-MM-DD',
  'campaign.ends_before_start': '--to must not be before --from',
  'campaign.goal_not_positive': '--goal must be more than zero',
};

export const commands: Record<string, Command> = {
  ...volunteerCommands,
  ...needsCommands,
  'teams package': teamsPackage,

  async start(config) {
    // Listening before anything starts: a signal during the start is a request to stop, not a kill.
    const signalled = stopSignals(STOP_DEADLINE_MS);
    const bot = await startBot(config);
    const platforms = [
      bot.slack ? `slack (${config.slack?.appToken ? 'socket mode' : 'POST /slack/events'})` : null,
      bot.teams.mode === 'authenticated'
        ? 'teams (POST /api/messages, authenticated)'
        : bot.teams.mode === 'emulator'
          ? 'teams (POST /api/messages, UNAUTHENTICATED: TEAMS_EMULATOR=1, for local use with the Bot Framework Emulator only)'
          : null,
    ].filter(Boolean);
    bot.logger.info(
      { url: bot.url, database: bot.database.kind, platforms },
      `Caravane listens on ${bot.url} (database: ${bot.database.kind}; platforms: ${platforms.join(', ') || 'none configured'})`,
    );
    const signal = await signalled;
    bot.logger.info({ signal }, 'shutting down (a second signal stops at once)');
    await bot.close();
    bot.logger.info('stopped');
    return 0;
  },

  async migrate(config) {
    await withDatabase(config, async (db) => {
      const result = await migrateToLatest(db);
      const applied = result.results?.filter((r) => r.status === 'Success').map((r) => r.migrationName) ?? [];
      console.log(applied.length === 0 ? 'database is up to date' : `applied: ${applied.join(', ')}`);
    });
    return 0;
  },

  async 'campaign create'(config, args) {
    const { values } = options(args, {
      name: { type: 'string' },
      goal: { type: 'string' },
      currency: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
    });
    const currency = (values.currency ?? config.currency).trim().toUpperCase();
    // The goal may be written in the new campaign's own currency (`150 000 €` with `--currency EUR`).
    const goal = parseAmount(required(values, 'goal'), currency);
    if (!goal.ok) throw new UsageError(`--goal: cannot read "${values.goal}" as an amount in ${currency} (e.g. 150000 or 150 000)`);
    const input = {
      name: required(values, 'name'),
      goalMinor: goal.value,
      currency,
      startsOn: required(values, 'from'),
      endsOn: required(values, 'to'),
    };
    return withDatabase(config, async (db) => {
      const result = await createCampaign(buildDeps(config, db, systemClock), input);
      if (!result.ok) throw new UsageError(CAMPAIGN_ERRORS[result.error.code]);
      console.log(result.value.id);
      return 0;
    });
  },

  async 'campaign list'(config) {
    return withDatabase(config, async (db) => {
      const deps = buildDeps(config, db, systemClock);
      for (const c of await deps.campaigns.list()) {
        const totals = await deps.campaigns.totals(c.id);
        console.log(
          [
            c.id,
            c.name,
            `${c.startsOn}..${c.endsOn}`,
            `goal ${formatMoney(c.goalMinor, c.currency, 'en')}`,
            `pledged ${formatMoney(totals.pledgedMinor, c.currency, 'en')}`,
            `${totals.donors} donors`,
          ].join('\t'),
        );
      }
      return 0;
    });
  },

  async 'admin add'(config, args) {
    const ref = args[0];
    if (!ref || args.length !== 1) throw new UsageError('admin add takes one PLATFORM:USER_ID, e.g. slack:U0123ABCD');
    return withDatabase(config, async (db) => {
      const result = await addAdmin(buildDeps(config, db, systemClock), ref, 'cli');
      if (!result.ok) throw new UsageError(`"${ref}" is not PLATFORM:USER_ID (slack:U0123ABCD or teams:<aadObjectId>)`);
      console.log(result.value.added ? `added ${ref}` : `${ref} was already an admin`);
      return 0;
    });
  },

  async 'admin list'(config) {
    return withDatabase(config, async (db) => {
      const deps = buildDeps(config, db, systemClock);
      for (const a of config.admins) console.log(`${a}\t(ADMINS)`);
      for (const a of await deps.admins.list()) console.log(`${a.platform}:${a.userId}`);
      return 0;
    });
  },

  async 'pledges export'(config, args) {
    const { values } = options(args, { campaign: { type: 'string' } });
    return withDatabase(config, async (db) => {
      const deps = buildDeps(config, db, systemClock);
      if (values.campaign !== undefined && !(await deps.campaigns.list()).some((c) => c.id === values.campaign)) {
        throw new UsageError(`no campaign with id ${values.campaign} (see caravane campaign list)`);
      }
      for await (const line of pledgesCsv(deps.pledges, values.campaign ?? null, config.timeZone)) {
        if (!process.stdout.write(line)) await once(process.stdout, 'drain');
      }
      return 0;
    });
  },

  async 'pledges collect'(config, args) {
    const id = args[0]?.replace(/^#/, '');
    if (!id || args.length !== 1 || !/^\d{1,15}$/.test(id)) throw new UsageError('pledges collect takes one pledge number, e.g. 12');
    return withDatabase(config, async (db) => {
      const result = await collectPledge(buildDeps(config, db, systemClock), { console: true }, Number(id));
      if (!result.ok) {
        const why = {
          'pledge.not_found': 'no such pledge',
          'pledge.already_collected': 'it was already collected',
          'pledge.already_cancelled': 'it was cancelled',
          'pledge.not_yours': 'no such pledge',
        }[result.error.code];
        throw new UsageError(`pledge ${id} not collected: ${why}`);
      }
      console.log(`pledge ${id} collected`);
      return 0;
    });
  },
};

/** Docker and Kubernetes wait 10 s after SIGTERM before they kill: we are gone before that. */
const STOP_DEADLINE_MS = 8000;

/**
 * Resolves on the first SIGTERM/SIGINT. From then on the process ends within `ms` whatever happens,
 * and a second signal ends it at once (exit 130), as an operator pressing Ctrl-C twice expects.
 */
function stopSignals(ms: number): Promise<NodeJS.Signals> {
  let seen = 0;
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      seen += 1;
      if (seen > 1) process.exit(130);
      setTimeout(() => {
        console.error(`caravane: not stopped within ${ms} ms after ${signal}, stopping at once`);
        process.exit(1);
      }, ms).unref();
      resolve(signal);
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });
}
