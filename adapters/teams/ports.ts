/**
 * What the Teams adapter needs from storage: the conversation references it may speak in without
 * being spoken to first. Implemented in db/repositories/teams-conversations.ts; the composition root
 * passes it in.
 */

export type TeamsConversationType = 'personal' | 'groupChat' | 'channel';

/**
 * Where the bot can speak in Teams without being spoken to first: what botbuilder needs to rebuild a
 * ConversationReference, plus who the chat is with for personal (1:1) chats.
 */
export interface TeamsConversation {
  /** For a channel, the channel itself (`19:…@thread.tacv2`), never one reply thread of it. */
  conversationId: string;
  type: TeamsConversationType;
  tenantId: string | null;
  serviceUrl: string;
  /** Bot Framework channel: `msteams`, or `emulator` on a developer's machine. */
  bfChannelId: string;
  botId: string;
  botName: string | null;
  teamsChannelId: string | null;
  teamId: string | null;
  /** Personal chats only: the person's AAD object id and their `29:` id for this bot. */
  userAadObjectId: string | null;
  userId: string | null;
  /** What Teams calls the channel or group chat, and its team, when it said (older rows: null). */
  conversationName: string | null;
  teamName: string | null;
  /** False once the bot was removed or blocked (a 403 from the connector): never send there. */
  active: boolean;
  updatedAt: Date;
}

/** What an activity tells of its conversation; names only when Teams gave them. */
export type TeamsConversationRef = Omit<TeamsConversation, 'updatedAt' | 'conversationName' | 'teamName'> &
  Partial<Pick<TeamsConversation, 'conversationName' | 'teamName'>>;

export interface TeamsConversationStore {
  /** Inserts or refreshes a reference. Ids and names the new activity lacks keep their stored value. */
  upsert(ref: TeamsConversationRef): Promise<void>;
  get(conversationId: string): Promise<TeamsConversation | null>;
  setActive(conversationId: string, active: boolean): Promise<void>;
  /**
   * The most recently used active personal chat with this Teams identity, if the bot has one; by the
   * AAD object id alone when the tenant is not known (HR people listed in ADMINS).
   */
  personal(aadObjectId: string, tenantId?: string): Promise<TeamsConversation | null>;
  /**
   * Names Teams gave in an activity about another place than its own conversation: a channel created
   * or renamed (`channelData.channel`), a team's name for every channel of that team.
   */
  rememberNames(names: { channel?: { id: string; name: string } | undefined; team?: { id: string; name: string } | undefined }): Promise<void>;
}
