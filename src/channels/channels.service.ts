import { type Coded, type Result, err, ok } from '../shared/result.js';
import { operatorLabel, type HrActor } from '../chat/actor.js';
import type { BroadcastDeps } from '../messaging/deps.js';
import type { CampaignChannel, Conversation } from './channels.js';

export type ChannelError = Coded<'channel.not_a_channel'>;

type Where = Conversation | undefined;

/**
 * Makes the conversation a command was typed in a campaign channel. Direct messages and unknown
 * places are refused with `channel.not_a_channel`; adding twice changes nothing (`added: false`).
 * Only HR (`requireHr`).
 */
export async function addCampaignChannel(deps: Pick<BroadcastDeps, 'messaging'>, hr: HrActor, where: Where): Promise<Result<{ added: boolean }, ChannelError>> {
  if (!where || where.kind === 'direct') return err({ code: 'channel.not_a_channel' });
  const added = await deps.messaging.channels.add({
    destination: where.destination,
    kind: where.kind,
    name: where.name ?? null,
    addedBy: operatorLabel(hr),
  });
  return ok(added);
}

/** Stops posting campaign messages in that conversation (only HR). `removed: false` when it was not a campaign channel. */
export async function removeCampaignChannel(
  deps: Pick<BroadcastDeps, 'messaging'>,
  _hr: HrActor,
  where: Where,
): Promise<Result<{ removed: boolean }, ChannelError>> {
  if (!where || where.kind === 'direct') return err({ code: 'channel.not_a_channel' });
  return ok(await deps.messaging.channels.remove(where.destination));
}

/** The campaign channels, with when each was added. Only HR (`requireHr`). */
export async function listCampaignChannels(deps: Pick<BroadcastDeps, 'messaging'>, _by: HrActor): Promise<CampaignChannel[]> {
  return deps.messaging.channels.list();
}
