import { CompiledQuery, type Kysely, type Selectable } from 'kysely';
import type { TeamsConversation, TeamsConversationRef, TeamsConversationStore } from '../../adapters/teams/ports.js';
import { TtlCache } from '../../src/shared/ttl-cache.js';
import { WriteBatch } from './write-batch.js';
import { prepared } from '../prepared.js';
import { parseTeamsConversationType } from '../row-enums.js';
import type { Database } from '../schema.js';

export type { TeamsConversation, TeamsConversationRef, TeamsConversationStore, TeamsConversationType } from '../../adapters/teams/ports.js';

function toConversation(r: Selectable<Database['teams_conversations']>): TeamsConversation {
  return {
    conversationId: r.conversation_id,
    type: parseTeamsConversationType(r.conversation_type),
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

/**
 * The references as the activities bring them, any number in one statement (a JSON array, so the
 * text is fixed and nothing is compiled per activity); what an activity leaves out (names, ids some
 * activities lack) keeps its stored value. Its commit does not wait for the WAL to reach the disk
 * (`synchronous_commit` off for this statement's own transaction): a reference lost in a crash of
 * the database is written again by the conversation's next activity, and the turn it belongs to
 * does not wait for a second flush beside the pledge's.
 */
const UPSERT = prepared(`
    with quick as (select set_config('synchronous_commit', 'off', true))
    insert into teams_conversations (conversation_id, conversation_type, tenant_id, service_url, bf_channel_id, bot_id, bot_name,
      teams_channel_id, team_id, user_aad_object_id, user_id, conversation_name, team_name, active, updated_at)
    select conversation_id, conversation_type, tenant_id, service_url, bf_channel_id, bot_id, bot_name,
      teams_channel_id, team_id, user_aad_object_id, user_id, conversation_name, team_name, active, now()
    from quick, jsonb_to_recordset($1::jsonb) as r(conversation_id text, conversation_type text, tenant_id text, service_url text,
      bf_channel_id text, bot_id text, bot_name text, teams_channel_id text, team_id text, user_aad_object_id text, user_id text,
      conversation_name text, team_name text, active boolean)
    on conflict (conversation_id) do update set
      conversation_type = excluded.conversation_type,
      service_url = excluded.service_url,
      bf_channel_id = excluded.bf_channel_id,
      bot_id = excluded.bot_id,
      active = excluded.active,
      updated_at = excluded.updated_at,
      tenant_id = coalesce(excluded.tenant_id, teams_conversations.tenant_id),
      bot_name = coalesce(excluded.bot_name, teams_conversations.bot_name),
      teams_channel_id = coalesce(excluded.teams_channel_id, teams_conversations.teams_channel_id),
      team_id = coalesce(excluded.team_id, teams_conversations.team_id),
      user_aad_object_id = coalesce(excluded.user_aad_object_id, teams_conversations.user_aad_object_id),
      user_id = coalesce(excluded.user_id, teams_conversations.user_id),
      conversation_name = coalesce(excluded.conversation_name, teams_conversations.conversation_name),
      team_name = coalesce(excluded.team_name, teams_conversations.team_name)`);

/** A row of UPSERT's JSON. */
const rowOf = (ref: TeamsConversationRef) => ({
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
});

/** Two activities of one conversation in the same batch: the later one, keeping what only the earlier one gave (as the upsert does). */
function later(earlier: TeamsConversationRef, ref: TeamsConversationRef): TeamsConversationRef {
  return {
    ...ref,
    tenantId: ref.tenantId ?? earlier.tenantId,
    botName: ref.botName ?? earlier.botName,
    teamsChannelId: ref.teamsChannelId ?? earlier.teamsChannelId,
    teamId: ref.teamId ?? earlier.teamId,
    userAadObjectId: ref.userAadObjectId ?? earlier.userAadObjectId,
    userId: ref.userId ?? earlier.userId,
    conversationName: ref.conversationName ?? earlier.conversationName ?? null,
    teamName: ref.teamName ?? earlier.teamName ?? null,
  };
}

export function teamsConversationStore(db: Kysely<Database>): TeamsConversationStore {
  const written = new TtlCache<string>(REWRITE_AFTER_MS, 20_000);
  // First activities of many conversations at once (a campaign launch) share their statements.
  const batch = new WriteBatch<TeamsConversationRef>(async (refs) => {
    await db.executeQuery(CompiledQuery.raw(UPSERT, [JSON.stringify(refs.map(rowOf))]));
  }, later);
  return {
    async upsert(ref) {
      // Every field the row holds: a field added to the reference is compared as soon as it is written.
      const same = JSON.stringify(rowOf(ref));
      if (written.get(ref.conversationId) === same) return;
      await batch.add(ref.conversationId, ref);
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
      await batch.settled(); // a reference being written is not left to undo this
      await db.updateTable('teams_conversations').set({ active, updated_at: new Date() }).where('conversation_id', '=', conversationId).execute();
    },

    async personal(aadObjectId, tenantId) {
      let query = db
        .selectFrom('teams_conversations')
        .selectAll()
        .where('conversation_type', '=', 'personal')
        .where('user_aad_object_id', '=', aadObjectId)
        .where('active', '=', true);
      if (tenantId) query = query.where('tenant_id', '=', tenantId);
      const row = await query.orderBy('updated_at', 'desc').limit(1).executeTakeFirst();
      return row ? toConversation(row) : null;
    },
  };
}
