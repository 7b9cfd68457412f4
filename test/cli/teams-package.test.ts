import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { unzip } from '../support/unzip.js';

const run = promisify(execFile);
const CLI = join(process.cwd(), 'bin', 'caravane.js');
const dir = mkdtempSync(join(tmpdir(), 'caravane-teams-'));
const APP_ID = '5b9c3c7e-1111-4222-8333-944455556666';
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (args: string[], env: Record<string, string>) =>
  run('node', [CLI, ...args], { env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env } }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

type Json = Record<string, unknown>;

describe('caravane teams package', () => {
  it('writes the app zip: manifest with the app id and PUBLIC_URL’s domain, French by default, English beside, both icons', async () => {
    const out = join(dir, 'app.zip');
    const res = await cli(['teams', 'package', '--out', out], { MICROSOFT_APP_ID: APP_ID, PUBLIC_URL: 'https://caravane.example.com/' });
    expect(res.code).toBe(0);
    expect(res.stdout.trim()).toBe(out);
    const files = unzip(readFileSync(out));
    expect([...files.keys()]).toEqual(['manifest.json', 'en-us.json', 'color.png', 'outline.png']);

    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as Json;
    expect(manifest).toMatchObject({ id: APP_ID, validDomains: ['caravane.example.com'], version: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
    expect(JSON.stringify(manifest)).not.toContain('{{');
    const bot = (manifest.bots as Json[])[0]!;
    expect(bot).toMatchObject({ botId: APP_ID, supportsFiles: true, scopes: ['personal', 'team', 'groupChat'] });
    const lists = bot.commandLists as Array<{ scopes: string[]; commands: Array<{ title: string }> }>;
    expect(lists.flatMap((l) => l.scopes).sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(lists[0]!.commands.map((c) => c.title)).toContain('promesse');

    const english = JSON.parse(files.get('en-us.json')!.toString('utf8')) as Json;
    expect(english['bots[0].commandLists[1].commands[0].title']).toBe('pledge');
    expect(english['name.short']).toBe('Caravane');

    const color = await sharp(files.get('color.png')!).metadata();
    const outline = await sharp(files.get('outline.png')!).metadata();
    expect([color.width, color.height]).toEqual([192, 192]);
    expect([outline.width, outline.height, outline.hasAlpha]).toEqual([32, 32, true]);
  });

  it('refuses without an app id, or with a PUBLIC_URL Teams cannot call, in one line naming the variable', async () => {
    const noId = await cli(['teams', 'package', '--out', join(dir, 'x.zip')], { PUBLIC_URL: 'https://caravane.example.com' });
    expect(noId.code).toBe(1);
    expect(noId.stderr.trim().split('\n')).toHaveLength(1);
    expect(noId.stderr).toContain('MICROSOFT_APP_ID');
    const http = await cli(['teams', 'package', '--out', join(dir, 'y.zip')], { MICROSOFT_APP_ID: APP_ID, PUBLIC_URL: 'http://caravane.example.com' });
    expect(http.code).toBe(1);
    expect(http.stderr).toContain('PUBLIC_URL');
  });
});
