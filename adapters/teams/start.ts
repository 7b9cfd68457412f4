/**
 * Teams as the composition root sees it. botbuilder and the Teams photo notifier (sharp) are loaded
 * only when Teams is configured: a Slack-only or API-only deployment never holds them in memory.
 */
import type { CoreDeps } from '../../src/deps.js';
import type { ChartImages } from '../../src/messaging/charts.js';
import type { StoredFiles } from '../../src/messaging/files.js';
import type { PlatformSender } from '../../src/messaging/ports.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { PlatformPhotoNotifier } from '../photos/wiring.js';
import type { TeamsAdapter } from './adapter.js';
import type { TeamsCredentialsFactory } from './auth.js';
import type { TeamsConversationStore, TeamsPhotoLookups } from './ports.js';
import { serviceUrlTrust } from './service-urls.js';

/** Teams off: `POST /api/messages` answers 404, the stored references stay readable, nothing is sent. */
export type TeamsOff = Pick<TeamsAdapter, 'mount' | 'conversations'> & { mode: 'off'; sender: PlatformSender };
export type TeamsWiring = TeamsAdapter | TeamsOff;

export interface TeamsStartOptions {
  config: Config['teams'];
  deps: CoreDeps;
  /** db/repositories/teams-conversations.ts `teamsConversationStore`. */
  conversations: TeamsConversationStore;
  /** db/repositories/photo-lookups.ts `teamsPhotoLookups`. */
  lookups: TeamsPhotoLookups;
  logger: Logger;
  credentials?: TeamsCredentialsFactory | undefined;
  files: StoredFiles;
  charts: ChartImages;
}

export async function startTeams(o: TeamsStartOptions): Promise<{ teams: TeamsWiring; photos: PlatformPhotoNotifier | undefined }> {
  if (o.config.mode === 'off') {
    const sender: PlatformSender = {
      platform: 'teams',
      send: () => Promise.resolve({ status: 'failed', reason: 'Teams is off' }),
    };
    return { teams: { mode: 'off', mount: () => undefined, conversations: o.conversations, sender }, photos: undefined };
  }
  const [{ createTeamsAdapter }, { TeamsPhotoNotifier }] = await Promise.all([import('./adapter.js'), import('./photos/notifier.js')]);
  const teams = createTeamsAdapter({
    config: o.config,
    deps: o.deps,
    conversations: o.conversations,
    logger: o.logger,
    credentials: o.credentials,
    files: o.files,
    charts: o.charts,
  });
  const trusted = serviceUrlTrust(o.config.allowedServiceUrls);
  const photos = new TeamsPhotoNotifier({
    ...teams,
    appId: o.config.appId ?? '',
    mayUse: (url) => teams.mode === 'emulator' || trusted(url),
    lookups: o.lookups,
    deps: o.deps,
    files: o.files,
    logger: o.logger,
  });
  return { teams, photos };
}
