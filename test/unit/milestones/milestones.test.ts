import { describe, expect, it } from 'vitest';
import type { Campaign } from '../../../src/campaigns/campaign.js';
import { replyText } from '../../../src/chat/reply.js';
import { crossed, milestoneMessage, milestonesFor } from '../../../src/milestones/milestones.js';
import { t } from '../../../src/shared/i18n/index.js';
import { minor } from '../../../src/shared/money.js';

const goal = minor(15_000_001);

describe('milestones', () => {
  it('are 25/50/75/100 % of the goal, rounded up to the centime, plus HR amounts, lowest first', () => {
    const all = milestonesFor(goal, [minor(5_000_000)]);
    expect(all.map((m) => [m.key, m.amountMinor])).toEqual([
      ['pct:25', 3_750_001],
      ['amount:5000000', 5_000_000],
      ['pct:50', 7_500_001],
      ['pct:75', 11_250_001],
      ['pct:100', 15_000_001],
    ]);
  });

  it('are crossed by a rise from below to at-or-above, several at once, never by a fall', () => {
    const all = milestonesFor(goal, []);
    expect(crossed(all, minor(3_750_000), minor(3_750_001)).map((m) => m.key)).toEqual(['pct:25']);
    expect(crossed(all, minor(0), minor(8_000_000)).map((m) => m.key)).toEqual(['pct:25', 'pct:50']);
    expect(crossed(all, minor(8_000_000), minor(3_000_000))).toEqual([]);
    expect(crossed(all, minor(3_750_001), minor(3_800_000))).toEqual([]);
  });

  it('make one message for all reached, with totals only', () => {
    const campaign: Campaign = {
      id: 'c',
      name: 'Caravane',
      currency: 'MAD',
      goalMinor: goal,
      startsOn: '2026-11-15',
      endsOn: '2026-12-15',
      createdAt: new Date(),
    };
    const reached = milestonesFor(goal, [minor(5_000_000)]).slice(0, 2);
    const text = replyText(milestoneMessage(t('en'), campaign, reached, { pledgedMinor: minor(6_000_000), collectedMinor: minor(0), donors: 7, pledges: 9 }));
    expect(text).toContain('Milestones reached!');
    expect(text).toContain('25% of the goal');
    expect(text).toContain('50,000 MAD pledged');
    expect(text).toContain('7 donors · 9 pledges');
  });
});
