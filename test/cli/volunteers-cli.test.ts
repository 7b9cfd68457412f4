import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliHarness, type CliHarness } from '../support/cli.js';

let cli: CliHarness;
beforeAll(async () => {
  cli = await cliHarness('caravane-trips');
}, 120_000);
afterAll(async () => cli?.cleanup());

const caravane = (...args: string[]) => cli.caravane(...args);

const trip = (...extra: string[]) => caravane('trip', 'create', '--name', 'Caravane Azilal', '--from', '2026-12-12', '--to', '2026-12-14', ...extra);

// Each call starts a node process (and, without TEST_DATABASE_URL, an embedded database from disk).
describe('caravane trip and volunteers commands', { timeout: 120_000 }, () => {
  it('refuses a trip before any campaign exists, in one line', async () => {
    const res = await trip('--seats', '10');
    expect(res.code).toBe(1);
    expect(res.stderr.trim()).toBe('caravane: no campaign is running or planned: create one first (caravane campaign create)');
  });

  it('creates a trip with roles in the campaign, prints its number, and lists it', async () => {
    expect((await caravane('campaign', 'create', '--name', 'Caravane 2026', '--goal', '150000', '--from', '2026-11-15', '--to', '2026-12-15')).code).toBe(0);
    const created = await trip(
      '--seats',
      '10',
      '--role',
      'Chauffeur:2',
      '--role',
      'Premiers secours:1',
      '--meeting',
      'Parking du siège',
      '--meeting-time',
      '07:30',
      '--deadline',
      '2026-12-08',
    );
    expect(created).toMatchObject({ code: 0, stderr: '' });
    expect(created.stdout.trim()).toMatch(/^\d+$/);
    const list = await caravane('trip', 'list');
    expect(list.stdout).toContain(`${created.stdout.trim()}\tCaravane Azilal\t2026-12-12..2026-12-14\t0/10 confirmed\t0 waitlisted\tsign-ups until 2026-12-08`);
    expect(list.stdout).toContain('Chauffeur 0/2, Premiers secours 0/1');
  });

  it.each([
    [['--seats', '3', '--role', 'Chauffeur:2', '--role', 'Cuisine:2'], 'the --role seats add up to more than --seats'],
    [['--seats', 'dix'], '--seats must be a whole number from 1 to 500'],
    [['--seats', '3', '--role', 'Chauffeur'], '--role must be NAME:SEATS'],
    [['--seats', '3', '--deadline', '2026-12-12'], '--deadline must be before --from'],
    [['--role', 'Chauffeur:1'], '--seats is required'],
  ])('exits 1 with one clear line for %j', async (args, message) => {
    const res = await trip(...args);
    expect(res.code).toBe(1);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).toContain(message);
  });

  it('exports the volunteers as CSV on stdout, and refuses an unknown trip', async () => {
    const res = await caravane('volunteers', 'export');
    expect(res.code).toBe(0);
    expect(res.stdout.split('\r\n')[0]).toBe(
      'signup,trip,trip_name,starts_on,ends_on,role,status,waitlist_position,name,identities,phone,emergency_contact,emergency_phone,notes,signed_up_at',
    );
    const unknown = await caravane('volunteers', 'export', '--trip', '999');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe('caravane: no trip 999 in the current campaign (see caravane trip list)');
  });
});
