import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { currentProgress } from '../../src/campaigns/campaigns.service.js';
import { publicNeeds } from '../../src/needs/needs.service.js';
import type { Logger } from '../logger.js';
import type { CampaignDeps } from '../../src/campaigns/ports.js';
import type { NeedsFeatureDeps } from '../../src/needs/ports.js';

export interface HttpOptions {
  deps: CampaignDeps & NeedsFeatureDeps;
  logger: Logger;
  ping(): Promise<boolean>;
  /** Raw Node handler for POST /slack/events (the signature is checked on the raw bytes). */
  slack?: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  /** Handlers tried before express, each taking a request (true) or leaving it to express (false): Teams' POST /api/messages. */
  direct?: Array<(req: IncomingMessage, res: ServerResponse) => boolean>;
  /** Extra routes (Teams, files, album pages) mounted by their adapters. */
  mount?: Array<(app: Express) => void>;
  /** Counts of volunteers for /api/campaigns/current, once trips exist. */
  volunteers?: (campaignId: string) => Promise<{ capacity: number; confirmed: number; waitlisted: number }>;
}

/**
 * One HTTP server for health, the public API, Slack and Teams. POST /slack/events, the route every
 * Slack pledge takes, goes straight to its handler, and so does Teams' POST /api/messages when its
 * handler takes it; everything else through express.
 */
export function createHttpApp(options: HttpOptions): RequestListener {
  const app = expressApp(options);
  const slack = options.slack;
  const direct = options.direct ?? [];
  if (!slack && direct.length === 0) return app;
  return (req, res) => {
    if (slack && req.method === 'POST' && isSlackEvents(req.url)) slack(req, res);
    else if (!direct.some((take) => take(req, res))) app(req, res);
  };
}

/** `/slack/events`, with or without a query string or a trailing slash (as express would route it). */
function isSlackEvents(url: string | undefined): boolean {
  if (url === undefined || !url.startsWith('/slack/events')) return false;
  const rest = url.slice('/slack/events'.length);
  return rest === '' || rest === '/' || rest.startsWith('?') || rest.startsWith('/?');
}

function expressApp(options: HttpOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  app.get('/healthz', async (_req, res) => {
    const up = await options.ping();
    res.status(up ? 200 : 503).json({ status: up ? 'ok' : 'unavailable' });
  });

  app.get('/api/campaigns/current', async (_req, res) => {
    const progress = await currentProgress(options.deps);
    if (!progress.ok) {
      res.status(404).json({ error: 'no_campaign' });
      return;
    }
    const { campaign, totals } = progress.value;
    const volunteers = options.volunteers ? await options.volunteers(campaign.id) : { capacity: 0, confirmed: 0, waitlisted: 0 };
    const needs = await publicNeeds(options.deps.needs, campaign.id);
    res.json({
      campaign: {
        id: campaign.id,
        name: campaign.name,
        currency: campaign.currency,
        goalMinor: campaign.goalMinor,
        pledgedMinor: totals.pledgedMinor,
        collectedMinor: totals.collectedMinor,
        donors: totals.donors,
        pledges: totals.pledges,
        startsOn: campaign.startsOn,
        endsOn: campaign.endsOn,
      },
      volunteers,
      ...(needs.length > 0 ? { needs } : {}),
    });
  });

  // Only reached by spellings the front door does not take (express matches paths case-insensitively).
  const slack = options.slack;
  if (slack) app.post('/slack/events', (req, res) => slack(req, res));

  for (const mount of options.mount ?? []) mount(app);

  app.use((_req, res) => {
    res.status(404).json({ error: 'not_found' });
  });
  // Last resort: a bug is logged and answered without a stack; a bad request body is the client's fault.
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const status = (error as { status?: number; statusCode?: number }).status ?? (error as { statusCode?: number }).statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      if (!res.headersSent) res.status(status).json({ error: 'bad_request' });
      return;
    }
    options.logger.error({ path: req.path, err: String(error) }, 'request failed');
    if (!res.headersSent) res.status(500).json({ error: 'internal' });
  });
  return app;
}

export async function listen(app: RequestListener, port: number, host: string): Promise<Server> {
  const server = createServer(app);
  // Slack waits 3 s and Teams 15 s; a request that takes longer than this is stuck.
  server.requestTimeout = 30_000;
  server.headersTimeout = 20_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}
