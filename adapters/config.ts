/**
 * The environment, read and checked once. A bad value stops the start with one line per bad variable.
 * Only the composition root and the CLI read process.env; everything else gets a Config.
 */
import cron from 'node-cron';
import { z } from 'zod';
import { parseAdminRef } from '../src/admins/admins.service.js';
import { parseAmount } from '../src/shared/amount.js';
import type { Locale, Minor } from '../src/shared/money.js';

/** The Moroccan dirham: the campaigns Caravane was made for count in it. */
export const DEFAULT_CURRENCY = 'MAD';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  slack:
    | {
        signingSecret: string;
        botToken: string;
        appToken: string | undefined;
        apiUrl: string;
        /** SLACK_TEAM_ID: the workspace or Grid organisation ids the app is installed in; else learned from auth.test. */
        homeIds: string[];
      }
    | undefined;
  teams: {
    /** `off` without MICROSOFT_APP_ID; `emulator` only when TEAMS_EMULATOR=1 asks for it on a developer's machine. */
    mode: 'authenticated' | 'emulator' | 'off';
    /** Tenants whose people may be HR: MICROSOFT_APP_TENANT_ID and TEAMS_HR_TENANTS. */
    hrTenants: string[];
    appId: string | undefined;
    appPassword: string | undefined;
    tenantId: string | undefined;
    appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
    openIdMetadataUrl: string | undefined;
    allowedServiceUrls: string[];
  };
  admins: string[];
  timeZone: string;
  digestCron: string;
  /** Days after a trip ends before volunteers' phones, emergency contacts and notes are deleted. */
  volunteerRetentionDays: number;
  /** Days before a trip when confirmed volunteers get a reminder, e.g. [7, 1]. */
  volunteerReminderDays: number[];
  /** How long a claimed outbox target stays with its worker before another may take it over. */
  outboxLeaseMs: number;
  defaultLocale: Locale;
  publicUrl: string;
  /** PHOTO_MAX_MB in bytes: a larger photo is refused while it downloads. */
  photoMaxBytes: number;
  pledgeMaxMinor: Minor;
  /** What pledges are counted in where no campaign names its currency, and a new campaign's default. */
  currency: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const url = (name: string) => optional.refine((v) => v === undefined || /^https?:\/\/[^\s]+$/i.test(v), { message: `${name} must be an http(s) URL` });

const schema = z.object({
  PORT: optional.refine((v) => v === undefined || (/^\d{1,5}$/.test(v) && Number(v) <= 65535), {
    message: 'must be a whole number between 0 and 65535',
  }),
  HOST: optional,
  DATABASE_URL: optional.refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
    message: 'must be a postgres:// connection string',
  }),
  DATA_DIR: optional,
  SLACK_SIGNING_SECRET: optional,
  SLACK_BOT_TOKEN: optional.refine((v) => v === undefined || v.startsWith('xoxb-'), { message: 'must be a bot token (xoxb-…)' }),
  SLACK_APP_TOKEN: optional.refine((v) => v === undefined || v.startsWith('xapp-'), {
    message: 'must be an app-level token (xapp-…)',
  }),
  SLACK_API_URL: url('SLACK_API_URL'),
  MICROSOFT_APP_ID: optional,
  MICROSOFT_APP_PASSWORD: optional,
  MICROSOFT_APP_TENANT_ID: optional,
  MICROSOFT_APP_TYPE: optional.refine((v) => v === undefined || /^(multitenant|singletenant|userassignedmsi)$/i.test(v), {
    message: 'must be MultiTenant, SingleTenant or UserAssignedMSI',
  }),
  SLACK_TEAM_ID: optional.refine((v) => v === undefined || v.split(',').every((id) => /^\s*[TE][A-Z0-9]{2,20}\s*$/.test(id)), {
    message: 'must be a comma list of Slack workspace or organisation ids (T…, E…)',
  }),
  TEAMS_EMULATOR: optional.refine((v) => v === undefined || v === '1' || v === '0', { message: 'must be 1 (or unset)' }),
  TEAMS_HR_TENANTS: optional.refine((v) => v === undefined || v.split(',').every((id) => /^\s*[0-9a-f-]{36}\s*$/i.test(id)), {
    message: 'must be a comma list of tenant ids (GUIDs)',
  }),
  NODE_ENV: optional,
  MICROSOFT_OPENID_METADATA_URL: url('MICROSOFT_OPENID_METADATA_URL'),
  TEAMS_ALLOWED_SERVICE_URLS: optional.refine((v) => v === undefined || v.split(',').every((u) => /^https?:\/\/[^\s]+$/i.test(u.trim())), {
    message: 'must be a comma list of http(s) URLs',
  }),
  ADMINS: optional.refine((v) => v === undefined || v.split(',').every((a) => parseAdminRef(a).ok), {
    message: 'must be a comma list of platform:user, e.g. slack:U0123ABCD,teams:<aadObjectId>',
  }),
  TIMEZONE: optional.refine((v) => v === undefined || isTimeZone(v), { message: 'must be an IANA time zone, e.g. Africa/Casablanca' }),
  DIGEST_CRON: optional.refine((v) => v === undefined || cron.validate(v), { message: 'must be a cron expression, e.g. 0 9 * * *' }),
  VOLUNTEER_DATA_RETENTION_DAYS: optional.refine((v) => v === undefined || (/^\d{1,4}$/.test(v) && Number(v) >= 1 && Number(v) <= 3650), {
    message: 'must be a whole number of days between 1 and 3650',
  }),
  VOLUNTEER_REMINDER_DAYS: optional.refine(
    (v) => v === undefined || v.split(',').every((d) => /^\s*\d{1,2}\s*$/.test(d) && Number(d) >= 1 && Number(d) <= 60),
    {
      message: 'must be a comma list of days before the trip between 1 and 60, e.g. 7,1',
    },
  ),
  OUTBOX_LEASE_SECONDS: optional.refine((v) => v === undefined || (/^\d{1,5}$/.test(v) && Number(v) >= 2), {
    message: 'must be a whole number of seconds, at least 2',
  }),
  DEFAULT_LOCALE: optional.refine((v) => v === undefined || v === 'fr' || v === 'en', { message: 'must be fr or en' }),
  PUBLIC_URL: url('PUBLIC_URL'),
  PHOTO_MAX_MB: optional.refine((v) => v === undefined || (/^\d{1,3}$/.test(v) && Number(v) >= 1 && Number(v) <= 100), {
    message: 'must be a whole number of megabytes between 1 and 100',
  }),
  PLEDGE_MAX: optional.refine((v) => v === undefined || parseAmount(v).ok, { message: 'must be an amount, e.g. 100000' }),
  LOG_LEVEL: optional.refine((v) => v === undefined || /^(fatal|error|warn|info|debug|trace|silent)$/.test(v), {
    message: 'must be one of fatal, error, warn, info, debug, trace, silent',
  }),
});

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Reads the environment into a Config, or throws ConfigError listing every bad variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => {
      const name = String(i.path[0] ?? 'environment');
      const raw = env[name];
      const shown = raw === undefined || /SECRET|TOKEN|PASSWORD|DATABASE_URL/.test(name) ? '' : ` (got "${raw.slice(0, 60)}")`;
      return `${name}: ${i.message}${shown}`;
    });
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  const problems: string[] = [];
  let slack: Config['slack'];
  if (e.SLACK_SIGNING_SECRET || e.SLACK_BOT_TOKEN || e.SLACK_APP_TOKEN) {
    if (!e.SLACK_BOT_TOKEN) problems.push('SLACK_BOT_TOKEN: is required when Slack is configured');
    if (!e.SLACK_SIGNING_SECRET) problems.push('SLACK_SIGNING_SECRET: is required when Slack is configured');
    if (e.SLACK_BOT_TOKEN && e.SLACK_SIGNING_SECRET) {
      slack = {
        signingSecret: e.SLACK_SIGNING_SECRET,
        botToken: e.SLACK_BOT_TOKEN,
        appToken: e.SLACK_APP_TOKEN,
        apiUrl: e.SLACK_API_URL ?? 'https://slack.com/api/',
        homeIds: list(e.SLACK_TEAM_ID),
      };
    }
  }
  if (e.MICROSOFT_APP_PASSWORD && !e.MICROSOFT_APP_ID) problems.push('MICROSOFT_APP_ID: is required when MICROSOFT_APP_PASSWORD is set');
  const appType = (e.MICROSOFT_APP_TYPE ?? 'MultiTenant').toLowerCase();
  if (appType === 'singletenant' && e.MICROSOFT_APP_ID && !e.MICROSOFT_APP_TENANT_ID) {
    problems.push('MICROSOFT_APP_TENANT_ID: is required for a SingleTenant app');
  }
  const teamsMode = teamsModeOf(e, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  const port = e.PORT === undefined ? 3000 : Number(e.PORT);
  const max = parseAmount(e.PLEDGE_MAX ?? '100000');
  return {
    port,
    host: e.HOST ?? '0.0.0.0',
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR ?? './data',
    slack,
    teams: {
      mode: teamsMode,
      hrTenants: [...new Set([...list(e.MICROSOFT_APP_TENANT_ID), ...list(e.TEAMS_HR_TENANTS)].map((id) => id.toLowerCase()))],
      appId: e.MICROSOFT_APP_ID,
      appPassword: e.MICROSOFT_APP_PASSWORD,
      tenantId: e.MICROSOFT_APP_TENANT_ID,
      appType: appType === 'singletenant' ? 'SingleTenant' : appType === 'userassignedmsi' ? 'UserAssignedMSI' : 'MultiTenant',
      openIdMetadataUrl: e.MICROSOFT_OPENID_METADATA_URL,
      allowedServiceUrls: list(e.TEAMS_ALLOWED_SERVICE_URLS),
    },
    admins: list(e.ADMINS),
    timeZone: e.TIMEZONE ?? 'Africa/Casablanca',
    digestCron: e.DIGEST_CRON ?? '0 9 * * *',
    volunteerRetentionDays: Number(e.VOLUNTEER_DATA_RETENTION_DAYS ?? '30'),
    volunteerReminderDays: [...new Set((e.VOLUNTEER_REMINDER_DAYS ?? '7,1').split(',').map((d) => Number(d.trim())))],
    outboxLeaseMs: Number(e.OUTBOX_LEASE_SECONDS ?? '60') * 1000,
    defaultLocale: e.DEFAULT_LOCALE === 'en' ? 'en' : 'fr',
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    photoMaxBytes: Number(e.PHOTO_MAX_MB ?? '15') * 1024 * 1024,
    pledgeMaxMinor: max.ok ? max.value : (10_000_000 as Minor),
    currency: DEFAULT_CURRENCY,
    logLevel: (e.LOG_LEVEL ?? 'info') as Config['logLevel'],
  };
}

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/**
 * Teams is closed by default: without MICROSOFT_APP_ID nothing at POST /api/messages is believed. The
 * unauthenticated Emulator mode must be asked for by name, and never where the bot faces the world.
 */
function teamsModeOf(e: z.infer<typeof schema>, problems: string[]): Config['teams']['mode'] {
  const emulator = e.TEAMS_EMULATOR === '1';
  if (e.MICROSOFT_APP_ID) {
    if (emulator) problems.push('TEAMS_EMULATOR: cannot be combined with MICROSOFT_APP_ID (unset one of them)');
    return 'authenticated';
  }
  if (!emulator) return 'off';
  if (e.NODE_ENV === 'production' || /^https:/i.test(e.PUBLIC_URL ?? '')) {
    problems.push('TEAMS_EMULATOR: refused in production (NODE_ENV=production or an https PUBLIC_URL); set MICROSOFT_APP_ID instead');
  }
  return 'emulator';
}
