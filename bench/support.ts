/** What every benchmark shares: a throwaway Postgres database, the bot as a child process, stats. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

export const BASE_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Creates a fresh database next to BASE_URL's and returns its URL and a way to drop it. */
export async function scratchDatabase(prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: BASE_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(BASE_URL);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: BASE_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export interface ChildBot {
  child: ChildProcess;
  url: string;
  rssMb(): number;
  /** CPU time the process has used so far (user + system), in ms: a figure a busy machine does not skew. */
  cpuMs(): number;
  stop(): Promise<void>;
}

/** Starts `caravane start` as its own process (the load generator must not share its CPU time). */
export function startChildBot(env: Record<string, string>, port: number): Promise<ChildBot> {
  // BENCH_CPU_PROF=<dir>: the bot writes a V8 CPU profile there when it stops (node --cpu-prof).
  const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  // BENCH_NODE_ARGS: more node flags for the bot alone (`--import` of a probe, heap limits…).
  const extra = process.env.BENCH_NODE_ARGS?.split(' ').filter((a) => a !== '') ?? [];
  return startChild([...prof, ...extra, join(process.cwd(), 'bin', 'caravane.js'), 'start'], env, port, '/healthz');
}

/** Starts a TypeScript entry point of this folder (a reference server) as its own process. */
export function startChildScript(file: string, env: Record<string, string>, port: number): Promise<ChildBot> {
  return startChild([join(process.cwd(), 'bin', 'run-ts.js'), join(process.cwd(), 'bench', file)], env, port, '/');
}

async function startChild(args: string[], env: Record<string, string>, port: number, probe: string): Promise<ChildBot> {
  const child = spawn(process.execPath, args, {
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}`);
    try {
      // Any answer means it listens (the references have no health route).
      const res = await fetch(`${url}${probe}`);
      if (res.ok || probe === '/') break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    child,
    url,
    rssMb: () => rssMb(child.pid),
    cpuMs: () => cpuMs(child.pid),
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** utime + stime from /proc/<pid>/stat (clock ticks of 10 ms on Linux). */
export function cpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/**
 * CPU time of the Postgres server's processes (user + system, ms) from /proc, for what the database
 * spends per request beside the bot's own: `databaseCpu()` now, then `.since()` the CPU used since by
 * the processes still there (one gone meanwhile, a pool's idle connection closed, is left out instead
 * of subtracted: the figure can only be low). 0 where /proc is not there.
 */
export function databaseCpu(): { since(): number } {
  const before = postgresCpu();
  return {
    since() {
      let used = 0;
      for (const [pid, ms] of postgresCpu()) used += ms - (before.get(pid) ?? 0);
      return used;
    },
  };
}

function postgresCpu(): Map<string, number> {
  const cpu = new Map<string, number>();
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return cpu;
  }
  for (const pid of pids) {
    try {
      if (readFileSync(`/proc/${pid}/stat`, 'utf8').includes('(postgres)')) cpu.set(pid, cpuMs(Number(pid)));
    } catch {
      // gone meanwhile
    }
  }
  return cpu;
}

/** Resident memory of a process, from /proc (Linux). */
export function rssMb(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export function table(title: string, header: string[], rows: Array<Array<string | number>>): void {
  console.log(`\n${title}`);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells: Array<string | number>) => cells.map((c, i) => String(c).padStart(widths[i] ?? 0)).join('  ');
  console.log(line(header));
  for (const r of rows) console.log(line(r));
}

export function localDay(offsetDays: number): string {
  const d = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Casablanca' }).format(d);
}
