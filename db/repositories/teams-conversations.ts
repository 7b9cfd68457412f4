import type { Kysely, Selectable } from 'kysely';
import { TtlCache } from '../../src/shared/ttl-cache.js';
import type { Database } from '../schema.js';

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
  /** The most recently used active personal chat with this Teams identity, if the bot has one. */
  personal(tenantId: string, aadObjectId: string): Promise<TeamsConversation | null>;
  /** The same, for whichever Teams identity a person has. */
  personalForPerson(personId: string): Promise<TeamsConversation | null>;
  /**
   * Names Teams gave in an activity about another place than its own conversation: a channel created
   * or renamed (`channelData.channel`), a team's name for every channel of that team.
   */
  rememberNames(names: { channel?: { id: string; name: string } | undefined; team?: { id: string; name: string } | undefined }): Promise<void>;
}

function toConversation(r: Selectable<Database['teams_conversations']>): TeamsConversation {
  const type: TeamsConversationType =
    r.conversation_type === 'personal' || r.conversation_type === 'groupChat' ? r.conversation_type : 'channel';
  return {
    conversationId: r.conversation_id,
    type,
    tenantId: r.tenant_id,
    serviceUrl: r.service_url,
    bfChannelId: r.bf_channel_id,
    botId: r.bot_id,
    botName: r.bot_name,
    teamsChannelId: r.teams_channel_id,
    teamId: r.team_id,
    userAadObjectId: r.user_aad_object_id,
    userId: r.user_id,
    conversationName: r.conversation_name,
    teamName: r.team_name,
    active: r.active,
    updatedAt: r.updated_at,
  };
}

/**
 * Every activity brings its conversation's reference, nearly always the one already stored: the same
 * one written here less than a minute ago is not written again (otherwise a database round trip
 * before every answer). Another instance marking it inactive is caught up within that minute.
 */
const REWRITE_AFTER_MS = 60_000;

export function teamsConversationStore(db: Kysely<Database>): TeamsConversationStore {
  const written = new TtlCache<string>(REWRITE_AFTER_MS, 20_000);
  return {
    async upsert(ref) {
      const same = JSON.stringify(ref);
      if (written.get(ref.conversationId) === same) return;
      const now = new Date();
      await db
        .insertInto('teams_conversations')
        .values({
          conversation_id: ref.conversationId,
          conversation_type: ref.type,
          tenant_id: ref.tenantId,
          service_url: ref.serviceUrl,
          bf_channel_id: ref.bfChannelId,
          bot_id: ref.botId,
          bot_name: ref.botName,
          teams_channel_id: ref.teamsChannelId,
          team_id: ref.teamId,
          user_aad_object_id: ref.userAadObjectId,
          user_id: ref.userId,
          conversation_name: ref.conversationName ?? null,
          team_name: ref.teamName ?? null,
          active: ref.active,
          updated_at: now,
        })
        .onConflict((oc) =>
          oc.column('conversation_id').doUpdateSet((eb) => ({
            conversation_type: eb.ref('excluded.conversation_type'),
            service_url: eb.ref('excluded.service_url'),
            bf_channel_id: eb.ref('excluded.bf_channel_id'),
            bot_id: eb.ref('excluded.bot_id'),
            active: eb.ref('excluded.active'),
            updated_at: eb.ref('excluded.updated_at'),
            tenant_id: eb.fn.coalesce('excluded.tenant_id', 'teams_conversations.tenant_id'),
            bot_name: eb.fn.coalesce('excluded.bot_name', 'teams_conversations.bot_name'),
            teams_channel_id: eb.fn.coalesce('excluded.teams_channel_id', 'teams_conversations.teams_channel_id'),
            team_id: eb.fn.coalesce('excluded.team_id', 'teams_conversations.team_id'),
            user_aad_object_id: eb.fn.coalesce('excluded.user_aad_object_id', 'teams_conversations.user_aad_object_id'),
            user_id: eb.fn.coalesce('excluded.user_id', 'teams_conversations.user_id'),
            conversation_name: eb.fn.coalesce('excluded.conversation_name', 'teams_conversations.conversation_name'),
            team_name: eb.fn.coalesce('excluded.team_name', 'teams_conversations.team_name'),
          })),
        )
        .execute();
      written.set(ref.conversationId, same);
    },

    async rememberNames({ channel, team }) {
      if (channel) {
        await db
          .updateTable('teams_conversations')
          .set({ conversation_name: channel.name })
          .where('conversation_id', '=', channel.id)
          .where((eb) => eb('conversation_name', 'is', null).or('conversation_name', '<>', channel.name))
          .execute();
      }
      if (team) {
        await db
          .updateTable('teams_conversations')
          .set({ team_name: team.name })
          .where('team_id', '=', team.id)
          .where((eb) => eb('team_name', 'is', null).or('team_name', '<>', team.name))
          .execute();
      }
    },

    async get(conversationId) {
      const row = await db.selectFrom('teams_conversations').selectAll().where('conversation_id', '=', conversationId).executeTakeFirst();
      return row ? toConversation(row) : null;
    },

    async setActive(conversationId, active) {
      written.set(conversationId, ''); // the next activity writes its reference again
      await db
        .updateTable('teams_conversations')
        .set({ active, updated_at: new Date() })
        .where('conversation_id', '=', conversationId)
        .execute();
    },

    async personal(tenantId, aadObjectId) {
      const row = await db
        .selectFrom('teams_conversations')
        .selectAll()
        .where('conversation_type', '=', 'personal')
        .where('tenant_id', '=', tenantId)
        .where('user_aad_object_id', '=', aadObjectId)
        .where('active', '=', true)
        .orderBy('updated_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row ? toConversation(row) : null;
    },

    async personalForPerson(personId) {
      const row = await db
        .selectFrom('identities as i')
        .innerJoin('teams_conversations as tc', (join) =>
          join.onRef('tc.tenant_id', '=', 'i.tenant_id').onRef('tc.user_aad_object_id', '=', 'i.user_id'),
        )
        .selectAll('tc')
        .where('i.person_id', '=', personId)
        .where('i.platform', '=', 'teams')
        .where('tc.conversation_type', '=', 'personal')
        .where('tc.active', '=', true)
        .orderBy('tc.updated_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row ? toConversation(row) : null;
    },
  };
}
