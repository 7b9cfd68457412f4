/**
 * Admins and campaigns on fakes: the core's deps with HR from the ADMINS setting, and no campaign
 * until a test creates one.
 */
import type { CoreOptions, FakeCore } from './core.js';
import { fakeCore, HOME_TENANT, HOME_WORKSPACE } from './core.js';

export { HOME_TENANT, HOME_WORKSPACE };

export function adminsFixture(options: CoreOptions = {}): FakeCore {
  return fakeCore({ staticAdmins: ['slack:UBOSS', 'teams:aad-boss'], ...options });
}
