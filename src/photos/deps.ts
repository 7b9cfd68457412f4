import type { CoreDeps } from '../deps.js';
import { err, ok, type Coded, type Result } from '../shared/result.js';
import type { PhotoDeps } from './ports.js';

/** The photos feature when it is wired, else `photo.unavailable`. */
export function photoDeps(deps: CoreDeps): Result<PhotoDeps, Coded<'photo.unavailable'>> {
  return deps.photos ? ok(deps.photos) : err({ code: 'photo.unavailable' });
}
