/**
 * Photos on Slack as people send them: files shared in the bot's direct messages, the buttons of the
 * bot's messages clicked, and what a message says. For tests that need photos in review or published.
 */
import { expect } from 'vitest';
import { z } from 'zod';
import type { TestBot } from './bot.js';
import { until } from './photos.js';
import { payloadBody, postToSlackEndpoint, slashCommandBody } from './slack-sign.js';

let seq = 0;
type Call = { form: Record<string, unknown> } | undefined;

/** Everything a Slack message shows: its blocks and its fallback text. */
export const blocksText = (call: Call) => JSON.stringify(call?.form.blocks ?? '') + String(call?.form.text ?? '');

/** The value of the button with this action id in a message's blocks ('' when there is none). */
export function buttonValue(call: Call, actionId: string): string {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      if ('action_id' in node && node.action_id === actionId && 'value' in node && typeof node.value === 'string') found.push(node.value);
      Object.values(node).forEach(walk);
    }
  };
  walk(call?.form.blocks);
  return found[0] ?? '';
}

/** A JPEG shared in `user`'s direct message with the bot; resolves to the bot's answer there. */
export async function shareJpeg(t: TestBot, user: string, fileId: string, body: Buffer, text = '') {
  t.slack.files.set(fileId, { body, contentType: 'image/jpeg' });
  const ts = `1766000000.${String(++seq).padStart(6, '0')}`;
  const url = `${t.slack.url}/files/${fileId}`;
  const event = {
    type: 'message',
    subtype: 'file_share',
    channel: `D${user}`,
    channel_type: 'im',
    user,
    text,
    ts,
    event_ts: ts,
    upload: false,
    display_as_bot: false,
    files: [
      {
        id: fileId,
        name: `${fileId}.jpg`,
        title: `${fileId}.jpg`,
        mimetype: 'image/jpeg',
        filetype: 'jpg',
        size: body.length,
        mode: 'hosted',
        url_private: url,
        url_private_download: url,
      },
    ],
  };
  const envelope = {
    token: 'x',
    team_id: 'T111',
    api_app_id: 'A111',
    type: 'event_callback',
    event_id: `EvShare${seq}`,
    event_time: 1766000000,
    event,
    authorizations: [{ team_id: 'T111', user_id: 'UBOT', is_bot: true }],
  };
  const before = t.slack.callsTo('chat.postMessage').length;
  expect((await postToSlackEndpoint(t.url, { body: JSON.stringify(envelope), contentType: 'application/json' })).status).toBe(200);
  const answer = () =>
    t.slack
      .callsTo('chat.postMessage')
      .slice(before)
      .find((c) => c.form.channel === `D${user}`);
  await until(() => answer() !== undefined, 'the answer to an upload');
  return answer();
}

/** `user` clicks a button of a message in their direct messages. */
export async function click(t: TestBot, user: string, actionId: string, value: string): Promise<void> {
  const payload = {
    type: 'block_actions',
    user: { id: user, team_id: 'T111' },
    team: { id: 'T111' },
    api_app_id: 'A111',
    trigger_id: `trig.${++seq}`,
    container: { type: 'message', channel_id: `D${user}`, message_ts: `17.${seq}` },
    actions: [{ action_id: actionId, block_id: 'b', value, type: 'button', action_ts: '1' }],
  };
  expect((await postToSlackEndpoint(t.url, { body: payloadBody(payload) })).status).toBe(200);
}

/** HR submits the reason form that the Reject button opened (the last `views.open`). */
export async function submitReason(t: TestBot, user: string, reason: string): Promise<void> {
  const view = z.object({ private_metadata: z.string(), callback_id: z.string() }).parse(t.slack.callsTo('views.open').at(-1)?.form.view);
  const submission = {
    type: 'view_submission',
    user: { id: user, team_id: 'T111' },
    team: { id: 'T111' },
    api_app_id: 'A111',
    trigger_id: `trig.${++seq}`,
    view: {
      id: `V${seq}`,
      team_id: 'T111',
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      state: { values: { 'photos.reason': { value: { type: 'plain_text_input', value: reason } } } },
    },
  };
  expect((await postToSlackEndpoint(t.url, { body: payloadBody(submission) })).status).toBe(200);
}

/** A `/caravan …` command in `user`'s direct messages; the private answer's text. */
export async function caravanDm(t: TestBot, user: string, text: string): Promise<string> {
  const res = await postToSlackEndpoint(t.url, { body: slashCommandBody('/caravan', text, { user, channel: `D${user}` }) });
  expect(res.status).toBe(200);
  const raw = await res.text();
  return raw ? String((JSON.parse(raw) as { text?: string }).text ?? '') : '';
}
