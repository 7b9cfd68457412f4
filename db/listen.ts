/**
 * Waking on the database's own signal instead of asking it over and over: Postgres LISTEN/NOTIFY on
 * one dedicated connection (a NOTIFY sent inside a transaction arrives when it commits, on every
 * instance), PGlite's in-process notifications for the embedded database.
 */
import pg from 'pg';

export type Unlisten = () => Promise<void>;

/** Listens on `channel`; the returned function stops. Missed signals are the callers' safety poll's job. */
export type ListenFn = (channel: string, onNotify: () => void) => Promise<Unlisten>;

/** The channel the outbox announces new messages on: one per schema, so test schemas stay apart. */
export function outboxChannel(schema: string | undefined): string {
  return `caravane_outbox_${schema ?? 'public'}`;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * One connection for every channel, opened on the first `listen`. When it drops it comes back after
 * a second (and listens again); signals sent meanwhile are lost, which the safety polls cover.
 */
export function postgresListener(url: string | undefined): { listen: ListenFn; close(): Promise<void> } {
  const handlers = new Map<string, Set<() => void>>();
  let client: Promise<pg.Client> | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = (): Promise<pg.Client> => {
    const c = new pg.Client({ connectionString: url });
    c.on('notification', (m) => handlers.get(m.channel)?.forEach((f) => f()));
    c.on('error', () => {
      client = undefined;
      void c.end().catch(() => undefined);
      if (!closed && handlers.size > 0) retry = setTimeout(() => void (client = connect()).catch(() => undefined), 1000).unref();
    });
    return c.connect().then(async () => {
      for (const channel of handlers.keys()) await c.query(`listen ${quote(channel)}`);
      return c;
    });
  };

  return {
    async listen(channel, onNotify) {
      const first = !handlers.has(channel);
      const set = handlers.get(channel) ?? new Set();
      set.add(onNotify);
      handlers.set(channel, set);
      const existing = client;
      client ??= connect();
      // A client just made listens to every channel already; an existing one learns the new one.
      if (existing && first) await (await existing).query(`listen ${quote(channel)}`);
      else await client;
      return async () => {
        set.delete(onNotify);
      };
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      const c = await client?.catch(() => undefined);
      client = undefined;
      await c?.end().catch(() => undefined);
    },
  };
}
