/**
 * What the fake Slack checks per Web API method before answering, and how it refuses: the required
 * arguments from each method's page (https://docs.slack.dev/reference/methods/<method>) and the Block
 * Kit limits of block-kit-rules.ts. A refusal is shaped like Slack's (`ok:false`, an error code and
 * `response_metadata.messages` naming the JSON pointer).
 */
import { checkMessage, checkView, slackMessages, type Violation } from './block-kit-rules.js';

type Form = Record<string, unknown>;

/** Methods the fake knows, with their required arguments. Anything else is `unknown_method`, as on Slack. */
const REQUIRED: Record<string, readonly string[]> = {
  'auth.test': [],
  // Socket Mode: called with the app-level token, no arguments (docs.slack.dev/reference/methods/apps.connections.open).
  'apps.connections.open': [],
  'users.info': ['user'],
  'conversations.open': [],
  'conversations.history': ['channel'],
  'chat.postMessage': ['channel'],
  'chat.postEphemeral': ['channel', 'user'],
  'chat.update': ['channel', 'ts'],
  'chat.delete': ['channel', 'ts'],
  'views.open': ['trigger_id', 'view'],
  'views.push': ['trigger_id', 'view'],
  'views.update': ['view'],
  'files.getUploadURLExternal': ['filename', 'length'],
  'files.completeUploadExternal': ['files'],
  'files.info': ['file'],
  'files.delete': ['file'],
  response_url: [],
};

const MESSAGE_METHODS = new Set(['chat.postMessage', 'chat.postEphemeral', 'chat.update', 'response_url']);

export interface Refusal {
  found: Violation[];
  /** Slack's refusal; undefined when Slack only warns and carries the call out. */
  answer?: Record<string, unknown>;
}

const refuse = (error: string, found: Violation[]): Refusal => ({
  found,
  answer: { ok: false, error, response_metadata: { messages: slackMessages(found) } },
});

/** Undefined when Slack would accept the call; else what was broken and Slack's answer. */
export function checkWebApiCall(method: string, form: Form): Refusal | undefined {
  const required = REQUIRED[method];
  if (!required) return refuse('unknown_method', [{ rule: 'method the fake Slack does not know', at: '/', value: method }]);
  const missing = required.filter((arg) => form[arg] === undefined || form[arg] === '');
  if (missing.length > 0)
    return refuse(
      'invalid_arguments',
      missing.map((arg) => ({ rule: 'missing required argument', at: `/${arg}`, value: arg })),
    );
  if (method === 'conversations.open' && form.users === undefined && form.channel === undefined) {
    return refuse('invalid_arguments', [{ rule: 'conversations.open needs users or channel', at: '/users', value: '' }]);
  }
  // Person-text marks (src/chat/text.ts) left in a payload mean a text skipped the Slack renderer, unescaped.
  const raw = JSON.stringify(form);
  if (/[\u2061-\u2064]/.test(raw)) {
    const at = raw.search(/[\u2061-\u2064]/);
    return { found: [{ rule: 'person text not rendered (its marks reached Slack)', at: '/', value: raw.slice(Math.max(0, at - 60), at + 60) }] };
  }
  if (MESSAGE_METHODS.has(method)) return messageCall(form);
  if (method.startsWith('views.')) {
    const found = checkView(form.view);
    return found.length > 0 ? refuse('invalid_arguments', found) : undefined;
  }
  if (method === 'files.completeUploadExternal' && form.blocks !== undefined) return messageCall(form);
  return undefined;
}

function messageCall(form: Form): Refusal | undefined {
  if (form.blocks === undefined && (typeof form.text !== 'string' || form.text === '') && form.attachments === undefined) {
    // chat.postMessage errors: `no_text` when neither text nor blocks nor attachments are given.
    return refuse('no_text', [{ rule: 'message with neither text nor blocks', at: '/text', value: '' }]);
  }
  const found = checkMessage(form);
  if (found.length === 0) return undefined;
  // A missing text fallback is only a warning on Slack: the message is posted, the notification is empty.
  if (found.every((v) => v.warning)) return { found };
  return refuse('invalid_blocks', found);
}
