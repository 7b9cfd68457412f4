/**
 * The organisation the bot is installed for, as the HR check sees it: Slack's workspace (or Enterprise
 * Grid organisation) and Teams' tenants. Slack's ids come from SLACK_TEAM_ID or are learned from
 * `auth.test` in the background; until they are known nobody on Slack is HR (closed by default).
 */
import type { HomeOrganisation, Identity } from '../src/ports.js';
import type { Config } from './config.js';

export interface Home extends HomeOrganisation {
  /** Slack ids the app is installed in (workspace `T…`, Grid organisation `E…`); learned ones add to the configured. */
  learnSlack(ids: Array<string | undefined>): void;
  /** Whether Slack's side is known yet (configured or learned). */
  slackKnown(): boolean;
}

export function homeOrganisation(config: Pick<Config, 'slack' | 'teams'>): Home {
  const slack = new Set(config.slack?.homeIds ?? []);
  const tenants = new Set(config.teams.hrTenants);
  // The Emulator's pretend tenant exists only on a developer's machine (see teams/activity.ts).
  if (config.teams.mode === 'emulator') tenants.add('emulator');
  return {
    includes(identity: Identity): boolean {
      if (identity.platform === 'teams') return tenants.has(identity.tenantId.toLowerCase());
      return slack.has(identity.tenantId) || (identity.orgId !== undefined && slack.has(identity.orgId));
    },
    learnSlack(ids) {
      for (const id of ids) if (id) slack.add(id);
    },
    slackKnown: () => slack.size > 0,
  };
}
