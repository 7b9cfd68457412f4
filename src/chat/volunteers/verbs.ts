/** `/caravan` verbs of trips and volunteers: `trips` for everyone; `trip`, `roster`, `export volunteers`, `volunteer move|remove` for HR. */
import { caravanVolunteerVerb } from '../caravan-volunteers.js';
import type { CaravanFeature } from '../verbs.js';

export const volunteerVerbs: CaravanFeature = {
  help: { everyone: (c, p) => c.volunteers.help.everyone(p), hr: (c, p) => c.volunteers.help.hr(p) },
  verbs: [
    { names: ['trips', 'voyages'], who: 'everyone', run: (deps, actor, { words, ctx }) => caravanVolunteerVerb(deps, actor, words, ctx) },
    { names: ['trip', 'voyage'], who: 'hr', run: (deps, hr, { words, ctx }) => caravanVolunteerVerb(deps, hr, words, ctx) },
    { names: ['roster', 'inscrits'], who: 'hr', run: (deps, hr, { words, ctx }) => caravanVolunteerVerb(deps, hr, words, ctx) },
    { names: ['export', 'exporter'], who: 'hr', run: (deps, hr, { words, ctx }) => caravanVolunteerVerb(deps, hr, words, ctx) },
    { names: ['volunteer', 'benevole', 'bénévole'], who: 'hr', run: (deps, hr, { words, ctx }) => caravanVolunteerVerb(deps, hr, words, ctx) },
  ],
};
