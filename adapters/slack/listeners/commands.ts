import type { AllMiddlewareArgs, App, RespondFn, SlackCommandMiddlewareArgs, SlashCommand } from '@slack/bolt';
import { callerFor, type Caller } from '../../../src/chat/actor.js';
import { chatCommands, type CommandHandler } from '../../../src/chat/commands.js';
import { message } from '../../../src/chat/reply.js';
import { t } from '../../../src/shared/i18n/index.js';
import type { SlackContext } from '../context.js';
import { renderMessage, type SlackMessage } from '../render.js';
import { renderReply } from '../reply.js';
import { sendFilePrivately } from '../volunteers/files.js';

/** After Slack's 3 s a trigger id is dead: opening the form later cannot work, so stop waiting then. */
const TRIGGER_LIFE_MS = 3000;

/** What a slash command's handler gets from Bolt. */
type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/**
 * Slash commands answer in the HTTP response itself (ephemeral), so nothing else can be slower than the
 * work; nothing waits on Slack's Web API before that answer. What needs the Web API (a form, a file)
 * comes after it, and when Slack does not answer the person is told so through the response_url.
 *
 * Bolt hands every request to every listener, each through its own chain of matchers: the busiest
 * request of a campaign, a slash command, is taken instead by one global middleware that finds its
 * handler in a map, so none of the other listeners' chains runs for it.
 */
export function registerCommands(app: App, sc: SlackContext): void {
  const commands = new Map<string, (args: CommandArgs) => Promise<void>>();
  for (const [word, { handler }] of Object.entries(chatCommands)) commands.set(`/${word}`, commandListener(`/${word}`, handler, sc));
  app.use(async (args) => {
    const listener = 'command' in args ? commands.get(args.command.command) : undefined;
    if (listener && 'command' in args) await listener(args);
    else await args.next();
  });
}

function commandListener(name: string, handler: CommandHandler, sc: SlackContext): (args: CommandArgs) => Promise<void> {
  return async ({ command, ack, client, logger, respond }) => {
    let caller: Caller | undefined;
    try {
      caller = callerFor(sc.deps, await sc.people.identity(command.team_id, command.user_id, command.enterprise_id));
      const reply = await handler(sc.deps, caller, command.text ?? '', {
        // A command has no event id; its trigger id is unique per invocation and repeats only on redelivery.
        idempotencyKey: command.trigger_id ? `slack:command:${command.trigger_id}` : null,
        prefix: '/',
        where: command.channel_id
          ? {
              destination: { platform: 'slack', channelId: command.channel_id },
              kind: slackKind(command.channel_id),
              name: channelName(command.channel_name),
            }
          : undefined,
      });
      const actor = await caller.actor();
      const c = actor.c;
      const apologise = (text: string) => (error: unknown) => {
        logger.warn(`command ${name}: ${error instanceof Error ? error.message : 'unknown error'}`);
        return respond({ response_type: 'ephemeral', replace_original: false, ...renderMessage(message('error', [text])) }).then(
          () => undefined,
          () => logger.warn(`command ${name}: the apology could not be delivered either`),
        );
      };
      const answer = renderReply(actor, reply, command.channel_id ?? null);
      if (answer.kind === 'modal') {
        await ack();
        await withDeadline(client.views.open({ trigger_id: command.trigger_id, view: answer.view }), TRIGGER_LIFE_MS).catch(async (error: unknown) => {
          // Already acknowledged: without this the person would get no form and no word at all. Slack
          // answering with an error is our fault (sorry); no answer in time is Slack's (try again).
          logger.error(`command ${name}: form not opened: ${error instanceof Error ? error.message : 'unknown error'}`);
          const text = slackAnswered(error) ? c.common.sorry : c.common.formUnavailable;
          await tellAfterAck(respond, client, command, renderMessage(message('error', [text])));
        });
        return;
      }
      if (answer.kind === 'file') {
        await ack({ response_type: 'ephemeral', ...answer.sent });
        await sendFilePrivately(sc.client, command.user_id, answer.file).catch(apologise(c.common.fileUnavailable));
        return;
      }
      await ack({ response_type: 'ephemeral', ...answer.message });
    } catch (error) {
      logger.error(`command ${name} failed: ${String(error)}`);
      // Not met yet (the failure came before the person was looked up): the language Slack gave, else ours.
      const c = caller?.known()?.c ?? t(caller?.identity.locale ?? sc.deps.defaultLocale);
      await ack({ response_type: 'ephemeral', ...renderMessage(message('error', [c.common.sorry])) }).catch(() => undefined);
    }
  };
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

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from Slack within ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** Slack answered, with an error of its own (as opposed to no answer, a time-out or a network failure). */
function slackAnswered(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'slack_webapi_platform_error';
}

/** Slack sends `directmessage` or `privategroup` instead of a name where it gives none. */
function channelName(raw: string | undefined): string | undefined {
  const name = raw?.trim().slice(0, 80);
  return name && name !== 'directmessage' && name !== 'privategroup' ? name : undefined;
}

/** Slack channel ids tell their kind: D… direct message, G… private channel or group DM, C… channel. */
function slackKind(channelId: string): 'channel' | 'group' | 'direct' {
  if (channelId.startsWith('D')) return 'direct';
  return 'channel';
}
