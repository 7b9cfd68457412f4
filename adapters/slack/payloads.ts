/**
 * The shape of everything Slack sends to POST /slack/events, as far as the bot reads it. The gate
 * refuses what does not parse (400, nothing touched), so Bolt and our listeners only ever see bodies
 * shaped like Slack's: no `view: null` reaching Bolt, no command without a user reaching the database.
 * Objects stay loose: Slack adds fields over time and those must not turn genuine requests away.
 */
import { z } from 'zod';

/** Slack's ids are short upper-case words (T…, U…, W…, C…, E…); a few hundred characters is already absurd. */
const id = z.string().min(1).max(64);
const text = (max: number) => z.string().max(max);
/** Larger than anything Slack sends (a slash command's text is at most a few thousand characters). */
const TEXT_MAX = 12_000;

export const slashCommand = z.looseObject({
  command: z.string().regex(/^\/[\w-]{1,32}$/),
  text: text(TEXT_MAX).optional(),
  team_id: id,
  user_id: id,
  channel_id: id.optional(),
  trigger_id: text(200).optional(),
  response_url: z.url().max(2000).optional(),
  enterprise_id: id.optional(),
  api_app_id: id.optional(),
});

const user = z.looseObject({ id, team_id: id.optional(), name: text(200).optional(), username: text(200).optional() });
const team = z.looseObject({ id, enterprise_id: id.optional() }).nullable();
/** Bolt itself reads `channel.id`, `message` and `response_urls` when they are present: null there is a 500. */
const interaction = {
  user,
  team: team.optional(),
  enterprise: z.looseObject({ id }).nullish(),
  trigger_id: text(200).optional(),
  channel: z.looseObject({ id }).optional(),
  message: z.looseObject({ ts: text(40).optional() }).optional(),
  response_urls: z
    .array(z.looseObject({ response_url: z.url().max(2000), channel_id: id.optional() }))
    .max(20)
    .optional(),
};
const view = z.looseObject({
  id,
  callback_id: text(255),
  team_id: id.optional().nullable(),
  private_metadata: text(TEXT_MAX).optional(),
  state: z.looseObject({ values: z.record(z.string(), z.record(z.string(), z.looseObject({ type: text(100) }))) }).optional(),
});
const action = z.looseObject({ action_id: text(255), block_id: text(255).optional(), type: text(100).optional(), value: text(TEXT_MAX).optional() });

export const interactive = z.discriminatedUnion('type', [
  z.looseObject({
    type: z.literal('block_actions'),
    ...interaction,
    actions: z.array(action).min(1).max(25),
    container: z.looseObject({ type: text(100) }).optional(),
    view: view.optional(),
    response_url: z.url().max(2000).optional(),
  }),
  z.looseObject({ type: z.literal('view_submission'), ...interaction, view: view.extend({ state: view.shape.state.unwrap() }) }),
  z.looseObject({ type: z.literal('view_closed'), ...interaction, view }),
  z.looseObject({ type: z.enum(['shortcut', 'message_action']), ...interaction, callback_id: text(255) }),
  z.looseObject({ type: z.literal('block_suggestion'), ...interaction, action_id: text(255), value: text(TEXT_MAX) }),
]);

const file = z.looseObject({ id, name: text(1000).nullish(), mimetype: text(255).optional(), size: z.number().int().nonnegative().optional() });

/** Message events: the only kind whose fields the bot reads (direct messages, photos sent to it). */
const messageEvent = z.looseObject({
  type: z.literal('message'),
  channel: id,
  ts: text(40),
  user: id.optional(),
  text: text(TEXT_MAX * 4).optional(),
  subtype: text(100).optional(),
  channel_type: text(40).optional(),
  files: z.array(file).max(100).optional(),
});
const otherEvent = z.looseObject({ type: text(100).refine((t) => t !== 'message') });

export const eventEnvelope = z.discriminatedUnion('type', [
  z.looseObject({
    type: z.literal('event_callback'),
    team_id: id,
    event_id: text(100).min(1),
    enterprise_id: id.nullish(),
    event: z.union([messageEvent, otherEvent]),
  }),
  z.looseObject({ type: z.literal('url_verification'), challenge: text(500) }),
  z.looseObject({ type: z.literal('app_rate_limited'), minute_rate_limited: z.number().optional() }),
]);

/** A body as Socket Mode hands it over (already JSON): a slash command, an interaction or an event envelope. */
export function shapedLikeSlack(body: unknown): boolean {
  return slashCommand.safeParse(body).success || interactive.safeParse(body).success || eventEnvelope.safeParse(body).success;
}
