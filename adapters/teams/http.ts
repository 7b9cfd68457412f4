/**
 * `POST /api/messages`: body parsing, authentication and the turn, each failure with its own status.
 * Only this route parses JSON, with a size limit; nothing a caller sends can reach a 5xx except our bugs.
 *
 * What the Bot Connector sends (JSON in UTF-8, not compressed, to the route's own path) is taken
 * straight from Node's HTTP server, without express and its body parser: the same statuses and
 * bodies, written here. Anything else (another charset or a compressed body, a path express would
 * also route) goes through the express route, which answers as it always did.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import getRawBody from 'raw-body';
import type { Activity, TurnContext } from 'botbuilder';
import { activityEnvelope } from './activity.js';
import type { CaravaneCloudAdapter } from './auth.js';
import type { TeamsContext } from './context.js';

/** Teams messages are capped at about 100 KB; card submissions and conversation updates are smaller. */
const BODY_LIMIT = 256 * 1024;

/** botbuilder's own `process()` turns these ISO strings into Dates before the turn; so do we. */
function withDates(body: Record<string, unknown>): Activity {
  const activity: Record<string, unknown> = { ...body };
  for (const key of ['timestamp', 'localTimestamp', 'expiration']) {
    const raw = activity[key];
    if (typeof raw !== 'string') continue;
    activity[`raw${key[0]?.toUpperCase()}${key.slice(1)}`] = raw;
    activity[key] = new Date(raw);
  }
  return activity as unknown as Activity;
}

/** express.json's errors: too large → 413, unreadable → 400 (415 for an unknown charset). */
function bodyErrors(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  const status = (error as { status?: unknown }).status;
  if (typeof status !== 'number' || status < 400 || status >= 500) {
    next(error);
    return;
  }
  const code = status === 413 ? 'too_large' : status === 415 ? 'unsupported_encoding' : 'invalid_json';
  res.status(status).json({ error: code });
}

/** How an answer is written: by express on its route, or straight on Node's response. */
type Answer = (status: number, body?: unknown) => void;

/** The activity, once its body is read: its shape, the caller's token, the serviceUrl, then the turn. */
function activityHandler(adapter: CaravaneCloudAdapter, tc: TeamsContext, logic: (ctx: TurnContext) => Promise<void>) {
  const log = tc.logger.child({ component: 'teams' });
  return async (body: unknown, authorization: string, answer: Answer): Promise<void> => {
    const envelope = activityEnvelope.safeParse(body);
    if (!envelope.success) {
      answer(400, { error: 'invalid_activity' });
      return;
    }
    const activity = withDates(envelope.data);
    let authenticated;
    try {
      authenticated = await adapter.authenticate(authorization, activity);
    } catch (error) {
      log.warn({ activityId: activity.id, reason: error instanceof Error ? error.message : String(error) }, 'teams request refused: authentication failed');
      answer(401, { error: 'unauthorized' });
      return;
    }
    if (!tc.mayUse(activity.serviceUrl)) {
      // A genuine token can still name a host we will not send our token to: neither keep nor answer it.
      log.warn({ activityId: activity.id, host: hostOf(activity.serviceUrl) }, 'teams request refused: serviceUrl not allowed');
      answer(403, { error: 'service_url_not_allowed' });
      return;
    }
    try {
      const invoke = await adapter.runTurn(authenticated, activity, logic);
      answer(invoke?.status ?? 200, invoke?.body);
    } catch (error) {
      log.error({ activityId: activity.id, err: error instanceof Error ? error.message : String(error) }, 'teams turn failed outside the handler');
      answer(500, { error: 'internal' });
    }
  };
}

export interface TeamsRoutes {
  /** The express route, for every request the direct path leaves to it. */
  mount(app: Express): void;
  /** Takes `POST /api/messages` with a plain JSON body straight from Node's server; false when it leaves the request to express. */
  direct(req: IncomingMessage, res: ServerResponse): boolean;
}

export function teamsRoutes(adapter: CaravaneCloudAdapter, tc: TeamsContext, logic: (ctx: TurnContext) => Promise<void>): TeamsRoutes {
  const handle = activityHandler(adapter, tc, logic);
  return {
    mount(app) {
      app.post(
        '/api/messages',
        express.json({ limit: BODY_LIMIT }),
        async (req: Request, res: Response) => {
          await handle(req.body, req.headers.authorization ?? '', (status, body) => {
            if (res.headersSent) return;
            if (body !== undefined) res.status(status).json(body);
            else res.status(status).end();
          });
        },
        bodyErrors,
      );
    },
    direct(req, res) {
      if (req.method !== 'POST' || req.url !== '/api/messages' || !plainJson(req)) return false;
      const answer: Answer = (status, body) => {
        if (res.headersSent) return;
        res.statusCode = status;
        if (body === undefined) {
          res.end();
          return;
        }
        const json = JSON.stringify(body);
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.setHeader('Content-Length', Buffer.byteLength(json));
        res.end(json);
      };
      // A bug anywhere on the way is a 500 (express answers a rejected handler with one), never an unhandled rejection.
      void readJson(req)
        .then((body) => (body.ok ? handle(body.value, req.headers.authorization ?? '', answer) : answer(body.status, { error: body.code })))
        .catch(() => answer(500, { error: 'internal' }));
      return true;
    },
  };
}

/** `application/json`, in UTF-8 (or no charset, which JSON means), and not compressed: what express.json reads without decoding. */
function plainJson(req: IncomingMessage): boolean {
  const encoding = req.headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') return false;
  const [type = '', ...params] = (req.headers['content-type'] ?? '').split(';');
  if (type.trim().toLowerCase() !== 'application/json') return false;
  return params.every((p) => /^\s*charset=(?:utf-8|"utf-8")\s*$/i.test(p));
}

type ReadBody = { ok: true; value: unknown } | { ok: false; status: 400 | 413; code: 'invalid_json' | 'too_large' };

/**
 * The body as express.json reads it: a declared or actual size over the limit is a 413, a body
 * cut short or longer than declared a 400 (the rest of the request is read off first); an empty
 * body is `{}`; a leading byte-order mark is dropped; only an object or an array is JSON here.
 */
async function readJson(req: IncomingMessage): Promise<ReadBody> {
  let text: string;
  try {
    const length = req.headers['content-length'];
    text = (await getRawBody(req, { limit: BODY_LIMIT, ...(length !== undefined ? { length } : {}) })).toString('utf8');
  } catch (error) {
    await readOff(req);
    return (error as { status?: number }).status === 413 ? { ok: false, status: 413, code: 'too_large' } : { ok: false, status: 400, code: 'invalid_json' };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.length === 0) return { ok: true, value: {} };
  const first = /^[\x20\x09\x0a\x0d]*(.)/s.exec(text)?.[1];
  if (first !== '{' && first !== '[') return { ok: false, status: 400, code: 'invalid_json' };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, status: 400, code: 'invalid_json' };
  }
}

/** Reads what is left of a refused request, as body-parser does, so the connection can carry the answer and the next request. */
function readOff(req: IncomingMessage): Promise<void> {
  if (req.readableEnded || req.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    req.on('end', resolve).on('close', resolve).on('error', resolve);
    req.resume();
  });
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'invalid';
  }
}
