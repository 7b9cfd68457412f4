import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DigestStore } from '../../src/digest/digest.js';
import { minor } from '../../src/shared/money.js';
import { parseDigestKind } from '../row-enums.js';
import type { Database } from '../schema.js';

const totalsSchema = z.object({
  pledgedMinor: z.number().int(),
  collectedMinor: z.number().int(),
  donors: z.number().int(),
  pledges: z.number().int(),
});

export function digestStore(db: Kysely<Database>): DigestStore {
  return {
    async claim(campaignId, snapshot) {
      const row = await db
        .insertInto('digest_runs')
        .values({ campaign_id: campaignId, day: snapshot.day, kind: snapshot.kind, totals: JSON.stringify(snapshot.totals) })
        .onConflict((oc) => oc.columns(['campaign_id', 'day']).doNothing())
        .returning('day')
        .executeTakeFirst();
      return row !== undefined;
    },

    async previous(campaignId, day) {
      const row = await db
        .selectFrom('digest_runs')
        .select(['day', 'kind', 'totals'])
        .where('campaign_id', '=', campaignId)
        .where('day', '<', day)
        .orderBy('day', 'desc')
        .limit(1)
        .executeTakeFirst();
      const totals = totalsSchema.safeParse(row?.totals);
      // Without a readable snapshot the digest simply does not say what changed.
      if (!row || !totals.success) return null;
      return {
        day: row.day,
        kind: parseDigestKind(row.kind),
        totals: {
          pledgedMinor: minor(totals.data.pledgedMinor),
          collectedMinor: minor(totals.data.collectedMinor),
          donors: totals.data.donors,
          pledges: totals.data.pledges,
        },
      };
    },
  };
}
