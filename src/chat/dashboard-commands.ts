/**
 * `/caravan dashboard` and `/caravan wallboard [revoke]`: HR's links to the browser. The sign-in link
 * names one person, so it is only given where nobody else reads the answer (Slack answers privately
 * anywhere; Teams answers in the open outside a 1:1 chat).
 */
import type { AdminDeps } from '../admins/ports.js';
import type { DashboardFeatureDeps } from '../dashboard/ports.js';
import { issueSignIn } from '../dashboard/sessions.service.js';
import { revokeWallboard, wallboardLink } from '../dashboard/wallboard.service.js';
import { localDay } from '../shared/clock.js';
import type { Actor, HrActor } from './actor.js';
import type { CommandContext } from './verbs.js';
import { message, type Reply } from './reply.js';

export const signInPath = (token: string) => `/hr/signin/${token}`;

const seenByOthers = (actor: Actor, ctx: CommandContext) => actor.identity.platform === 'teams' && ctx.where !== undefined && ctx.where.kind !== 'direct';

export async function dashboardVerb(deps: DashboardFeatureDeps & AdminDeps, actor: HrActor, ctx: CommandContext): Promise<Reply> {
  const { c } = actor;
  if (seenByOthers(actor, ctx)) return message('error', [c.dashboard.chat.privateOnly]);
  const { platform, tenantId, userId } = actor.identity;
  const issued = await issueSignIn(deps, { platform, tenantId, userId, personId: actor.person.id, locale: actor.locale });
  if (!issued.ok) return message('error', [c.common.notAdmin]);
  return message('ok', [c.dashboard.chat.signIn(`${deps.dashboard.publicUrl}${signInPath(issued.value.token)}`), c.dashboard.chat.signInKeep]);
}

export async function wallboardVerb(deps: DashboardFeatureDeps & AdminDeps, hr: HrActor, words: string[], prefix: string): Promise<Reply> {
  const { c } = hr;
  const sub = (words[1] ?? '').toLowerCase();
  if (sub === 'revoke' || sub === 'revoquer' || sub === 'révoquer') {
    const revoked = await revokeWallboard(deps, hr);
    return revoked.ok ? message('ok', [c.dashboard.chat.wallboardRevoked(prefix)]) : message('error', [c.campaign.none]);
  }
  const link = await wallboardLink(deps, hr);
  if (!link.ok) return message('error', [c.campaign.none]);
  return message('ok', [c.dashboard.chat.wallboard(link.value.url), c.dashboard.chat.wallboardUntil(localDay(link.value.expiresAt, deps.timeZone), prefix)]);
}
