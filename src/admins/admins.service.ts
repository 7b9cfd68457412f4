import type { AdminDeps } from './ports.js';
import type { Identity, Platform } from '../ports.js';
import { err, ok, type Result } from '../shared/result.js';

/**
 * True when the person is HR: listed in ADMINS or added with `caravane admin add`, AND speaking from
 * this organisation (its Slack workspace or Grid, its Teams tenants). The same user id seen from a
 * shared channel or another tenant is someone else, and never HR.
 */
export async function isAdmin(deps: AdminDeps, identity: Identity): Promise<boolean> {
  if (!deps.home.includes(identity)) return false;
  if (deps.staticAdmins.has(`${identity.platform}:${identity.userId}`)) return true;
  return deps.admins.isAdmin(identity.platform, identity.userId);
}

const ADMIN_RE = /^(slack|teams):([A-Za-z0-9._:@-]{1,128})$/;

/** Parses `slack:U0123ABCD` / `teams:<aadObjectId>`. */
export function parseAdminRef(text: string): Result<{ platform: Platform; userId: string }, 'admin.bad_ref'> {
  const m = ADMIN_RE.exec(text.trim());
  if (!m || !m[1] || !m[2]) return err('admin.bad_ref');
  return ok({ platform: m[1] as Platform, userId: m[2] });
}

export async function addAdmin(
  deps: Pick<AdminDeps, 'admins'>,
  ref: string,
  addedBy: string,
): Promise<Result<{ platform: Platform; userId: string; added: boolean }, 'admin.bad_ref'>> {
  const parsed = parseAdminRef(ref);
  if (!parsed.ok) return parsed;
  const { added } = await deps.admins.add(parsed.value.platform, parsed.value.userId, addedBy);
  return ok({ ...parsed.value, added });
}
