/** `/caravan dashboard` and `/caravan wallboard [revoke]`: HR's links to the browser. */
import { dashboardVerb, wallboardVerb } from '../dashboard-commands.js';
import type { CaravanFeature } from '../verbs.js';

export const dashboardVerbs: CaravanFeature = {
  help: { hr: (c, p) => c.dashboard.help(p) },
  verbs: [
    { names: ['dashboard', 'tableau'], who: 'hr', run: (deps, hr, { ctx }) => dashboardVerb(deps, hr, ctx) },
    { names: ['wallboard', 'ecran', 'écran'], who: 'hr', run: (deps, hr, { words, ctx }) => wallboardVerb(deps, hr, words, ctx.prefix) },
  ],
};
