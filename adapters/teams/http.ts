/**
 * `POST /api/messages`: body parsing, authentication and the turn, each failure with its own status.
 * Only this route parses JSON, with a size limit; nothing a caller sends can reach a 5xx except our bugs.
 */
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { Activity, TurnContext } from 'botbuilder';
import { activityEnvelope } from './activity.js';
import type { CaravaneCloudAdapter } from './auth.js';
import type { TeamsContext } from './context.js';

/** Teams messages are capped at about 100 KB; card submissions and conversation updates are smaller. */
export const BODY_LIMIT = '256kb';

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

export function teamsRoute(adapter: CaravaneCloudAdapter, tc: TeamsContext, logic: (ctx: TurnContext) => Promise<void>) {
  const log = tc.logger.child({ component: 'teams' });
  return (app: Express): void => {
    app.post(
      '/api/messages',
      express.json({ limit: BODY_LIMIT }),
      async (req: Request, res: Response) => {
        const envelope = activityEnvelope.safeParse(req.body);
        if (!envelope.success) {
          res.status(400).json({ error: 'invalid_activity' });
          return;
        }
        const activity = withDates(envelope.data);
        const header = req.headers.authorization ?? '';
        let authenticated;
        try {
          authenticated = await adapter.authenticate(header, activity);
        } catch (error) {
          log.warn({ activityId: activity.id, reason: error instanceof Error ? error.message : String(error) }, 'teams request refused: authentication failed');
          res.status(401).json({ error: 'unauthorized' });
          return;
        }
        if (!tc.mayUse(activity.serviceUrl)) {
          // A genuine token can still name a host we will not send our token to: neither keep nor answer it.
          log.warn({ activityId: activity.id, host: hostOf(activity.serviceUrl) }, 'teams request refused: serviceUrl not allowed');
          res.status(403).json({ error: 'service_url_not_allowed' });
          return;
        }
        try {
          const invoke = await adapter.runTurn(authenticated, activity, logic);
          if (invoke?.body !== undefined) res.status(invoke.status).json(invoke.body);
          else res.status(invoke?.status ?? 200).end();
        } catch (error) {
          log.error({ activityId: activity.id, err: error instanceof Error ? error.message : String(error) }, 'teams turn failed outside the handler');
          if (!res.headersSent) res.status(500).json({ error: 'internal' });
        }
      },
      bodyErrors,
    );
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'invalid';
  }
}
