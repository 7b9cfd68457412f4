import type { Request, Response } from 'express';
import type { HrSession } from '../../../src/dashboard/ports.js';
import type { Catalogue } from '../../../src/shared/i18n/index.js';

/** One HR page or form, run only for a live HR session (hr-routes.ts checks it first). */
export type HrHandler = (req: Request, res: Response, session: HrSession, c: Catalogue) => Promise<void>;
