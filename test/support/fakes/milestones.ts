/**
 * The milestones feature on fakes: the pledges fixture with the milestone listener hearing every
 * totals change, and campaign channels to announce in. `settled()` waits for the checks started.
 */
import type { Destination } from '../../../src/messaging/ports.js';
import { milestoneListener, type MilestoneListener } from '../../../src/milestones/milestones.service.js';
import type { CoreOptions } from './core.js';
import { pledgesFixture, type PledgesFixture } from './pledges.js';
import { MILESTONE_PACING } from '../../../adapters/milestone-pacing.js';

export const SLACK_CHANNEL: Destination = { platform: 'slack', channelId: 'C0CAMPAIGN' };
export const TEAMS_CHANNEL: Destination = { platform: 'teams', conversationId: '19:campaign@thread.tacv2', tenantId: 'tenant-1' };

export interface MilestonesFixture extends PledgesFixture {
  listener: MilestoneListener;
  /** What the listener failed with, if anything. */
  failures: unknown[];
}

export async function milestonesFixture(
  options: CoreOptions & { channels?: readonly Destination[]; campaign?: false | { from: string; to: string; goal?: number } } = {},
): Promise<MilestonesFixture> {
  const fixture = await pledgesFixture(options);
  const failures: unknown[] = [];
  const listener = milestoneListener(fixture.deps, (error) => failures.push(error), MILESTONE_PACING);
  fixture.listeners.push(listener);
  for (const destination of options.channels ?? [SLACK_CHANNEL, TEAMS_CHANNEL]) {
    await fixture.messaging.channels.add({ destination, kind: 'channel', addedBy: 'slack:UHR' });
  }
  return { ...fixture, listener, failures };
}
