import { currentProgress } from '../campaigns/campaigns.service.js';
import type { ChatDeps } from './deps.js';
import { collectPledge } from '../pledges/pledges.service.js';
import { photosCommand } from '../photos/photos-command.js';
import { collectErrorText, pledgeErrorText, progressText } from '../pledges/texts.js';
import { requireHr, type Actor } from './actor.js';
import { announceVerb, channelsVerb, channelVerb, milestoneVerb } from './broadcast-commands.js';
import { caravanVolunteerVerb } from './caravan-volunteers.js';
import { dashboardVerb, wallboardVerb } from './dashboard-commands.js';
import { helpReply } from './help.js';
import { caravanNeedsVerb, NEEDS_VERBS } from './needs/caravan-needs.js';
import type { CommandContext } from './pledge-command.js';
import { message, type Reply } from './reply.js';
import type { VolunteerFeatureDeps } from '../volunteers/ports.js';

/** `/caravan …`: progress for everyone, help, and HR's tools. */
export async function caravanCommand(deps: ChatDeps, actor: Actor, text: string, ctx: CommandContext): Promise<Reply> {
  const { c } = actor;
  const words = text
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
  const verb = (words[0] ?? '').toLowerCase();
  // Announcements keep their text as typed (line breaks included): everything after the verb.
  const rest = text
    .trim()
    .slice((words[0] ?? '').length)
    .trim();
  switch (verb) {
    case '':
    case 'status':
    case 'progress':
    case 'progres':
    case 'progrès':
      return progressReply(deps, actor);
    case 'help':
    case 'aide':
      return helpReply(actor, ctx.prefix);
    case 'collect':
    case 'collecter':
    case 'collecte': {
      const hr = await requireHr(actor);
      if (!hr) return message('error', [c.common.notAdmin]);
      const n = (words[1] ?? '').replace(/^#/, '');
      if (!/^\d{1,15}$/.test(n) || words.length !== 2) return message('error', [c.pledge.collectUsage]);
      const result = await collectPledge(deps, hr, Number(n));
      if (!result.ok) return message('error', [collectErrorText(c, result.error, Number(n))]);
      return message('ok', [c.pledge.collected(Number(n), result.value.pledge.amountMinor, result.value.campaign.currency)]);
    }
    case 'channel':
    case 'canal':
    case 'chaine':
    case 'chaîne':
      return channelVerb(deps, actor, rest, ctx);
    case 'channels':
    case 'canaux':
    case 'chaines':
    case 'chaînes':
      return channelsVerb(deps, actor, ctx);
    case 'milestone':
    case 'milestones':
    case 'palier':
    case 'paliers':
      return milestoneVerb(deps, actor, rest, ctx);
    case 'announce':
    case 'annonce':
    case 'annoncer':
      return announceVerb(deps, actor, rest, ctx);
    case 'trips':
    case 'voyages':
    case 'trip':
    case 'voyage':
    case 'roster':
    case 'inscrits':
    case 'export':
    case 'exporter':
    case 'volunteer':
    case 'benevole':
    case 'bénévole':
      return caravanVolunteerVerb(deps, actor, words, ctx);
    case 'dashboard':
    case 'tableau':
      return dashboardVerb(deps, actor, ctx);
    case 'wallboard':
    case 'ecran':
    case 'écran':
      return wallboardVerb(deps, actor, words, ctx.prefix);
    case 'photos':
    case 'photo':
      return photosCommand(deps, actor, words.slice(1), ctx.prefix);
    default:
      if (NEEDS_VERBS.includes(verb)) return caravanNeedsVerb(deps, actor, words, ctx);
      return message('error', [c.common.badCommand(text.trim().slice(0, 60), ctx.prefix)]);
  }
}

async function progressReply(deps: VolunteerFeatureDeps, actor: Actor): Promise<Reply> {
  const { c } = actor;
  const progress = await currentProgress(deps);
  if (!progress.ok) return message('info', [pledgeErrorText(c, 'campaign.none', progress.details, 'MAD', '')]);
  const seats = await deps.volunteers.signups.counts(progress.value.campaign.id);
  const view = progressText(c, progress.value, seats.capacity > 0 ? [c.volunteers.progress(seats.confirmed, seats.capacity, seats.waitlisted)] : []);
  return message('info', view.lines, view.headline);
}
