/**
 * What every modal submission listener does the same way: read the view's private metadata (ours,
 * but read as untrusted JSON) and who submitted it — workspace, user and, on Enterprise Grid, the
 * organisation, which the HR check needs as much as the workspace — and tell the answer privately.
 */
import type { App, SlackViewAction } from '@slack/bolt';
import type { SlackMessage } from './render.js';

/** `private_metadata` as JSON, or null when it is missing or not JSON; the caller parses it with zod. */
export function viewMetadata(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? '');
  } catch {
    return null;
  }
}

/** The submitter as `people.identity` takes it: team id, user id, Grid organisation id. */
export function submitter(body: SlackViewAction): [teamId: string, userId: string, orgId: string | undefined] {
  return [body.user.team_id ?? body.team?.id ?? body.view.team_id, body.user.id, body.enterprise?.id];
}

/** An ephemeral message in the channel the form was opened from, else a direct message. */
export async function tellPrivately(client: App['client'], user: string, channel: string | null, msg: SlackMessage): Promise<void> {
  if (channel) {
    try {
      await client.chat.postEphemeral({ channel, user, text: msg.text, blocks: msg.blocks });
      return;
    } catch {
      // Not in that channel any more (or it was a DM with someone else): fall through to a direct message.
    }
  }
  await client.chat.postMessage({ channel: user, text: msg.text, blocks: msg.blocks });
}
