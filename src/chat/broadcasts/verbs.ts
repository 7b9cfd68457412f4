/** `/caravan` verbs of campaign channels, milestones and announcements: all HR's. */
import { announceVerb, channelsVerb, channelVerb, milestoneVerb } from '../broadcast-commands.js';
import type { CaravanFeature } from '../verbs.js';

export const broadcastVerbs: CaravanFeature = {
  help: { hr: (c, p) => c.broadcasts.help(p) },
  verbs: [
    { names: ['channel', 'canal', 'chaine', 'chaîne'], who: 'hr', run: (deps, hr, { rest, ctx }) => channelVerb(deps, hr, rest, ctx) },
    { names: ['channels', 'canaux', 'chaines', 'chaînes'], who: 'hr', run: (deps, hr, { ctx }) => channelsVerb(deps, hr, ctx) },
    { names: ['milestone', 'milestones', 'palier', 'paliers'], who: 'hr', run: (deps, hr, { rest, ctx }) => milestoneVerb(deps, hr, rest, ctx) },
    { names: ['announce', 'annonce', 'annoncer'], who: 'hr', run: (deps, hr, { rest, ctx }) => announceVerb(deps, hr, rest, ctx) },
  ],
};
