/**
 * `/caravan` verbs of in-kind needs: `needs` for everyone; `need`, `received`, `loading` for HR, who
 * the needs use cases check themselves (someone else learns nothing more than the refusal).
 */
import type { CaravanFeature } from '../verbs.js';
import { caravanNeedsVerb } from './caravan-needs.js';
import { giveFormDefinition } from './give-form.js';
import { needFormDefinition } from './need-form.js';

export const needsVerbs: CaravanFeature = {
  help: { everyone: (c, p) => c.needs.help.everyone(p), hr: (c, p) => c.needs.help.hr(p) },
  verbs: [
    { names: ['needs', 'besoins'], who: 'everyone', run: (deps, actor, { words, ctx }) => caravanNeedsVerb(deps, actor, words, ctx) },
    { names: ['need', 'besoin', 'site'], who: 'everyone', run: (deps, actor, { words, ctx }) => caravanNeedsVerb(deps, actor, words, ctx) },
    {
      names: ['received', 'recu', 'reçu', 'recus', 'reçus'],
      who: 'everyone',
      run: (deps, actor, { words, ctx }) => caravanNeedsVerb(deps, actor, words, ctx),
    },
    { names: ['loading', 'chargement'], who: 'everyone', run: (deps, actor, { words, ctx }) => caravanNeedsVerb(deps, actor, words, ctx) },
  ],
  forms: [giveFormDefinition, needFormDefinition],
};
