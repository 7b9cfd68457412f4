/**
 * A Bot Framework connector on loopback: it answers the calls botbuilder makes (replies, updates,
 * roster look-ups, new conversations), records each one, and can be told to answer 403 / 429 / 5xx.
 * Activities posted to the bot carry its URL as `serviceUrl`.
 * Strict like the real one: an activity that breaks a Teams rule (see teams-conformance.ts) gets a 400
 * and the violation fails the test that caused it.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkOutgoingActivity } from './teams-conformance.js';

export interface ConnectorCall {
  method: string;
  /** Decoded path, e.g. `/v3/conversations/19:abc@thread.tacv2;messageid=1/activities/2`. */
  path: string;
  conversationId: string | undefined;
  /** The activity id in the path: replied to (POST) or updated (PUT). */
  activityId: string | undefined;
  authorization: string | undefined;
  body: Record<string, unknown> | undefined;
}

export interface ConnectorAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

type Responder = (call: ConnectorCall) => ConnectorAnswer | undefined;

export interface FakeConnector {
  /** The serviceUrl to put in activities (ends with a slash, like Teams' own). */
  url: string;
  calls: ConnectorCall[];
  /** Messages the bot sent (POST …/activities), optionally only in one conversation. */
  sent(conversationId?: string): ConnectorCall[];
  /** Activities the bot replaced (PUT …/activities/{id}). */
  updated(conversationId?: string): ConnectorCall[];
  /** Activities the bot deleted (DELETE …/activities/{id}). */
  deleted(conversationId?: string): ConnectorCall[];
  /** Pasted images, served at `${url}v3/attachments/<id>/views/original` (as Teams does; the bot's token is recorded). */
  attachments: Map<string, { body: Buffer; contentType: string }>;
  /** Consulted before the default answers; return undefined to fall through. */
  respond(responder: Responder | null): void;
  close(): Promise<void>;
}

const CONVERSATION = /^\/v3\/conversations\/([^/]+)(?:\/(activities|members)(?:\/([^/]+))?)?\/?$/;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(raw: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(raw);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function defaultAnswer(call: ConnectorCall, n: number): ConnectorAnswer {
  const route = CONVERSATION.exec(call.path.split('?')[0] ?? '');
  if (call.method === 'POST' && call.path.replace(/\/$/, '') === '/v3/conversations') {
    return { status: 201, body: { id: `19:created-${n}@thread.tacv2`, activityId: `created-${n}` } };
  }
  if (route?.[2] === 'members' && call.method === 'GET') {
    const memberId = route[3] ?? '';
    return {
      status: 200,
      body: { id: memberId, name: 'Member', aadObjectId: `aad-${memberId.slice(-6)}`, userPrincipalName: 'member@example.test', tenantId: 'tenant' },
    };
  }
  if (route?.[2] === 'activities' && (call.method === 'POST' || call.method === 'PUT')) return { status: 200, body: { id: `activity-${n}` } };
  if (route?.[2] === 'activities' && call.method === 'DELETE') return { status: 200 };
  return { status: 404, body: { error: { code: 'NotFound', message: 'no such route in the fake connector' } } };
}

/** 400 BadArgument, as the Connector answers a payload it cannot take; undefined when the call is fine. */
function conformance(call: ConnectorCall): ConnectorAnswer | undefined {
  const where = `${call.method} ${call.path.split('?')[0] ?? ''}`;
  const isSend = (call.method === 'POST' || call.method === 'PUT') && /\/activities(\/|$)/.test(call.path);
  const created = call.method === 'POST' && call.path.replace(/\/$/, '') === '/v3/conversations' ? call.body?.activity : undefined;
  const activity = isSend ? call.body : created;
  if (activity === undefined) return undefined;
  const found = checkOutgoingActivity(activity, where);
  return found.length === 0 ? undefined : { status: 400, body: { error: { code: 'BadArgument', message: found.join('; ') } } };
}

export async function startFakeConnector(): Promise<FakeConnector> {
  const calls: ConnectorCall[] = [];
  let responder: Responder | null = null;
  const attachments: FakeConnector['attachments'] = new Map();
  const server: Server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const raw = await readBody(req);
    const path = decodeURIComponent(req.url ?? '/');
    const route = CONVERSATION.exec(path.split('?')[0] ?? '');
    const call: ConnectorCall = {
      method: req.method ?? 'GET',
      path,
      conversationId: route?.[1],
      activityId: route?.[2] === 'activities' ? route[3] : undefined,
      authorization: req.headers.authorization,
      body: parseJson(raw),
    };
    calls.push(call);
    const attachment = /^\/v3\/attachments\/([^/]+)\/views\/original$/.exec(path)?.[1];
    if (attachment !== undefined && req.method === 'GET') {
      const file = attachments.get(attachment);
      res.writeHead(file ? 200 : 404, { 'content-type': file?.contentType ?? 'application/json' });
      res.end(file?.body ?? '{}');
      return;
    }
    const refused = conformance(call);
    const answer = refused ?? responder?.(call) ?? defaultAnswer(call, calls.length);
    res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
    res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const isActivity = (c: ConnectorCall, method: string, conversationId?: string) =>
    c.method === method && /\/activities(\/|$)/.test(c.path) && (conversationId === undefined || c.conversationId === conversationId);
  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
    sent: (conversationId) => calls.filter((c) => isActivity(c, 'POST', conversationId)),
    updated: (conversationId) => calls.filter((c) => isActivity(c, 'PUT', conversationId)),
    deleted: (conversationId) => calls.filter((c) => isActivity(c, 'DELETE', conversationId)),
    attachments,
    respond(r) {
      responder = r;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
