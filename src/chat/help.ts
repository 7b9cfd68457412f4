import type { Actor } from './actor.js';
import { message, type Reply } from './reply.js';
import { bold } from './text.js';
import type { CaravanFeature } from './verbs.js';

/** What the caller may do, feature by feature in the order they are listed: everyone's lines, then HR's when the caller is HR. */
export async function helpFor(features: readonly CaravanFeature[], actor: Actor, prefix: string): Promise<Reply> {
  const { c } = actor;
  const lines = (part: 'everyone' | 'hr') => features.flatMap((f) => f.help?.[part]?.(c, prefix) ?? []).map((l) => `• ${l}`);
  const everyone = lines('everyone');
  if (await actor.isAdmin()) everyone.push('', bold(c.help.hrTitle), ...lines('hr'));
  return message('info', everyone, c.help.title);
}
