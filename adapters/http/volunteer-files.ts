/**
 * `GET /files/volunteers/<campaign>[/<trip>].csv?exp=…&sig=…`: the volunteers CSV behind the
 * short-lived link HR gets on Teams. Only a link the bot signed opens it, and only until it expires;
 * the file is built at download time, so it never sits on disk.
 */
import type { Express, Request, Response } from 'express';
import { checkSignedPath } from '../../src/shared/signed-links.js';
import { volunteersCsv } from '../../src/volunteers/export.js';
import type { Logger } from '../logger.js';
import type { SigningKeys } from './ports.js';
import type { VolunteerFeatureDeps } from '../../src/volunteers/ports.js';

const PATH = /^\/files\/volunteers\/([0-9a-f-]{36})(?:\/(\d{1,9}))?\.csv$/;

export function volunteerFilesRoute(deps: VolunteerFeatureDeps, keys: SigningKeys, logger: Logger) {
  const handle = async (req: Request, res: Response) => {
    const m = PATH.exec(req.path);
    if (!m || !m[1]) {
      res.status(404).json({ error: 'not_found' });
      return;
    }
    const check = checkSignedPath(await keys('links'), req.path, req.query.exp, req.query.sig, deps.clock.now());
    if (check !== 'ok') {
      res.status(check === 'expired' ? 410 : 403).json({ error: check === 'expired' ? 'link_expired' : 'forbidden' });
      return;
    }
    res.status(200);
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="volunteers${m[2] ? `-${m[2]}` : ''}.csv"`);
    res.setHeader('cache-control', 'no-store');
    for await (const line of volunteersCsv(deps.volunteers.signups, m[1], m[2] ? Number(m[2]) : null, deps.timeZone)) res.write(line);
    res.end();
  };
  return (app: Express): void => {
    app.get(/^\/files\/volunteers\//, (req, res, next) => {
      handle(req, res).catch((error: unknown) => {
        logger.error({ component: 'volunteers', err: error instanceof Error ? error.message : 'unknown error' }, 'volunteers file failed');
        next(error);
      });
    });
  };
}
