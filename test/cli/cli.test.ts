import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliHarness, type CliHarness } from '../support/cli.js';

let cli: CliHarness;
beforeAll(async () => {
  cli = await cliHarness('caravane-cli');
}, 120_000);
afterAll(async () => cli?.cleanup());

const caravane = (...args: string[]) => cli.caravane(...args);

describe('the caravane command', () => {
  it('migrates, creates a campaign from a spaced goal, and lists it', async () => {
    expect((await caravane('migrate')).code).toBe(0);
    const created = await caravane('campaign', 'create', '--name', 'Caravane 2026', '--goal', '150 000', '--from', '2026-11-15', '--to', '2026-12-15');
    expect(created.code).toBe(0);
    expect(created.stdout.trim()).toMatch(/^[0-9a-f-]{36}$/);
    const list = await caravane('campaign', 'list');
    expect(list.stdout).toContain(created.stdout.trim());
    expect(list.stdout).toContain('goal 150,000 MAD');
  }, 120_000);

  it.each([
    [['campaign', 'create', '--name', 'X', '--goal', 'lots', '--from', '2026-11-15', '--to', '2026-12-15'], '--goal'],
    [['campaign', 'create', '--name', 'X', '--goal', '100', '--from', '2026-02-30', '--to', '2026-12-15'], 'YYYY-MM-DD'],
    [['campaign', 'create', '--name', 'X', '--goal', '100', '--from', '2026-12-15', '--to', '2026-11-15'], '--to'],
    [['campaign', 'create', '--goal', '100', '--from', '2026-11-15', '--to', '2026-12-15'], '--name'],
    [['campaign', 'create', '--name', 'X', '--goal', '100', '--from', '2026-11-15', '--to', '2026-12-15', '--bogus', 'y'], 'bogus'],
    [['admin', 'add', 'U0123'], 'PLATFORM:USER_ID'],
    [['pledges', 'collect', 'abc'], 'pledge number'],
    [['pledges', 'collect', '999999'], 'no such pledge'],
    [['fly'], 'unknown command'],
  ])(
    'refuses %j with exit 1 and one clear line, no stack',
    async (args, words) => {
      const res = await caravane(...args);
      expect(res.code).toBe(1);
      const lines = res.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(words);
      expect(res.stderr).not.toMatch(/\n\s+at /);
    },
    60_000,
  );

  it('adds an admin once and says so the second time', async () => {
    expect((await caravane('admin', 'add', 'slack:U0123ABCD')).stdout).toContain('added slack:U0123ABCD');
    expect((await caravane('admin', 'add', 'slack:U0123ABCD')).stdout).toContain('already');
  }, 60_000);

  it('exports pledges as CSV on stdout', async () => {
    const res = await caravane('pledges', 'export');
    expect(res.code).toBe(0);
    expect(res.stdout.split('\r\n')[0]).toBe('id,created_at,campaign,donor,identities,amount,currency,status,anonymous,note');
  }, 60_000);

  it('stops the start on a bad environment, one line per bad variable', async () => {
    Object.assign(cli.env, { PORT: 'x', TIMEZONE: 'Nowhere/City' });
    const res = await caravane('start');
    delete cli.env.PORT;
    delete cli.env.TIMEZONE;
    expect(res.code).toBe(1);
    expect(res.stderr.trim().split('\n').sort()).toEqual([
      'PORT: must be a whole number between 0 and 65535 (got "x")',
      'TIMEZONE: must be an IANA time zone, e.g. Africa/Casablanca (got "Nowhere/City")',
    ]);
  }, 60_000);
});
