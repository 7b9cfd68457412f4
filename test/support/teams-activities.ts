/**
 * Bot Framework activities as Teams sends them (shaped on the fixtures in test/fixtures/teams), and
 * a poster for `/api/messages`.
 */
import { randomUUID } from 'node:crypto';
import { checkInvokeAnswer } from './teams-conformance.js';

export const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const BOT = { id: '28:c9e8c047-2a74-40a2-b28a-b162d5f5327c', name: 'Caravane' };

export interface Person {
  aadObjectId: string;
  id: string;
  name: string;
  tenantId?: string;
}

export const person = (n: number | string, over: Partial<Person> = {}): Person => ({
  aadObjectId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  id: `29:user-${n}`,
  name: `Person ${n}`,
  ...over,
});

type Activity = Record<string, unknown>;

/** A message in the person's 1:1 chat with the bot (fixture 03's shape). */
export function personalMessage(serviceUrl: string, who: Person, text: string, over: Activity = {}): Activity {
  const tenant = who.tenantId ?? TENANT;
  return {
    type: 'message',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    serviceUrl,
    channelId: 'msteams',
    from: { id: who.id, name: who.name, aadObjectId: who.aadObjectId },
    conversation: { conversationType: 'personal', id: `a:personal-${who.aadObjectId}`, tenantId: tenant },
    recipient: BOT,
    textFormat: 'plain',
    text,
    channelData: { tenant: { id: tenant } },
    locale: 'en-US',
    ...over,
  };
}

export const CHANNEL = '19:6848757105754c8981c67612732d9aa7@thread.tacv2';
export const TEAM = '19:66P469zibfbsGI-_a0aN_toLTZpyzS6u7CT3TsXdgPw1@thread.tacv2';

/** A message in a channel thread that @mentions the bot (fixture 01's shape). */
export function channelMessage(serviceUrl: string, who: Person, text: string, over: Activity = {}): Activity {
  const id = String(Date.now()) + String(Math.floor(Math.random() * 1000));
  return {
    type: 'message',
    id,
    serviceUrl,
    channelId: 'msteams',
    from: { id: who.id, name: who.name, aadObjectId: who.aadObjectId },
    conversation: { id: `${CHANNEL};messageid=${id}`, isGroup: true, conversationType: 'channel', tenantId: TENANT },
    recipient: BOT,
    text,
    entities: [{ type: 'mention', text: `<at>${BOT.name}</at>`, mentioned: BOT }],
    channelData: { channel: { id: CHANNEL }, team: { id: TEAM }, tenant: { id: TENANT } },
    locale: 'en-US',
    ...over,
  };
}

/** The `adaptiveCard/action` invoke Teams sends for Action.Execute (fixture 02's shape). */
export function executeInvoke(serviceUrl: string, who: Person, data: Record<string, unknown>, over: Activity = {}): Activity {
  return {
    ...personalMessage(serviceUrl, who, ''),
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: `f:${randomUUID()}`,
    text: undefined,
    value: { action: { type: 'Action.Execute', verb: 'pledge.submit', title: 'Pledge', data }, trigger: 'manual' },
    replyToId: 'card-activity',
    ...over,
  };
}

/** The message Teams sends for the legacy Action.Submit: no text, the inputs in `value` (fixture 07's path). */
export function submitMessage(serviceUrl: string, who: Person, data: Record<string, unknown>, replyToId: string): Activity {
  return { ...personalMessage(serviceUrl, who, ''), text: undefined, value: data, replyToId };
}

export interface Posted {
  status: number;
  body: unknown;
}

/** POSTs raw text or an activity to `/api/messages`. */
export async function postActivity(botUrl: string, activity: Activity | string, headers: Record<string, string> = {}): Promise<Posted> {
  const res = await fetch(`${botUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof activity === 'string' ? activity : JSON.stringify(activity),
  });
  const raw = await res.text();
  let body: unknown = raw;
  try {
    body = raw === '' ? undefined : JSON.parse(raw);
  } catch {
    // not JSON: keep the text
  }
  if (typeof activity !== 'string' && activity.type === 'invoke' && activity.name === 'adaptiveCard/action' && res.status < 400) {
    checkInvokeAnswer(res.status, body, 'answer to adaptiveCard/action');
  }
  return { status: res.status, body };
}
