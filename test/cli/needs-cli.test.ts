import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliHarness, type CliHarness } from '../support/cli.js';

let cli: CliHarness;
beforeAll(async () => {
  cli = await cliHarness('caravane-needs');
}, 120_000);
afterAll(async () => cli?.cleanup());

const caravane = (...args: string[]) => cli.caravane(...args);
const file = (name: string, text: string) => {
  const path = join(cli.env.DATA_DIR ?? '', name);
  writeFileSync(path, text);
  return path;
};

describe('caravane site, need and needs commands', { timeout: 180_000 }, () => {
  it('adds sites and needs, imports a French Excel CSV, lists and exports the totals', async () => {
    expect((await caravane('campaign', 'create', '--name', 'Caravane 2026', '--goal', '150000', '--from', '2026-11-15', '--to', '2099-12-15')).code).toBe(0);
    const imzer = await caravane('site', 'add', '--name', 'Imzer', '--place', 'Imzer, Agadir-Ida-Outanane', '--beneficiaries', '50');
    expect(imzer).toMatchObject({ code: 0, stderr: '' });
    expect(imzer.stdout.trim()).toMatch(/^\d+$/);
    expect((await caravane('site', 'add', '--name', 'Bab Berred')).code).toBe(0);
    const again = await caravane('site', 'add', '--name', 'imzèr');
    expect(again.code).toBe(1);
    expect(again.stderr.trim()).toBe(`caravane: a site named "Imzer" already exists (number ${imzer.stdout.trim()})`);

    const parkas = await caravane(
      'need',
      'add',
      '--site',
      imzer.stdout.trim(),
      '--item',
      'parkas',
      '--size',
      '8 - 10 ans',
      '--quantity',
      '50',
      '--unit-price',
      '350',
    );
    expect(parkas).toMatchObject({ code: 0, stderr: '' });

    const csv = file('needs.csv', '\uFEFFsite;item;size;quantity;unit_price\r\nBab Berred;Couvertures;;40;"120,50"\r\nbab berred;ballon de football;;6;\r\n');
    expect((await caravane('needs', 'import', csv)).stdout.trim()).toBe('imported: 2 new needs, 0 updated');

    const list = await caravane('needs', 'list');
    expect(list.stdout).toContain(`${parkas.stdout.trim()}\tImzer\tparkas\t8-10\t0/50 pledged\t0 received\t50 missing`);
    const exported = await caravane('needs', 'export');
    const lines = exported.stdout.split('\r\n');
    expect(lines[0]).toBe('need,site,item,size,needed,pledged,received,missing,unit_price');
    expect(lines).toContain(`${parkas.stdout.trim()},Imzer,parkas,8-10,50,0,0,50,350.00`);
    expect(exported.stdout).toContain('Bab Berred,Couvertures,,40,0,0,40,120.50');
  });

  it('refuses a file with one bad row whole, naming the line, and changes nothing', async () => {
    const before = (await caravane('needs', 'export')).stdout;
    const bad = file('bad.csv', 'site,item,size,quantity,unit_price\nImzer,pull,8-10,20,\nImzer,bottes,T32,douze,\n');
    const res = await caravane('needs', 'import', bad);
    expect(res.code).toBe(1);
    expect(res.stderr.trim()).toBe('caravane: line 3: the quantity must be a whole number from 1 to 100000 (got "douze"); nothing imported');
    expect((await caravane('needs', 'export')).stdout).toBe(before);
  });

  it.each([
    [['need', 'add', '--site', 'Talamoussa', '--item', 'pull', '--quantity', '3'], 'no site "Talamoussa" in the current campaign'],
    [['needs', 'received', '999'], 'gift 999 not marked received: no such gift'],
  ])('exits 1 with one clear line for %j', async (args, message) => {
    const res = await caravane(...args);
    expect(res.code).toBe(1);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).toContain(message);
  });
});
