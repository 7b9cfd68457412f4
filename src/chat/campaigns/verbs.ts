/** `/caravan` of the campaign itself: its progress for everyone (also what `/caravan` alone answers); its goal for HR. */
import { currentProgress } from '../../campaigns/campaigns.service.js';
import { noCampaignText, progressText } from '../../pledges/texts.js';
import type { VolunteerFeatureDeps } from '../../volunteers/ports.js';
import type { Actor } from '../actor.js';
import { message, type Reply } from '../reply.js';
import type { CaravanFeature } from '../verbs.js';
import { goalFormDefinition, goalVerb } from './goal.js';

export const campaignVerbs: CaravanFeature = {
  help: { hr: (c, p) => c.goal.help(p) },
  verbs: [
    { names: ['status', 'progress', 'progres', 'progrès'], who: 'everyone', run: (deps, actor) => progressReply(deps, actor) },
    { names: ['goal', 'objectif'], who: 'hr', run: (deps, hr, { rest }) => goalVerb(deps, hr, rest) },
  ],
  forms: [goalFormDefinition],
};

async function progressReply(deps: VolunteerFeatureDeps, actor: Actor): Promise<Reply> {
  const { c } = actor;
  const progress = await currentProgress(deps);
  if (!progress.ok) return message('info', [noCampaignText(c, progress.error)]);
  const seats = await deps.volunteers.signups.counts(progress.value.campaign.id);
  const view = progressText(c, progress.value, seats.capacity > 0 ? [c.volunteers.progress(seats.confirmed, seats.capacity, seats.waitlisted)] : []);
  return message('info', view.lines, view.headline);
}
