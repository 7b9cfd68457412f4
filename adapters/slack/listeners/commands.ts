import type { App, RespondFn, SlashCommand } from '@slack/bolt';
import { actorFor, type Actor } from '../../../src/chat/actor.js';
import { chatCommands } from '../../../src/chat/commands.js';
import { message, type Reply } from '../../../src/chat/reply.js';
import { t } from '../../../src/shared/i18n/index.js';
import type { SlackContext } from '../context.js';
import { announceComposeModal } from '../announce-modal.js';
import { pledgeModal, renderMessage, type SlackMessage } from '../render.js';
import { sendFilePrivately } from '../volunteers/files.js';
import { volunteerFormView } from '../volunteers/modals.js';

/** Slash commands answer in the HTTP response itself (ephemeral), so nothing else can be slower than the work. */
export function registerCommands(app: App, sc: SlackContext): void {
  for (const [word, { handler }] of Object.entries(chatCommands)) {
    const name = `/${word}`;
    app.command(name, async ({ command, ack, respond, client, logger }) => {
      let actor: Actor | undefined;
      try {
        actor = await actorFor(sc.deps, await sc.people.identity(command.team_id, command.user_id));
        const reply = await handler(sc.deps, actor, command.text ?? '', {
          // A command has no event id; its trigger id is unique per invocation and repeats only on redelivery.
          idempotencyKey: command.trigger_id ? `slack:command:${command.trigger_id}` : null,
          prefix: '/',
          where: command.channel_id
            ? { destination: { platform: 'slack', channelId: command.channel_id }, kind: slackKind(command.channel_id) }
            : undefined,
        });
        if (reply.kind === 'form') {
          await ack();
          const c = actor.c;
          await openForm(client, command, actor, reply).catch(async (error: unknown) => {
            // Already acknowledged: without this the person would get no form and no word at all.
            logger.error(`command ${name}: form not opened: ${error instanceof Error ? error.message : 'unknown error'}`);
            await tellAfterAck(respond, client, command, renderMessage(message('error', [c.common.sorry])));
          });
          return;
        }
        if (reply.kind === 'file') {
          await ack({ response_type: 'ephemeral', ...renderMessage(reply.sent) });
          await sendFilePrivately(sc.client, command.user_id, reply).catch(async (error: unknown) => {
            logger.error(`command ${name}: private file not delivered: ${error instanceof Error ? error.message : 'unknown error'}`);
            await client.chat.postMessage({ channel: command.user_id, ...renderMessage(message('error', [(actor?.c ?? t(sc.deps.defaultLocale)).common.sorry])) });
          });
          return;
        }
        await ack({ response_type: 'ephemeral', ...renderMessage(reply) });
      } catch (error) {
        logger.error(`command ${name} failed: ${String(error)}`);
        const c = actor?.c ?? t(sc.deps.defaultLocale);
        await ack({ response_type: 'ephemeral', ...renderMessage(message('error', [c.common.sorry])) }).catch(() => undefined);
      }
    });
  }
}

/** After the ack: through the command's response_url, else as an ephemeral, else in the person's DM. */
async function tellAfterAck(respond: RespondFn, client: App['client'], command: SlashCommand, msg: SlackMessage): Promise<void> {
  try {
    await respond({ response_type: 'ephemeral', ...msg });
    return;
  } catch {
    // The response_url may have expired or been used up: try the Web API.
  }
  try {
    await client.chat.postEphemeral({ channel: command.channel_id, user: command.user_id, ...msg });
  } catch {
    await client.chat.postMessage({ channel: command.user_id, ...msg }).catch(() => undefined);
  }
}

async function openForm(client: App['client'], command: SlashCommand, actor: Actor, reply: Reply & { kind: 'form' }) {
  await client.views.open({
    trigger_id: command.trigger_id,
    view:
      reply.form === 'volunteer' || reply.form === 'trip'
        ? volunteerFormView(actor, reply, command.channel_id ?? null)
        : reply.form === 'announce'
        ? announceComposeModal(actor.c, reply.intro, { locale: actor.locale })
        : pledgeModal(actor.c, reply, { channel: command.channel_id ?? null, locale: actor.locale }),
  });
}

/** Slack channel ids tell their kind: D… direct message, G… private channel or group DM, C… channel. */
function slackKind(channelId: string): 'channel' | 'group' | 'direct' {
  if (channelId.startsWith('D')) return 'direct';
  return 'channel';
}
