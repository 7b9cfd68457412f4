/**
 * The one load generator every server in a bench faces: a closed loop of `clients` workers over
 * keep-alive HTTP, each sending its next request as soon as the previous answer is read. Requests are
 * built per call (a fresh Slack signature, a fresh user), so every server sees the same traffic.
 */
import { Agent, request } from 'node:http';
import { percentile } from './support.js';

export interface BenchRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface LoadResult {
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

function send(agent: Agent, base: string, r: BenchRequest): Promise<{ status: number; ms: number; text: string }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(`${base}${r.path}`, { method: 'POST', agent, headers: r.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, text: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(r.body);
  });
}

/**
 * Sends `total` requests from `clients` concurrent workers; `make(i)` builds the i-th request and
 * `failed` tells an answer that a person would see as an error.
 */
export async function load(
  base: string,
  make: (i: number) => BenchRequest,
  clients: number,
  total: number,
  failed: (status: number, text: string) => boolean = (status) => status !== 200,
): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < total) {
        const res = await send(agent, base, make(next++));
        if (failed(res.status, res.text)) errors++;
        latencies.push(res.ms);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { perSecond: Math.round(total / seconds), p50: percentile(latencies, 50), p99: percentile(latencies, 99), errors };
}
