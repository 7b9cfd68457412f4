/**
 * Campaign channels: the Slack channels and Teams channels (or group chats) where the digest,
 * milestones and announcements are posted. HR adds one by typing the command in it.
 */
import type { Destination } from '../messaging/ports.js';
import type { Platform } from '../ports.js';

export type ChannelKind = 'channel' | 'group';

/** The conversation a command was typed in, as the chat adapters describe it. */
export interface Conversation {
  destination: Destination;
  kind: ChannelKind | 'direct';
}

export interface CampaignChannel {
  destination: Destination;
  kind: ChannelKind;
  /** `platform:userId` of the HR person who added it. */
  addedBy: string;
  addedAt: Date;
}

/** Implementations: db/repositories/channels.ts. */
export interface ChannelStore {
  /** `added: false` when the channel already was a campaign channel (nothing changes). */
  add(channel: Omit<CampaignChannel, 'addedAt'>): Promise<{ added: boolean }>;
  /** `removed: false` when it was not one. */
  remove(destination: Destination): Promise<{ removed: boolean }>;
  /** Every campaign channel, oldest first. */
  list(): Promise<CampaignChannel[]>;
}

/**
 * How a channel is named to someone reading on `viewer`: Slack turns `<#C…>` into a link; elsewhere
 * the platform and the id are all the bot knows.
 */
export function channelLabel(destination: Destination, viewer: Platform): string {
  if (destination.platform === 'slack') {
    // A user id (a direct message to a volunteer) is shown as the person, a channel as the channel.
    const person = /^[UW]/.test(destination.channelId);
    if (viewer === 'slack') return person ? `<@${destination.channelId}>` : `<#${destination.channelId}>`;
    return `Slack ${person ? '@' : '#'}${destination.channelId}`;
  }
  const id = destination.conversationId;
  return `Teams ${id.length > 40 ? `${id.slice(0, 37)}…` : id}`;
}
