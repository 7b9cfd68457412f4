/** What deciding who is HR needs. */
import type { AdminStore, HomeOrganisation } from '../ports.js';

export interface AdminDeps {
  admins: AdminStore;
  /** `platform:userId` entries from the ADMINS setting. */
  staticAdmins: ReadonlySet<string>;
  /** HR entries count only for identities of this organisation (workspace / tenant). */
  home: HomeOrganisation;
}
