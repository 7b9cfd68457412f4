/**
 * `/caravan` verbs of in-kind needs: `needs` for everyone; `need` (its form checks HR), `received`,
 * `loading` for HR (someone else learns nothing more than the refusal).
 */
import type { CaravanFeature } from '../verbs.js';
import { loadingVerb, needsVerb, needVerb, receivedVerb } from './caravan-needs.js';
import { giveFormDefinition } from './give-form.js';
import { needFormDefinition } from './need-form.js';

export const needsVerbs: CaravanFeature = {
  help: { everyone: (c, p) => c.needs.help.everyone(p), hr: (c, p) => c.needs.help.hr(p) },
  verbs: [
    { names: ['needs', 'besoins'], who: 'everyone', run: needsVerb },
    { names: ['need', 'besoin', 'site'], who: 'everyone', run: needVerb },
    { names: ['received', 'recu', 'reçu', 'recus', 'reçus'], who: 'hr', run: receivedVerb },
    { names: ['loading', 'chargement'], who: 'hr', run: loadingVerb },
  ],
  forms: [giveFormDefinition, needFormDefinition],
};
