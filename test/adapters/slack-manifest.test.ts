import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';

/**
 * The Slack app manifest against the code: every Web API method the bot calls is covered by a scope
 * it declares, every declared scope is used, every subscribed event has a listener. An app installed
 * from the manifest then neither fails with `missing_scope` nor asks people for more than it needs.
 */

const manifest = z
  .object({
    features: z.object({ slash_commands: z.array(z.object({ command: z.string() })) }),
    oauth_config: z.object({ scopes: z.object({ bot: z.array(z.string()) }) }),
    settings: z.object({ event_subscriptions: z.object({ bot_events: z.array(z.string()) }) }),
  })
  .parse(parse(readFileSync('adapters/slack/manifest.yml', 'utf8')));

/**
 * Scopes each method needs with a bot token, from its page at docs.slack.dev/reference/methods/<method>
 * ("Required scopes"). Several scopes for one method: one per kind of conversation it may touch.
 */
const METHOD_SCOPES: Record<string, readonly string[]> = {
  'auth.test': [], // docs.slack.dev/reference/methods/auth.test: no scope required
  'views.open': [], // docs.slack.dev/reference/methods/views.open: no scope, a trigger_id instead
  'chat.postMessage': ['chat:write'], // …/chat.postMessage (chat:write.public for channels not joined)
  'chat.postEphemeral': ['chat:write'], // …/chat.postEphemeral
  'chat.update': ['chat:write'], // …/chat.update
  'chat.delete': ['chat:write'], // …/chat.delete
  // …/conversations.history: one history scope per conversation type (public, private, DM, group DM).
  'conversations.history': ['channels:history', 'groups:history', 'im:history', 'mpim:history'],
  'conversations.open': ['im:write'], // …/conversations.open (one person: im:write)
  'users.info': ['users:read'], // …/users.info
  'files.info': ['files:read'], // …/files.info
  'files.delete': ['files:write'], // …/files.delete
  'files.getUploadURLExternal': ['files:write'], // …/files.getUploadURLExternal
  'files.completeUploadExternal': ['files:write'], // …/files.completeUploadExternal
};

/** Scopes needed for something other than a method call, and why. */
const OTHER_NEEDS: Record<string, string> = {
  commands: 'the slash commands declared in the manifest',
  // docs.slack.dev/reference/scopes/chat.write.public: post in public channels without joining them.
  'chat:write.public': 'digests and announcements in public campaign channels the bot was not invited to',
  // docs.slack.dev/reference/events/message.im: the message.im event needs im:history.
  'im:history': 'the message.im event (commands and photos in the bot’s direct messages)',
  // Downloading url_private of a shared photo needs files:read (docs.slack.dev/messaging/working-with-files).
  'files:read': 'downloading the photos people send the bot',
};

/** Each event the manifest may subscribe to and how its listener is registered in the code. */
const EVENT_LISTENERS: Record<string, RegExp> = {
  'message.im': /app\.(message\(|event\('message')/,
  'message.mpim': /app\.(message\(|event\('message')/,
  file_shared: /app\.event\('file_shared'/,
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [readFileSync(path, 'utf8')] : [];
  });
}

const code = sources('adapters').join('\n');

function methodsCalled(): Set<string> {
  const found = new Set<string>();
  for (const m of code.matchAll(/client\.(chat|conversations|users|files|views|auth)\.(\w+)\(/g)) found.add(`${m[1]}.${m[2]}`);
  // filesUploadV2 is two Web API calls (node-slack-sdk web-api/src/WebClient.ts, filesUploadV2).
  if (code.includes('filesUploadV2')) ['files.getUploadURLExternal', 'files.completeUploadExternal'].forEach((m) => found.add(m));
  // Bolt calls auth.test itself through our authorize function.
  if (code.includes('auth\n        .test(') || /auth\s*\.test\(/.test(code)) found.add('auth.test');
  return found;
}

describe('Slack manifest', () => {
  const scopes = new Set(manifest.oauth_config.scopes.bot);
  const called = methodsCalled();

  it('finds the Web API calls in the code (the scan itself works)', () => {
    expect([...called]).toEqual(expect.arrayContaining(['chat.postMessage', 'views.open', 'conversations.history', 'users.info']));
  });

  it('declares a scope for every Web API method the code calls', () => {
    const uncovered = [...called].filter((m) => {
      const needs = METHOD_SCOPES[m];
      return needs === undefined || needs.some((s) => !scopes.has(s));
    });
    expect(uncovered, 'methods whose scopes are missing (or not in METHOD_SCOPES)').toEqual([]);
  });

  it('declares no scope nothing needs', () => {
    const needed = new Set([...called].flatMap((m) => METHOD_SCOPES[m] ?? []).concat(Object.keys(OTHER_NEEDS)));
    expect([...scopes].filter((s) => !needed.has(s))).toEqual([]);
  });

  it('can read a group DM made a campaign channel (mpim:history)', () => {
    expect(scopes.has('mpim:history')).toBe(true);
  });

  it('has a listener for every subscribed event', () => {
    const events = manifest.settings.event_subscriptions.bot_events;
    expect(events.filter((e) => !EVENT_LISTENERS[e]?.test(code))).toEqual([]);
  });

  it('declares exactly the slash commands the bot answers', () => {
    const answered = readFileSync('src/chat/commands.ts', 'utf8');
    for (const { command } of manifest.features.slash_commands) expect(answered).toContain(`${command.slice(1)}:`);
  });
});
