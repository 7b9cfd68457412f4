/**
 * A small Slack on loopback: it answers the Web API methods the bot calls, records every call, and can
 * be told to answer 429 / 500 / ok:false. Bolt's client is pointed at it with SLACK_API_URL.
 * It is strict like Slack: a payload breaking a documented Block Kit rule is refused the way Slack
 * refuses it, and recorded so the test that caused it fails (strict-setup.ts).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkWebApiCall } from './slack-web-api-rules.js';
import { recordViolations } from './violations.js';

export interface SlackCall {
  method: string;
  form: Record<string, unknown>;
  authorization: string | undefined;
  at: number;
}

export interface ScriptedAnswer {
  status?: number;
  retryAfter?: number;
  body?: Record<string, unknown>;
  /** Answer this much later (a slow Slack); the call counts as received at once. */
  delayMs?: number;
}

type Responder = (call: SlackCall) => ScriptedAnswer | undefined;

export interface FakeSlack {
  url: string;
  apiUrl: string;
  calls: SlackCall[];
  callsTo(method: string): SlackCall[];
  /** Messages sent to response_url endpoints, by id. */
  responses: Array<{ id: string; body: unknown }>;
  /** Uploaded file bodies (files.getUploadURLExternal → POST upload_url). */
  uploads: Map<string, Buffer>;
  /** Files the bot may download at `${url}/files/<id>` with the right bearer token. */
  files: Map<string, { body: Buffer; contentType: string }>;
  users: Map<string, { locale?: string; name?: string }>;
  /** Messages chat.postMessage accepted, in order (what people would see); conversations.history reads them. */
  posted: Array<{ channel: string; ts: string; text: string; metadata: unknown }>;
  /** Answers for the next calls of a method, consumed in order; or a function consulted on every call. */
  script(method: string, answer: ScriptedAnswer | Responder): void;
  token: string;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseForm(raw: string): Record<string, unknown> {
  const form: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    form[k] = /^[[{]/.test(v) ? safeJson(v) : v;
  }
  return form;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function safeJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

export async function startFakeSlack(token = 'xoxb-test-token'): Promise<FakeSlack> {
  const calls: SlackCall[] = [];
  const responses: FakeSlack['responses'] = [];
  const uploads = new Map<string, Buffer>();
  const files: FakeSlack['files'] = new Map();
  const users: FakeSlack['users'] = new Map();
  const posted: FakeSlack['posted'] = [];
  const scripts = new Map<string, Array<ScriptedAnswer | Responder>>();
  let url = '';
  let seq = 0;

  const defaults = (call: SlackCall): Record<string, unknown> => {
    switch (call.method) {
      case 'auth.test':
        return { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T111', user: 'caravane' };
      case 'users.info': {
        const id = String(call.form.user ?? '');
        const u = users.get(id);
        return { ok: true, user: { id, name: u?.name ?? id.toLowerCase(), real_name: u?.name, locale: u?.locale, profile: {} } };
      }
      case 'views.open':
        return { ok: true, view: { id: `V${++seq}` } };
      case 'chat.postMessage': {
        const ts = `${Math.floor(Date.now() / 1000)}.${String(++seq).padStart(6, '0')}`;
        posted.push({ channel: String(call.form.channel ?? ''), ts, text: String(call.form.text ?? ''), metadata: call.form.metadata });
        return { ok: true, channel: call.form.channel, ts };
      }
      case 'conversations.history': {
        const oldest = Number(call.form.oldest ?? 0);
        const messages = posted
          .filter((p) => p.channel === call.form.channel && Number(p.ts) >= oldest)
          .reverse()
          .map((p) => ({ type: 'message', ts: p.ts, text: p.text, ...(p.metadata ? { metadata: p.metadata } : {}) }));
        return { ok: true, messages, has_more: false };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `${Date.now() / 1000}` };
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(call.form.users ?? '')}` } };
      case 'files.getUploadURLExternal': {
        const id = `F${++seq}`;
        return { ok: true, file_id: id, upload_url: `${url}/upload/${id}` };
      }
      case 'files.completeUploadExternal':
        return { ok: true, files: (call.form.files as Array<{ id: string }> | undefined)?.map((f) => ({ id: f.id })) ?? [] };
      case 'chat.delete':
      case 'files.delete':
        return { ok: true };
      default:
        return { ok: true };
    }
  };

  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(payload));
    };
    if (path.startsWith('/response/')) {
      const parsed = safeJson(body.toString('utf8'));
      const refused = checkWebApiCall('response_url', isRecord(parsed) ? parsed : {});
      if (refused) recordViolations('response_url', refused.found);
      if (refused?.answer) {
        send(200, refused.answer);
        return;
      }
      responses.push({ id: path.slice('/response/'.length), body: parsed });
      send(200, { ok: true });
      return;
    }
    if (path.startsWith('/upload/')) {
      uploads.set(path.slice('/upload/'.length), body);
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('OK');
      return;
    }
    if (path.startsWith('/files/')) {
      const file = files.get(path.slice('/files/'.length));
      if (req.headers.authorization !== `Bearer ${token}` || !file) {
        // What real Slack does for a missing or wrong token: a sign-in page with status 200.
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end('<!DOCTYPE html><html><body>Sign in to Slack</body></html>');
        return;
      }
      res.writeHead(200, { 'content-type': file.contentType });
      res.end(file.body);
      return;
    }
    if (!path.startsWith('/api/')) {
      send(404, { ok: false, error: 'unknown_path' });
      return;
    }
    const call: SlackCall = {
      method: path.slice('/api/'.length),
      form: parseForm(body.toString('utf8')),
      authorization: req.headers.authorization,
      at: Date.now(),
    };
    calls.push(call);
    const refused = checkWebApiCall(call.method, call.form);
    if (refused) recordViolations(call.method, refused.found);
    if (refused?.answer) {
      send(200, refused.answer);
      return;
    }
    const queue = scripts.get(call.method);
    let answer: ScriptedAnswer | undefined;
    if (queue && queue.length > 0) {
      const head = queue[0];
      if (typeof head === 'function') answer = head(call);
      else answer = queue.shift() as ScriptedAnswer;
    }
    if (answer) {
      if (answer.delayMs) await new Promise((r) => setTimeout(r, answer?.delayMs));
      const headers: Record<string, string> = answer.retryAfter !== undefined ? { 'retry-after': String(answer.retryAfter) } : {};
      send(answer.status ?? 200, answer.body ?? (answer.status === 429 ? { ok: false, error: 'ratelimited' } : defaults(call)), headers);
      return;
    }
    send(200, defaults(call));
  };

  const server: Server = createServer((req, res) => {
    handler(req, res).catch(() => {
      res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    apiUrl: `${url}/api/`,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    responses,
    uploads,
    files,
    users,
    posted,
    token,
    script(method, answer) {
      const queue = scripts.get(method) ?? [];
      queue.push(answer);
      scripts.set(method, queue);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
