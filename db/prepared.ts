/**
 * Statements run on nearly every request (a pledge, a conversation reference) are prepared once per
 * Postgres connection instead of planned at each run: their fixed texts are named here, and the
 * pool's connections send those texts as named prepared statements (node-postgres parses a named
 * statement once per connection, and Postgres keeps its plan). PGlite runs them as they are.
 */
import type pg from 'pg';

const names = new Map<string, string>();

/** Marks a fixed statement text as worth preparing; returns the text itself. */
export function prepared(text: string): string {
  if (!names.has(text)) names.set(text, `caravane_${names.size + 1}`);
  return text;
}

/** Makes this connection send the texts marked by `prepared` as named statements (Kysely passes the text and the values). */
export function preparing(client: pg.PoolClient): void {
  const query: (...args: unknown[]) => unknown = client.query.bind(client);
  const named = (...args: unknown[]): unknown => {
    const [text, values] = args;
    const name = typeof text === 'string' && args.length === 2 && Array.isArray(values) ? names.get(text) : undefined;
    return name ? query({ name, text, values }) : query(...args);
  };
  Object.assign(client, { query: named });
}
