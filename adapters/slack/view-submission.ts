/**
 * What every modal submission listener does the same way: read the view's private metadata (ours,
 * but read as untrusted JSON) and who submitted it — workspace, user and, on Enterprise Grid, the
 * organisation, which the HR check needs as much as the workspace — and tell the answer privately.
 */
import type { App, SlackViewAction } from '@slack/bolt';
import { z } from 'zod';
import type { SlackMessage } from './render.js';
import { slackPlain } from './text.js';

/** One input's state, whatever element it is (typed text, picked date, time, option or checkboxes); unknown keys ignored. */
const element = z.looseObject({
  value: z.string().max(5000).nullish().catch(null),
  selected_date: z.string().max(20).nullish().catch(null),
  selected_time: z.string().max(10).nullish().catch(null),
  selected_option: z
    .looseObject({ value: z.string().max(200) })
    .nullish()
    .catch(null),
  selected_options: z
    .array(z.looseObject({ value: z.string().max(200) }))
    .max(10)
    .nullish()
    .catch(null),
});
const stateValues = z.record(z.string(), z.record(z.string(), element.catch({}))).catch({});

/** A submitted view's `state.values` by block id (each input's action id is `value`); anything unreadable is empty. */
export type ViewValues = z.infer<typeof stateValues>;

export const viewValues = (state: unknown): ViewValues => stateValues.parse(state);

/** The text a block holds (typed, picked date, time or option), '' when empty or unreadable. */
export function inputText(values: ViewValues, blockId: string): string {
  const e = values[blockId]?.value;
  return e?.value ?? e?.selected_date ?? e?.selected_time ?? e?.selected_option?.value ?? '';
}

/** Whether a checkbox block has the option `value` ticked. */
export const ticked = (values: ViewValues, blockId: string, value: string): boolean =>
  (values[blockId]?.value?.selected_options ?? []).some((o) => o.value === value);

/** A form outcome's errors by field → errors by block, as Slack shows them: plain text, marks read. */
export function blockErrors<F extends string>(errors: Partial<Record<F, string>>, blockOf: (field: F) => string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, text] of Object.entries(errors) as Array<[F, string | undefined]>) if (text) out[blockOf(field)] = slackPlain(text).slice(0, 300);
  return out;
}

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
