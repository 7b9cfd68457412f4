/**
 * What the Teams adapter reads from a Bot Framework activity, parsed once with zod. Fields are
 * lenient (a missing or odd value becomes undefined): Teams, the Emulator and old docs samples all
 * send slightly different shapes, and none of them may crash a turn.
 */
import { z } from 'zod';
import type { TeamsConversationType } from './ports.js';
import type { Identity } from '../../src/ports.js';
import { resolveLocale } from '../../src/shared/i18n/index.js';
import type { Locale } from '../../src/shared/money.js';

/** What `/api/messages` accepts at all; anything else is a 400 before botbuilder sees it. */
export const activityEnvelope = z.looseObject({
  type: z.string().min(1).max(64),
  serviceUrl: z
    .string()
    .max(2048)
    .regex(/^https?:\/\/\S+$/i),
  conversation: z.looseObject({ id: z.string().min(1).max(1024) }),
});

const text = z.string().max(10_000).optional().catch(undefined);
const id = z.string().min(1).max(1024).optional().catch(undefined);
const account = z.looseObject({ id, name: text, aadObjectId: id }).optional().catch(undefined);
const ref = z.looseObject({ id }).optional().catch(undefined);
/** A channel or team as channelData names it (`name` only in some activities). */
const named = z
  .looseObject({ id, name: z.string().max(256).optional().catch(undefined) })
  .optional()
  .catch(undefined);

const fields = z.looseObject({
  type: z.string(),
  id,
  serviceUrl: z.string(),
  channelId: id,
  locale: text,
  text,
  replyToId: id,
  from: account,
  recipient: account,
  conversation: z.looseObject({
    id: z.string(),
    conversationType: text,
    tenantId: id,
    isGroup: z.boolean().optional().catch(undefined),
    name: z.string().max(256).optional().catch(undefined),
  }),
  channelData: z.looseObject({ tenant: ref, channel: named, team: named }).optional().catch(undefined),
  entities: z
    .array(z.looseObject({ type: text, text, mentioned: account, locale: text }))
    .optional()
    .catch(undefined),
});

/** One incoming activity, as the adapter uses it. */
export interface TeamsTurn {
  type: string;
  activityId: string | undefined;
  serviceUrl: string;
  bfChannelId: string;
  /** The conversation exactly as Teams names it (a channel reply thread keeps its `;messageid=`). */
  conversationId: string;
  conversationType: TeamsConversationType;
  /** Where later messages to this conversation go: the channel itself for a channel thread. */
  rootConversationId: string;
  tenantId: string | undefined;
  aadObjectId: string | undefined;
  userId: string | undefined;
  userName: string | undefined;
  botId: string | undefined;
  botName: string | undefined;
  teamsChannelId: string | undefined;
  teamId: string | undefined;
  /** Names, when Teams gives them: the conversation's own, `channelData.channel.name` (the channel it is about), the team's. */
  conversationName: string | undefined;
  channelName: string | undefined;
  teamName: string | undefined;
  /** Only a language we speak; anything else leaves the choice to the person's record. */
  locale: Locale | undefined;
  text: string;
  replyToId: string | undefined;
  /** The exact `<at>…</at>` texts that mention the bot. */
  botMentions: string[];
}

function conversationType(raw: string | undefined, conversationId: string, hasChannel: boolean, isGroup: boolean | undefined): TeamsConversationType {
  if (raw === 'personal' || raw === 'groupChat' || raw === 'channel') return raw;
  if (hasChannel || conversationId.includes(';messageid=')) return 'channel';
  return isGroup ? 'groupChat' : 'personal';
}

function spokenLocale(raw: string | undefined): Locale | undefined {
  if (raw === undefined) return undefined;
  const tag = resolveLocale(raw, 'fr');
  return raw.trim().toLowerCase().startsWith(tag) ? tag : undefined;
}

/** A name as people read it: one line, trimmed, none when blank. */
function nameOf(raw: string | undefined): string | undefined {
  const name = raw?.replace(/\s+/g, ' ').trim();
  return name ? name.slice(0, 120) : undefined;
}

/** Each activity is read once, however many parts of a turn ask (the turn logic, the handler). */
const read = new WeakMap<object, TeamsTurn>();

/** Reads an activity that already passed `activityEnvelope`. */
export function readTurn(activity: unknown): TeamsTurn {
  if (typeof activity !== 'object' || activity === null) return parseTurn(activity);
  const known = read.get(activity);
  if (known) return known;
  const turn = parseTurn(activity);
  read.set(activity, turn);
  return turn;
}

function parseTurn(activity: unknown): TeamsTurn {
  const a = fields.parse(activity);
  const type = conversationType(a.conversation.conversationType, a.conversation.id, a.channelData?.channel?.id !== undefined, a.conversation.isGroup);
  const botId = a.recipient?.id;
  return {
    type: a.type,
    activityId: a.id,
    serviceUrl: a.serviceUrl,
    bfChannelId: a.channelId ?? 'msteams',
    conversationId: a.conversation.id,
    conversationType: type,
    rootConversationId: type === 'channel' ? (a.conversation.id.split(';messageid=')[0] ?? a.conversation.id) : a.conversation.id,
    tenantId: a.conversation.tenantId ?? a.channelData?.tenant?.id,
    aadObjectId: a.from?.aadObjectId,
    userId: a.from?.id,
    userName: a.from?.name,
    botId,
    botName: a.recipient?.name,
    teamsChannelId: a.channelData?.channel?.id,
    teamId: a.channelData?.team?.id,
    conversationName: nameOf(a.conversation.name),
    channelName: nameOf(a.channelData?.channel?.name),
    teamName: nameOf(a.channelData?.team?.name),
    // Older payloads carry the language only in the clientInfo entity.
    locale: spokenLocale(a.locale ?? a.entities?.find((e) => e.type === 'clientInfo')?.locale),
    text: a.text ?? '',
    replyToId: a.replyToId,
    botMentions: (a.entities ?? [])
      .filter((e) => e.type === 'mention' && e.mentioned?.id !== undefined && e.mentioned.id === botId && e.text)
      .map((e) => e.text ?? ''),
  };
}

/**
 * A Teams person is the tenant + AAD object id; without both the bot cannot tell who writes. The Bot
 * Framework Emulator sends neither: only when Teams runs unauthenticated (local use) is its user
 * taken as a person of a pretend `emulator` tenant, so a developer can try every command.
 */
export function teamsIdentity(turn: TeamsTurn, localUse = false): Identity | null {
  const base = { platform: 'teams' as const, displayName: turn.userName, locale: turn.locale };
  if (turn.tenantId && turn.aadObjectId) return { ...base, tenantId: turn.tenantId, userId: turn.aadObjectId };
  if (localUse && turn.bfChannelId === 'emulator' && turn.userId) return { ...base, tenantId: 'emulator', userId: turn.userId };
  return null;
}

const ENTITIES: Record<string, string> = { '&nbsp;': ' ', '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/**
 * The command a person typed: the bot's @mention removed (wherever it is, plus any leading `<at>…</at>`
 * in case the mention entity's text differs from the message's), entities decoded, spaces tidied.
 */
export function commandText(turn: Pick<TeamsTurn, 'text' | 'botMentions'>): string {
  let s = turn.text;
  for (const mention of turn.botMentions) s = s.split(mention).join(' ');
  s = s.replace(/^(?:\s*<at>[^<]{0,200}<\/at>)+/i, ' ');
  s = s.replace(/&(?:nbsp|amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e);
  return s.replace(/[\s\u00a0]+/g, ' ').trim();
}
