/**
 * Teams as the composition root sees it. botbuilder is loaded only when Teams is configured: a
 * Slack-only or API-only deployment never holds it in memory (about 50 MB).
 */
import type { PlatformSender } from '../../src/messaging/ports.js';
import type { TeamsAdapter, TeamsOptions } from './adapter.js';
import type { TeamsCredentialsFactory } from './auth.js';
import type { TeamsConversationStore } from './ports.js';

/** Teams off: `POST /api/messages` answers 404, the stored references stay readable, nothing is sent. */
export type TeamsOff = Pick<TeamsAdapter, 'mount' | 'direct' | 'conversations'> & { mode: 'off'; sender: PlatformSender };
export type TeamsWiring = TeamsAdapter | TeamsOff;

export type TeamsStartOptions = Omit<TeamsOptions, 'connection'> & {
  /** db/repositories/teams-conversations.ts `teamsConversationStore`. */
  conversations: TeamsConversationStore;
  credentials?: TeamsCredentialsFactory | undefined;
};

export async function startTeams(o: TeamsStartOptions): Promise<TeamsWiring> {
  const { conversations, credentials, ...options } = o;
  if (o.config.mode === 'off') {
    const sender: PlatformSender = {
      platform: 'teams',
      send: () => Promise.resolve({ status: 'failed', failure: { code: 'no_sender' } }),
    };
    return { mode: 'off', mount: () => undefined, direct: () => false, conversations, sender };
  }
  const { createTeamsAdapter, teamsConnection } = await import('./adapter.js');
  return createTeamsAdapter({ ...options, connection: teamsConnection(o.config, conversations, credentials) });
}
