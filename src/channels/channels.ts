/**
 * Campaign channels: the Slack channels and Teams channels (or group chats) where the digest,
 * milestones and announcements are posted. HR adds one by typing the command in it.
 */
import type { Destination } from '../messaging/ports.js';
import { personText, slackConversation } from '../chat/text.js';

export type ChannelKind = 'channel' | 'group';

/** The conversation a command was typed in, as the chat adapters describe it. */
export interface Conversation {
  destination: Destination;
  kind: ChannelKind | 'direct';
  /** Its name, when the platform sent it with the command (Slack's `channel_name`). */
  name?: string | undefined;
}

/** What the platform told us a place is called, as typed by whoever named it; null when it did not say. */
export interface PlaceNames {
  channel: string | null;
  /** Teams: the team the channel belongs to. */
  team: string | null;
}

export interface CampaignChannel {
  destination: Destination;
  kind: ChannelKind;
  /** `platform:userId` of the HR person who added it. */
  addedBy: string;
  addedAt: Date;
  names: PlaceNames;
}

/** Implementations: db/repositories/channels.ts. */
export interface ChannelStore {
  /** `added: false` when the channel already was a campaign channel (nothing changes). */
  add(channel: Omit<CampaignChannel, 'addedAt' | 'names'> & { name?: string | null | undefined }): Promise<{ added: boolean }>;
  /** `removed: false` when it was not one. */
  remove(destination: Destination): Promise<{ removed: boolean }>;
  /** Every campaign channel, oldest first. */
  list(): Promise<CampaignChannel[]>;
}

/** `19:6848757105754c8981c67612732d9aa7@thread.tacv2` → `6848…9aa7`: enough to tell two apart. */
export function shortTeamsId(id: string): string {
  const core = id.replace(/^\d+:/, '').replace(/@thread\.[a-z0-9]+$/i, '');
  return core.length > 12 ? `${core.slice(0, 4)}…${core.slice(-4)}` : core;
}

/**
 * How a channel is named in chat text: a Slack conversation as a neutral span (Slack draws its own
 * live reference, elsewhere `Slack #name`); Teams channels read "Équipe › Canal" from the names
 * Teams gave, else `Teams 6848…9aa7`. Names are marked as person text: whoever named the channel
 * typed them.
 */
export function channelLabel(destination: Destination, names: PlaceNames = { channel: null, team: null }): string {
  if (destination.platform === 'slack') return slackConversation(destination.channelId, names.channel);
  const channel = names.channel !== null ? personText(names.channel) : `Teams ${shortTeamsId(destination.conversationId)}`;
  return names.team !== null ? `${personText(names.team)} › ${channel}` : channel;
}
