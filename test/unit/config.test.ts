import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../adapters/config.js';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('configuration from the environment', () => {
  it('has the contract’s defaults when nothing is set', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      databaseUrl: undefined,
      dataDir: './data',
      slack: undefined,
      admins: [],
      timeZone: 'Africa/Casablanca',
      digestCron: '0 9 * * *',
      defaultLocale: 'fr',
      publicUrl: 'http://localhost:3000',
    });
    expect(c.pledgeMaxMinor).toBe(10_000_000);
    expect(c.slack).toBeUndefined();
  });

  it('names every bad variable on its own line, without echoing secrets', () => {
    const lines = problems({
      PORT: 'eighty',
      TIMEZONE: 'Mars/Olympus',
      DIGEST_CRON: 'every morning',
      DEFAULT_LOCALE: 'de',
      ADMINS: 'slack:U1,bob',
      DATABASE_URL: 'mysql://secret@db',
      PUBLIC_URL: 'not a url',
      SLACK_BOT_TOKEN: 'xoxp-user-token',
    });
    expect(lines.map((l) => l.split(':')[0]).sort()).toEqual(
      ['ADMINS', 'DATABASE_URL', 'DEFAULT_LOCALE', 'DIGEST_CRON', 'PORT', 'PUBLIC_URL', 'SLACK_BOT_TOKEN', 'TIMEZONE'].sort(),
    );
    expect(lines.join('\n')).not.toContain('secret@db');
    expect(lines.join('\n')).not.toContain('xoxp-user-token');
  });

  it('requires both Slack secrets once Slack is configured', () => {
    expect(problems({ SLACK_BOT_TOKEN: 'xoxb-1' })).toEqual(['SLACK_SIGNING_SECRET: is required when Slack is configured']);
    const c = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: 'http://127.0.0.1:9/api' });
    expect(c.slack).toMatchObject({ botToken: 'xoxb-1', apiUrl: 'http://127.0.0.1:9/api', appToken: undefined });
  });

  it('accepts the optional seconds field in DIGEST_CRON and reads PLEDGE_MAX like an amount', () => {
    const c = loadConfig({ DIGEST_CRON: '30 0 9 * * *', PLEDGE_MAX: '50 000' });
    expect(c.digestCron).toBe('30 0 9 * * *');
    expect(c.pledgeMaxMinor).toBe(5_000_000);
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '  ' })).toMatchObject({ port: 3000, databaseUrl: undefined });
  });
});
