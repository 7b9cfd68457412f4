import { createHmac } from 'node:crypto';
import { checkMessage, checkViewAnswer } from './block-kit-rules.js';
import { recordViolations } from './violations.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

/** `v0=` + HMAC-SHA256(secret, `v0:{ts}:{body}`), exactly as Slack signs a request. */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SlackPost {
  body: string;
  contentType?: string;
  timestamp?: number;
  secret?: string;
  signature?: string | null;
  headers?: Record<string, string>;
}

/** POSTs raw bytes to /slack/events, signed like Slack (or not, when `signature: null`). */
export async function postToSlackEndpoint(baseUrl: string, post: SlackPost): Promise<Response> {
  const ts = post.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': post.contentType ?? 'application/x-www-form-urlencoded',
    ...post.headers,
  };
  if (post.signature !== null) {
    headers['x-slack-request-timestamp'] = String(ts);
    headers['x-slack-signature'] = post.signature ?? slackSignature(post.secret ?? SIGNING_SECRET, ts, post.body);
  }
  const res = await fetch(`${baseUrl}/slack/events`, { method: 'POST', headers, body: post.body });
  if (post.signature === undefined && post.secret === undefined) await checkAnswer(post.body, res.clone());
  return res;
}

/**
 * The bot's HTTP answer, checked like Slack reads it: a slash command's body is a message
 * (https://docs.slack.dev/interactivity/implementing-slash-commands#responding_to_commands), a
 * view_submission's is a response_action (https://docs.slack.dev/surfaces/modals#updating_response),
 * anything else is an empty 200.
 */
async function checkAnswer(requestBody: string, res: Response): Promise<void> {
  const text = await res.text();
  if (res.status !== 200 || text === '') return;
  const form = new URLSearchParams(requestBody);
  let answer: unknown;
  try {
    answer = JSON.parse(text);
  } catch {
    return;
  }
  const record = recordViolations;
  // Person-text marks (src/chat/text.ts) in an answer mean a text skipped the Slack renderer, unescaped.
  const mark = text.search(/[\u2061-\u2064]/);
  if (mark >= 0)
    record('HTTP answer', [{ rule: 'person text not rendered (its marks reached Slack)', at: '/', value: text.slice(Math.max(0, mark - 60), mark + 60) }]);
  if (form.has('command')) {
    const body = typeof answer === 'object' && answer !== null && !Array.isArray(answer) ? Object.fromEntries(Object.entries(answer)) : {};
    const found = checkMessage(body);
    if (body.response_type !== undefined && body.response_type !== 'ephemeral' && body.response_type !== 'in_channel') {
      found.push({ rule: 'response_type must be ephemeral or in_channel', at: '/response_type', value: String(body.response_type) });
    }
    record(`slash command ${form.get('command') ?? ''} answer`, found);
    return;
  }
  const payload = parsePayload(form.get('payload'));
  if (payload?.type === 'view_submission') record('view_submission answer', checkViewAnswer(answer, payload.view));
}

function parsePayload(raw: string | null): { type?: unknown; view?: unknown } | undefined {
  if (raw === null) return undefined;
  try {
    const v: unknown = JSON.parse(raw);
    return typeof v === 'object' && v !== null ? v : undefined;
  } catch {
    return undefined;
  }
}

let trigger = 0;

/** A slash command body shaped like fixture 02, with our command and text. */
export function slashCommandBody(
  command: string,
  text: string,
  opts: { user?: string; team?: string; channel?: string; channelName?: string; responseUrl?: string; triggerId?: string } = {},
): string {
  return new URLSearchParams({
    token: 'verification_token',
    team_id: opts.team ?? 'T111',
    team_domain: 'test-domain',
    channel_id: opts.channel ?? 'C111',
    channel_name: opts.channelName ?? 'random',
    user_id: opts.user ?? 'U111',
    user_name: 'someone',
    command,
    text,
    api_app_id: 'A111',
    response_url: opts.responseUrl ?? 'https://hooks.slack.com/commands/T111/111/xxxxx',
    trigger_id: opts.triggerId ?? `${Date.now()}.${++trigger}.${Math.random().toString(16).slice(2)}`,
  }).toString();
}

/** An interactive payload (block_actions, view_submission) as Slack sends it: `payload=<json>`. */
export function payloadBody(payload: unknown): string {
  return `payload=${encodeURIComponent(JSON.stringify(payload))}`;
}
