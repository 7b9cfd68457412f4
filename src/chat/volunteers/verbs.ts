/** `/caravan` verbs of trips and volunteers: `trips` for everyone; `trip`, `roster`, `export volunteers`, `volunteer move|remove` for HR. */
import { exportVerb, rosterVerb, tripsVerb, tripVerb, volunteerVerb } from '../caravan-volunteers.js';
import type { CaravanFeature } from '../verbs.js';

export const volunteerVerbs: CaravanFeature = {
  help: { everyone: (c, p) => c.volunteers.help.everyone(p), hr: (c, p) => c.volunteers.help.hr(p) },
  verbs: [
    { names: ['trips', 'voyages'], who: 'everyone', run: tripsVerb },
    { names: ['trip', 'voyage'], who: 'hr', run: tripVerb },
    { names: ['roster', 'inscrits'], who: 'hr', run: rosterVerb },
    { names: ['export', 'exporter'], who: 'hr', run: exportVerb },
    { names: ['volunteer', 'benevole', 'bénévole'], who: 'hr', run: volunteerVerb },
  ],
};
