import { createHmac } from 'node:crypto';

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
  return fetch(`${baseUrl}/slack/events`, { method: 'POST', headers, body: post.body });
}

let trigger = 0;

/** A slash command body shaped like fixture 02, with our command and text. */
export function slashCommandBody(
  command: string,
  text: string,
  opts: { user?: string; team?: string; channel?: string; responseUrl?: string; triggerId?: string } = {},
): string {
  return new URLSearchParams({
    token: 'verification_token',
    team_id: opts.team ?? 'T111',
    team_domain: 'test-domain',
    channel_id: opts.channel ?? 'C111',
    channel_name: 'random',
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
