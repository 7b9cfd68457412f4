/**
 * Announcements and the digest on fakes: the pledges fixture with campaign channels, and (when
 * asked) the volunteers directory wired into messaging, as the composition root wires it.
 */
import type { Destination } from '../../../src/messaging/ports.js';
import type { VolunteerDirectory } from '../../../src/messaging/deps.js';
import type { CoreOptions } from './core.js';
import { SLACK_CHANNEL, TEAMS_CHANNEL } from './milestones.js';
import { pledgesFixture, type PledgesFixture } from './pledges.js';

export interface BroadcastFixture extends PledgesFixture {
  /** Sets what the volunteers directory answers (seats, confirmed volunteers' private chats). */
  volunteersDirectory(answer: { seats: { filled: number; capacity: number } | null; confirmed: Destination[] }): void;
}

export async function broadcastFixture(
  options: CoreOptions & { channels?: readonly Destination[]; campaign?: false | { from: string; to: string; goal?: number } } = {},
): Promise<BroadcastFixture> {
  const fixture = await pledgesFixture(options);
  for (const destination of options.channels ?? [SLACK_CHANNEL, TEAMS_CHANNEL]) {
    await fixture.messaging.channels.add({ destination, kind: 'channel', addedBy: 'slack:UHR' });
  }
  return {
    ...fixture,
    volunteersDirectory(answer) {
      const directory: VolunteerDirectory = { seats: async () => answer.seats, confirmedDestinations: async () => [...answer.confirmed] };
      fixture.messaging.volunteers = directory;
    },
  };
}
