import type { App } from '@slack/bolt';
import { callerFor, type Caller } from '../../../src/chat/actor.js';
import { caravanCommand } from '../../../src/chat/caravan-command.js';
import { findCommand } from '../../../src/chat/commands.js';
import { message } from '../../../src/chat/reply.js';
import { t } from '../../../src/shared/i18n/index.js';
import type { SlackContext } from '../context.js';
import type { SlackEventLog } from '../ports.js';
import { renderMessage } from '../render.js';
import { renderReply } from '../reply.js';
import { sendFilePrivately } from '../volunteers/files.js';

/**
 * Slack re-sends an event it thinks was lost (with X-Slack-Retry-Num). Each `event_id` is handled
 * once, whatever instance receives it: the first to insert it in Postgres wins.
 */
export function registerEventDedupe(app: App, events: Pick<SlackEventLog, 'firstSeen'>): void {
  app.use(async ({ body, next }) => {
    const eventId = (body as { type?: unknown; event_id?: unknown }).event_id;
    if ((body as { type?: unknown }).type !== 'event_callback' || typeof eventId !== 'string' || eventId === '') {
      await next();
      return;
    }
    if (await events.firstSeen(eventId)) await next();
  });
}

/** In the bot's direct messages, people may type commands without the slash: `pledge 500`. */
export function registerDirectMessages(app: App, sc: SlackContext): void {
  app.message(async ({ message: msg, client, body, logger }) => {
    if (msg.channel_type !== 'im' || ('subtype' in msg && msg.subtype !== undefined) || !('user' in msg) || !msg.user) return;
    // The bot's own messages carry its bot_id; Bolt may not know the bot's ids yet (auth.test runs in the background).
    if ('bot_id' in msg && msg.bot_id) return;
    const text = ('text' in msg ? (msg.text ?? '') : '').trim();
    const [word = '', ...rest] = text.split(/\s+/);
    const { team_id: teamId = '', enterprise_id: orgId } = body as { team_id?: string; enterprise_id?: string };
    const handler = findCommand(word)?.handler;
    let caller: Caller | undefined;
    try {
      caller = callerFor(sc.deps, await sc.people.identity(teamId, msg.user, orgId));
      const reply = handler
        ? await handler(sc.deps, caller, rest.join(' '), { idempotencyKey: `slack:event:${msg.channel}:${msg.ts}`, prefix: '/' })
        : await caravanCommand(sc.deps, await caller.actor(), 'help', { idempotencyKey: null, prefix: '/' });
      const actor = await caller.actor();
      const answer = renderReply(actor, reply, msg.channel);
      if (answer.kind === 'file') {
        // HR's export asked in the bot's DM: the file lands right there.
        await sendFilePrivately(sc.client, msg.user, answer.file);
        await client.chat.postMessage({ channel: msg.channel, ...answer.sent });
        return;
      }
      if (answer.kind === 'message') {
        await client.chat.postMessage({ channel: msg.channel, ...answer.message });
        return;
      }
      // A message event carries no trigger id, so no form can open here: say how to open it.
      const formHint = reply.kind === 'form' && (reply.form === 'volunteer' || reply.form === 'trip') ? actor.c.volunteers.form.useSlash : null;
      await client.chat.postMessage({ channel: msg.channel, ...renderMessage(message('info', [formHint ?? actor.c.help.everyone('/')[1] ?? ''])) });
    } catch (error) {
      logger.error(`direct message failed: ${String(error)}`);
      await client.chat
        .postMessage({
          channel: msg.channel,
          ...renderMessage(message('error', [(caller?.known()?.c ?? t(caller?.identity.locale ?? sc.deps.defaultLocale)).common.sorry])),
        })
        .catch(() => undefined);
    }
  });
}
