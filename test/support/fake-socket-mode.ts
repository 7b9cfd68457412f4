/**
 * Slack's Socket Mode on loopback: `apps.connections.open` (on the fake Web API) hands out a ws:// URL,
 * each connection gets `hello`, envelopes go out and their acks come back by envelope_id, and the
 * server can ask for a refresh (`disconnect`, reason refresh_requested) or drop the socket outright.
 * Message shapes follow Slack's Socket Mode documentation (api.slack.com/apis/socket-mode).
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { FakeSlack } from './fake-slack.js';

export type EnvelopeType = 'slash_commands' | 'interactive' | 'events_api';

export interface FakeSocketMode {
  /** How many sockets the bot has opened so far. */
  connections(): number;
  /** Resolves once the bot holds `n` connections in all (counting closed ones). */
  connected(n: number): Promise<void>;
  /** Sends an envelope on the newest socket and resolves with the bot's ack payload. */
  send(type: EnvelopeType, payload: unknown, options?: { envelopeId?: string; retryAttempt?: number }): Promise<unknown>;
  /** Slack's planned refresh: a `disconnect` message, then Slack closes the socket. */
  refresh(): void;
  /** The socket dies without a word (network trouble). */
  drop(): void;
  close(): Promise<void>;
}

export async function startFakeSocketMode(slack: FakeSlack): Promise<FakeSocketMode> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/link`;
  const sockets: WebSocket[] = [];
  const acks = new Map<string, (payload: unknown) => void>();
  let waiters: Array<{ n: number; resolve: () => void }> = [];

  slack.script('apps.connections.open', (call) =>
    call.authorization?.startsWith('Bearer xapp-')
      ? { body: { ok: true, url: `${url}?ticket=${randomUUID()}` } }
      : { body: { ok: false, error: 'not_allowed_token_type' } },
  );

  server.on('connection', (socket) => {
    sockets.push(socket);
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString('utf8')) as { envelope_id?: string; payload?: unknown };
      if (message.envelope_id) acks.get(message.envelope_id)?.(message.payload ?? {});
    });
    socket.send(
      JSON.stringify({
        type: 'hello',
        num_connections: 1,
        debug_info: { host: 'applink-fake', approximate_connection_time: 18060 },
        connection_info: { app_id: 'A111' },
      }),
    );
    waiters = waiters.filter((w) => (sockets.length >= w.n ? (w.resolve(), false) : true));
  });

  const newest = (): WebSocket => {
    const open = sockets.filter((s) => s.readyState === s.OPEN);
    const socket = open.at(-1);
    if (!socket) throw new Error('the bot holds no open Socket Mode connection');
    return socket;
  };

  return {
    connections: () => sockets.length,
    connected: (n) => (sockets.length >= n ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ n, resolve }))),
    send(type, payload, options = {}) {
      const envelopeId = options.envelopeId ?? randomUUID();
      const acked = new Promise<unknown>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`envelope ${envelopeId} not acknowledged within 3 s`)), 3000);
        acks.set(envelopeId, (p) => {
          clearTimeout(timer);
          acks.delete(envelopeId);
          resolve(p);
        });
      });
      newest().send(
        JSON.stringify({
          envelope_id: envelopeId,
          type,
          payload,
          accepts_response_payload: type !== 'events_api',
          ...(type === 'events_api' ? { retry_attempt: options.retryAttempt ?? 0, retry_reason: options.retryAttempt ? 'timeout' : '' } : {}),
        }),
      );
      return acked;
    },
    refresh() {
      const socket = newest();
      socket.send(JSON.stringify({ type: 'disconnect', reason: 'refresh_requested', debug_info: { host: 'applink-fake' } }));
      setTimeout(() => socket.close(), 50).unref();
    },
    drop() {
      newest().terminate();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.terminate();
        server.close(() => resolve());
      }),
  };
}
