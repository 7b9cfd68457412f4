import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { DashboardDeps, DashboardStats, HrPrincipal, HrSessionStore, WallboardKeys } from '../../src/dashboard/ports.js';
import { minor } from '../../src/shared/money.js';
import { LocaleSchema, PlatformSchema } from '../../src/shared/vocabulary.js';
import type { Database } from '../schema.js';
import { appSecret } from './secrets.js';

const principal = z.object({
  platform: PlatformSchema,
  tenant_id: z.string(),
  user_id: z.string(),
  person_id: z.string(),
  locale: LocaleSchema,
});
const toPrincipal = (row: unknown): HrPrincipal => {
  const r = principal.parse(row);
  return { platform: r.platform, tenantId: r.tenant_id, userId: r.user_id, personId: r.person_id, locale: r.locale };
};
const storedNotice = z.object({ page: z.string(), text: z.string(), details: z.array(z.string()), at: z.string().datetime() });
type StoredNotice = z.infer<typeof storedNotice>;

const columns = (who: HrPrincipal) => ({ platform: who.platform, tenant_id: who.tenantId, user_id: who.userId, person_id: who.personId, locale: who.locale });

export function hrSessionStore(db: Kysely<Database>): HrSessionStore {
  return {
    async saveSignIn(tokenHash, who, expiresAt) {
      await db
        .insertInto('hr_signin_tokens')
        .values({ token_hash: tokenHash, ...columns(who), expires_at: expiresAt })
        .execute();
    },
    async redeemSignIn(tokenHash, now) {
      // One update is the check and the spending: two clicks on the same link cannot both win.
      const row = await db
        .updateTable('hr_signin_tokens')
        .set({ used_at: now })
        .where('token_hash', '=', tokenHash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .returning(['platform', 'tenant_id', 'user_id', 'person_id', 'locale'])
        .executeTakeFirst();
      return row ? toPrincipal(row) : null;
    },
    async saveSession(sessionHash, who, csrfToken, expiresAt) {
      await db
        .insertInto('hr_sessions')
        .values({ session_hash: sessionHash, ...columns(who), csrf_token: csrfToken, expires_at: expiresAt })
        .execute();
    },
    async findSession(sessionHash, now) {
      const row = await db
        .selectFrom('hr_sessions')
        .select(['platform', 'tenant_id', 'user_id', 'person_id', 'locale', 'csrf_token', 'expires_at'])
        .where('session_hash', '=', sessionHash)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      return row ? { ...toPrincipal(row), csrfToken: row.csrf_token, expiresAt: row.expires_at } : null;
    },
    async revoke(sessionHash, at) {
      await db.updateTable('hr_sessions').set({ revoked_at: at }).where('session_hash', '=', sessionHash).where('revoked_at', 'is', null).execute();
    },
    async leaveNotice(sessionHash, notice, at) {
      const stored: StoredNotice = { ...notice, at: at.toISOString() };
      await db
        .updateTable('hr_sessions')
        .set({ notice: JSON.stringify(stored) })
        .where('session_hash', '=', sessionHash)
        .execute();
    },
    async takeNotice(sessionHash, page, since) {
      // Read and cleared under the row lock: two tabs loading the page at once show it once.
      const { rows } = await sql<{ notice: unknown }>`
        update hr_sessions s set notice = null
        from (select session_hash, notice from hr_sessions where session_hash = ${sessionHash} for update) old
        where s.session_hash = old.session_hash and old.notice->>'page' = ${page}
        returning old.notice`.execute(db);
      const row = rows[0];
      if (!row) return null;
      const found = storedNotice.parse(row.notice);
      return new Date(found.at) > since ? { page: found.page, text: found.text, details: found.details } : null;
    },
  };
}

const dayRow = z.object({
  day: z.string(),
  pledges: z.coerce.number().int(),
  donors: z.coerce.number().int(),
  pledged: z.coerce.number().int(),
  collected: z.coerce.number().int(),
});

export function dashboardStats(db: Kysely<Database>): DashboardStats {
  return {
    async pledgeDays(campaignId, timeZone) {
      const day = sql<string>`to_char(created_at at time zone ${timeZone}, 'YYYY-MM-DD')`;
      const rows = await db
        .selectFrom('pledges')
        .select([
          day.as('day'),
          sql<string>`count(*)`.as('pledges'),
          sql<string>`count(distinct person_id)`.as('donors'),
          sql<string>`coalesce(sum(amount_minor), 0)`.as('pledged'),
          sql<string>`coalesce(sum(amount_minor) filter (where status = 'collected'), 0)`.as('collected'),
        ])
        .where('campaign_id', '=', campaignId)
        .where('status', '<>', 'cancelled')
        // By position: the time zone is a parameter, so the same expression twice would not match.
        .groupBy(sql`1`)
        .orderBy(sql`1`)
        .execute();
      return rows.map((raw) => {
        const r = dayRow.parse(raw);
        return { day: r.day, pledges: r.pledges, donors: r.donors, pledgedMinor: minor(r.pledged), collectedMinor: minor(r.collected) };
      });
    },
  };
}

const wallKeyName = (campaignId: string) => `wallboard:${campaignId}`;

export function wallboardKeys(db: Kysely<Database>): WallboardKeys {
  return {
    key: (campaignId) => appSecret(db, wallKeyName(campaignId)),
    async rotate(campaignId) {
      await db
        .insertInto('app_secrets')
        .values({ name: wallKeyName(campaignId), value: randomBytes(32).toString('base64url') })
        .onConflict((oc) => oc.column('name').doUpdateSet((eb) => ({ value: eb.ref('excluded.value') })))
        .execute();
    },
  };
}

export function dashboardDeps(db: Kysely<Database>, publicUrl: string): DashboardDeps {
  return { sessions: hrSessionStore(db), stats: dashboardStats(db), wallKeys: wallboardKeys(db), publicUrl };
}
