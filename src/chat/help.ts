import type { Actor } from './actor.js';
import { message, type Reply } from './reply.js';
import { bold } from './text.js';

/** What the caller may do: everyone's commands, and HR's when the caller is HR. */
export async function helpReply(actor: Actor, prefix: string): Promise<Reply> {
  const { c } = actor;
  const lines = [...c.help.everyone(prefix), ...c.volunteers.help.everyone(prefix), ...c.needs.help.everyone(prefix), ...c.photos.help(prefix)].map(
    (l) => `• ${l}`,
  );
  if (await actor.isAdmin())
    lines.push(
      '',
      bold(c.help.hrTitle),
      ...[
        ...c.help.hr(prefix),
        ...c.volunteers.help.hr(prefix),
        ...c.needs.help.hr(prefix),
        ...c.broadcasts.help(prefix),
        ...c.photos.hrHelp(prefix),
        ...c.dashboard.help(prefix),
      ].map((l) => `• ${l}`),
    );
  return message('info', lines, c.help.title);
}
