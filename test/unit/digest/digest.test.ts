import { describe, expect, it } from 'vitest';
import type { Campaign, CampaignTotals } from '../../../src/campaigns/campaign.js';
import { replyText } from '../../../src/chat/reply.js';
import { plainText } from '../../../src/chat/text.js';
import { digestKindFor, digestMessage } from '../../../src/digest/digest.js';
import { t } from '../../../src/shared/i18n/index.js';
import { minor } from '../../../src/shared/money.js';

const campaign: Campaign = {
  id: 'c1',
  name: 'Caravane 2026',
  currency: 'MAD',
  goalMinor: minor(15_000_000),
  startsOn: '2026-11-15',
  endsOn: '2026-12-15',
  createdAt: new Date('2026-11-01T00:00:00Z'),
};
const totals = (pledged: number, donors: number, collected = 0): CampaignTotals => ({
  pledgedMinor: minor(pledged),
  collectedMinor: minor(collected),
  donors,
  pledges: donors,
});

describe('digest', () => {
  it('runs daily through the campaign, closes the day after, then stops', () => {
    expect(digestKindFor(campaign, '2026-11-14')).toBeNull();
    expect(digestKindFor(campaign, '2026-11-15')).toBe('daily');
    expect(digestKindFor(campaign, '2026-12-15')).toBe('daily');
    expect(digestKindFor(campaign, '2026-12-16')).toBe('closing');
    expect(digestKindFor(campaign, '2026-12-17')).toBeNull();
  });

  it('shows the totals, the bar, the change since the previous digest, seats and days left', () => {
    const text = replyText(
      digestMessage(t('en'), {
        campaign,
        totals: totals(7_500_000, 40, 1_000_000),
        today: '2026-11-27',
        kind: 'daily',
        previous: { day: '2026-11-25', kind: 'daily', totals: totals(7_000_000, 38) },
        seats: { filled: 12, capacity: 20 },
      }),
    );
    expect(text).toContain('75,000 MAD pledged of a 150,000 MAD goal (50%)');
    expect(text).toContain('▓▓▓▓▓░░░░░');
    expect(text).toContain('40 donors');
    expect(text).toContain('10,000 MAD collected');
    expect(text).toContain('Since 25 November 2026: +5,000 MAD pledged, +2 donors.');
    expect(text).toContain('Volunteers: 12 of 20 seats filled.');
    expect(text).toContain('18 days left');
  });

  it('says briefly that nothing changed, and shows a fall after cancellations with its sign', () => {
    const same = digestMessage(t('fr'), {
      campaign,
      totals: totals(500_000, 3),
      today: '2026-11-27',
      kind: 'daily',
      previous: { day: '2026-11-26', kind: 'daily', totals: totals(500_000, 3) },
      seats: null,
    });
    expect(same.lines).toHaveLength(2);
    expect(replyText(same)).toContain('Pas de changement depuis hier. 5 000 MAD promis');
    const fall = digestMessage(t('fr'), {
      campaign,
      totals: totals(400_000, 2),
      today: '2026-11-27',
      kind: 'daily',
      previous: { day: '2026-11-26', kind: 'daily', totals: totals(500_000, 3) },
      seats: null,
    });
    expect(replyText(fall)).toContain('Depuis hier : -1 000 MAD promis, -1 donateur.');
  });

  it('closes with thanks and no days left', () => {
    const text = replyText(
      digestMessage(t('fr'), { campaign, totals: totals(16_000_000, 90), today: '2026-12-16', kind: 'closing', previous: null, seats: null }),
    );
    // The campaign name is marked as typed text for the renderers; people read it without the marks.
    expect(plainText(text)).toContain('Campagne terminée — Caravane 2026');
    expect(text).toContain('Merci à toutes et à tous');
    expect(text).toContain('(106 %)');
    expect(text).not.toMatch(/restant/);
  });
});
