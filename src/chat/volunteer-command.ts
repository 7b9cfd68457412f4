/**
 * `/volunteer …`: the sign-up form, the caller's sign-ups, and withdrawal. The same words on Slack
 * (slash command, direct message) and Teams.
 */
import type { VolunteerFeatureDeps } from '../volunteers/ports.js';
import { volunteerForm } from '../volunteers/forms.js';
import { parseVolunteerCommand } from '../volunteers/signup.js';
import { mySignups, withdraw } from '../volunteers/signups.service.js';
import { meetingText, roleName, stateText, tripDates } from '../volunteers/texts.js';
import type { Actor } from './actor.js';
import { helpReply } from './caravan-command.js';
import type { CommandContext } from './verbs.js';
import { message, type Reply } from './reply.js';
import { personText } from './text.js';

export async function volunteerCommand(deps: VolunteerFeatureDeps, actor: Actor, text: string, ctx: CommandContext): Promise<Reply> {
  const command = parseVolunteerCommand(text);
  switch (command.kind) {
    case 'form':
      return volunteerForm(deps, actor);
    case 'status':
      return statusReply(deps, actor, ctx.prefix);
    case 'cancel':
      return cancelReply(deps, actor, command.number, ctx.prefix);
    case 'cancel_usage':
      return message('error', [actor.c.volunteers.cancel.usage(ctx.prefix)]);
    case 'help':
      return helpReply(actor, ctx.prefix);
  }
}

/** The caller's active sign-ups: trip, role, confirmed or place in line, meeting point; never the phone itself. */
async function statusReply(deps: VolunteerFeatureDeps, actor: Actor, prefix: string): Promise<Reply> {
  const { c } = actor;
  const mine = await mySignups(deps, actor.person.id);
  if (mine.length === 0) return message('info', [c.volunteers.status.none(prefix)], c.volunteers.status.title);
  const lines: string[] = [];
  for (const { signup, trip, position, phoneHint } of mine) {
    lines.push(
      c.volunteers.status.item(signup.id, personText(trip.name), tripDates(c, trip), roleName(c, trip, signup.roleKey), stateText(c, signup, position)),
    );
    const meeting = meetingText(c, trip);
    if (meeting && signup.status === 'confirmed') lines.push(meeting);
    if (phoneHint) lines.push(c.volunteers.status.phone(phoneHint));
  }
  return message('info', [...lines, '', c.volunteers.status.cancelHow(prefix)], c.volunteers.status.title);
}

async function cancelReply(deps: VolunteerFeatureDeps, actor: Actor, number: number | null, prefix: string): Promise<Reply> {
  const { c } = actor;
  const result = await withdraw(deps, actor.person.id, number);
  if (!result.ok) {
    switch (result.error.code) {
      case 'signup.none':
        return message('info', [c.volunteers.cancel.none]);
      case 'signup.which':
        return message('error', [c.volunteers.cancel.which(prefix)]);
      case 'signup.not_found':
        return message('error', [c.volunteers.cancel.notFound(number ?? 0)]);
    }
  }
  return message('ok', [c.volunteers.cancel.done(result.value.signup.id, personText(result.value.trip.name))]);
}
