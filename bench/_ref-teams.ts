/**
 * The Teams reference for `bench/pledges.ts`: botbuilder's CloudAdapter behind a bare `node:http`
 * server, answering `pledge 200` with one reply through the (fake) Bot Connector, like Caravane's
 * unauthenticated local mode. `REF_MODE=insert` adds one INSERT through a `pg` pool of 10.
 */
import { createServer } from 'node:http';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, type Request, type Response } from 'botbuilder';
import pg from 'pg';

const mode = process.env.REF_MODE === 'insert' ? 'insert' : 'ack';
const pool = mode === 'insert' ? new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 }) : undefined;
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));

class ReferenceBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (ctx, next) => {
      const text = ctx.activity.text ?? '';
      if (pool) await pool.query('insert into reference_pledges (user_id, amount_text) values ($1, $2)', [ctx.activity.from.id, text]);
      await ctx.sendActivity(`Promesse enregistrée : ${text}`);
      await next();
    });
  }
}
const bot = new ReferenceBot();

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    let activity: Record<string, unknown>;
    try {
      activity = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
    } catch {
      res.writeHead(400).end();
      return;
    }
    const request: Request = { body: activity, headers: req.headers, method: req.method };
    let status = 200;
    let body: unknown;
    const response: Response = {
      socket: req.socket,
      header: (name: string, value: unknown) => res.setHeader(name, String(value)),
      send: (b?: unknown) => (body = b),
      status: (code: number) => (status = code),
      end: () => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(body === undefined ? '' : JSON.stringify(body));
      },
    };
    void adapter.process(request, response, (ctx) => bot.run(ctx));
  });
});
server.listen(Number(process.env.PORT ?? 3978), '127.0.0.1');
process.once('SIGTERM', () => {
  server.close();
  void pool?.end().finally(() => process.exit(0));
  if (!pool) process.exit(0);
});
