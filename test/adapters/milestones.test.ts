import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCampaign, startTestBot, type TestBot } from '../support/bot.js';
import { deliverAll } from '../support/outbox.js';
import { milestoneListener } from '../../src/milestones/milestones.service.js';
import { minor } from '../../src/shared/money.js';
import { postToSlackEndpoint, slashCommandBody } from '../support/slack-sign.js';
import { MILESTONE_PACING } from '../../adapters/milestone-pacing.js';

let t: TestBot;

beforeAll(async () => {
  t = await startTestBot({ env: { ADMINS: 'slack:UHR', DEFAULT_LOCALE: 'fr' }, outbox: { autostart: false } });
  await seedCampaign(t.bot); // goal 150 000 MAD: 25 % = 37 500, 50 % = 75 000, 75 % = 112 500
  t.slack.users.set('UAMINA', { name: 'Amina Benali', locale: 'fr-FR' });
  expect(await command('/caravan', 'channel', 'UHR', 'CMILE')).toContain('canal de la campagne');
});
afterAll(async () => t?.close());

async function command(name: string, text: string, user: string, channel = 'CSOMEWHERE'): Promise<string> {
  const res = await postToSlackEndpoint(t.url, { body: slashCommandBody(name, text, { user, channel }) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { text: string }).text;
}

/** Milestone announcements posted in the campaign channel so far. */
async function announcements(): Promise<string[]> {
  await deliverAll(t.bot, t.clock);
  return t.slack.posted.filter((p) => p.channel === 'CMILE' && /Palier/.test(p.text)).map((p) => p.text);
}

describe('milestones', () => {
  it('one pledge crossing 25 % and 50 % at once makes one message naming both, and no donor', async () => {
    await command('/pledge', '80000', 'UAMINA');
    const posted = await announcements();
    expect(posted).toHaveLength(1);
    expect(posted[0]).toContain('Paliers atteints');
    expect(posted[0]).toContain('25 % de l’objectif');
    expect(posted[0]).toContain('50 % de l’objectif');
    expect(posted[0]).toContain('80 000 MAD promis');
    expect(posted[0]).not.toContain('Amina');
  });

  it('ten concurrent pledges crossing 75 % announce it once', async () => {
    await command('/pledge', '31000', 'UFILL'); // 111 000: just under 112 500
    expect(await announcements()).toHaveLength(1);
    const replies = await Promise.all(Array.from({ length: 10 }, (_, i) => command('/pledge', '1000', `UCONC${i}`)));
    for (const r of replies) expect(r).toContain('1 000 MAD');
    const posted = await announcements();
    expect(posted.filter((p) => p.includes('75 % de l’objectif'))).toHaveLength(1);
    expect(posted).toHaveLength(2);
  });

  it('falling back below with a cancellation, then crossing again, announces nothing new', async () => {
    const answer = await command('/pledge', '31000', 'UFILL2'); // 152 000: crosses 100 % once
    expect((await announcements()).filter((p) => p.includes('100 % de l’objectif'))).toHaveLength(1);
    const id = /n° (\d+)/.exec(answer)?.[1];
    expect(await command('/pledge', `cancel ${id}`, 'UFILL2')).toContain('annulée'); // back to 121 000
    await command('/pledge', '31000', 'UFILL3'); // 152 000 again
    const posted = await announcements();
    expect(posted.filter((p) => p.includes('100 % de l’objectif'))).toHaveLength(1);
    expect(posted).toHaveLength(3);
  });

  it('HR adds an amount: announced when crossed; one already passed is kept but never announced', async () => {
    expect(await command('/caravan', 'milestone add 160 000', 'UHR')).toContain('160 000 MAD ajouté');
    expect(await command('/caravan', 'milestone add 50000', 'UHR')).toContain('déjà dépassé');
    expect(await command('/caravan', 'milestone add 160000', 'UHR')).toContain('existe déjà');
    expect(await command('/caravan', 'milestone add -5', 'UHR')).toContain('supérieur à zéro');
    expect(await command('/caravan', 'milestone add 150000', 'UAMINA')).toContain('réservée à l’équipe RH');
    await command('/pledge', '10000', 'ULAST'); // 162 000
    const posted = await announcements();
    expect(posted).toHaveLength(4);
    expect(posted[3]).toContain('160 000 MAD promis');
    expect(posted.some((p) => p.includes('50 000 MAD promis'))).toBe(false);
    const list = await command('/caravan', 'milestones', 'UHR');
    expect(list).toMatch(/✅ 75 % de l’objectif/);
    expect(list).toMatch(/✅ 160 000 MAD promis/);
  });

  it('two pledges that cross a milestone only together still announce it, once', async () => {
    // 162 000 now. Neither 7 000 alone reaches 170 000; both do. Whatever order they commit in,
    // the milestone is announced exactly once.
    expect(await command('/caravan', 'milestone add 170000', 'UHR')).toContain('170 000 MAD ajouté');
    await Promise.all([command('/pledge', '7000', 'UPAIR1'), command('/pledge', '7000', 'UPAIR2')]);
    const posted = await announcements();
    expect(posted.filter((p) => p.includes('170 000 MAD promis'))).toHaveLength(1);
    expect(posted).toHaveLength(5);
  });

  it('a pledge that saw only its own change still announces a milestone the totals have passed', async () => {
    expect(await command('/caravan', 'milestone add 180000', 'UHR')).toContain('180 000 MAD ajouté');
    const campaign = await t.bot.deps.campaigns.current('2026-11-27');
    if (!campaign) throw new Error('no campaign');
    const person = await t.bot.deps.people.resolve({ platform: 'slack', tenantId: 'T111', userId: 'UQUIET' });
    // A concurrent pledge committed without being heard yet: the totals now stand at 188 000.
    const quiet = await t.bot.deps.pledges.record({
      campaignId: campaign.id,
      personId: person.id,
      amountMinor: minor(1_200_000),
      anonymous: false,
      note: null,
      source: 'slack',
      idempotencyKey: null,
    });
    // This pledge's own view: from 175 000 to 176 000, short of 180 000.
    const seen = { pledgedMinor: minor(17_500_000), collectedMinor: minor(0), donors: 1, pledges: 1 };
    const listener = milestoneListener(
      t.bot.deps,
      (e) => {
        throw e;
      },
      MILESTONE_PACING,
    );
    await listener.totalsChanged(campaign, { pledge: quiet.pledge, before: seen, after: { ...seen, pledgedMinor: minor(17_600_000) } });
    await listener.totalsChanged(campaign, { pledge: quiet.pledge, before: seen, after: { ...seen, pledgedMinor: minor(17_600_000) } });
    const posted = await announcements();
    expect(posted.filter((p) => p.includes('180 000 MAD promis'))).toHaveLength(1);
  });
});
