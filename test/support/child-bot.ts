/**
 * The real `caravane start` in its own process (as Docker or Kubernetes runs it), for what only a
 * process can show: how it ends after a signal.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface ChildBot {
  child: ChildProcess;
  url: string;
  /** Everything the process wrote on stdout (its log lines). */
  output(): string;
  /** Resolves when the process has exited, with how long after `since` it did. */
  exited(since: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

export async function startChildBot(env: Record<string, string>): Promise<ChildBot> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(process.cwd(), 'bin', 'caravane.js'), 'start'], {
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 1200; i++) {
    if (child.exitCode !== null) throw new Error(`the bot exited with ${child.exitCode}: ${out.slice(-500)}`);
    if (
      await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    ) {
      return {
        child,
        url,
        output: () => out,
        exited: async (since) => {
          const d = await done;
          return { code: d.code, signal: d.signal, ms: d.at - since };
        },
      };
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new Error('the bot did not start');
}
