/** `/caravan` verbs of pledges: `collect N` for HR. The help lines also tell everyone about `/pledge` and `/caravan`. */
import { collectPledge } from '../../pledges/pledges.service.js';
import { collectErrorText } from '../../pledges/texts.js';
import { message } from '../reply.js';
import type { CaravanFeature } from '../verbs.js';

export const pledgeVerbs: CaravanFeature = {
  help: { everyone: (c, p) => c.help.everyone(p), hr: (c, p) => c.help.hr(p) },
  verbs: [
    {
      names: ['collect', 'collecter', 'collecte'],
      who: 'hr',
      async run(deps, hr, { words }) {
        const { c } = hr;
        const n = (words[1] ?? '').replace(/^#/, '');
        if (!/^\d{1,15}$/.test(n) || words.length !== 2) return message('error', [c.pledge.collectUsage]);
        const result = await collectPledge(deps, hr, Number(n));
        if (!result.ok) return message('error', [collectErrorText(c, result.error, Number(n))]);
        return message('ok', [c.pledge.collected(Number(n), result.value.pledge.amountMinor, result.value.campaign.currency)]);
      },
    },
  ],
};
