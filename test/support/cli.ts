/**
 * Runs the real `caravane` command in its own process against its own database: a fresh Postgres
 * database next to TEST_DATABASE_URL when set, else an embedded PGlite in a temporary folder.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { adminQuery } from './migrated.js';

const run = promisify(execFile);
const CLI = join(process.cwd(), 'bin', 'caravane.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliHarness {
  /** The environment every run gets; tests may add to it. */
  env: Record<string, string>;
  caravane(...args: string[]): Promise<CliResult>;
  cleanup(): Promise<void>;
}

export async function cliHarness(prefix: string): Promise<CliHarness> {
  const dataDir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  let dropDatabase: (() => Promise<void>) | undefined;
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const name = `${prefix.replace(/\W/g, '_')}_${process.pid}_${Date.now()}`;
    await adminQuery(url, `create database ${name}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    env.DATABASE_URL = u.toString();
    dropDatabase = () => adminQuery(url, `drop database if exists ${name} with (force)`);
  }
  return {
    env,
    async caravane(...args) {
      try {
        const { stdout, stderr } = await run('node', [CLI, ...args], { env, timeout: 60_000 });
        return { code: 0, stdout, stderr };
      } catch (error) {
        const e = error as { code?: number; stdout?: string; stderr?: string };
        return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
      }
    },
    async cleanup() {
      await dropDatabase?.();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
