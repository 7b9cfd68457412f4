import { describe, expect, it } from 'vitest';
import { deliveryStatusLines } from '../../../src/announcements/texts.js';
import { deliveryKey } from '../../../src/messaging/delivery.js';
import type { OutboxSummary } from '../../../src/outbox/outbox.js';
import { t } from '../../../src/shared/i18n/index.js';

const failed: OutboxSummary = {
  messageId: 'm1',
  kind: 'announcement',
  summary: 'Départ samedi',
  createdAt: new Date('2026-12-01T09:00:00Z'),
  notBefore: new Date('2026-12-01T09:00:00Z'),
  counts: { pending: 0, sending: 0, sent: 1, failed: 1 },
  possibleDuplicates: 0,
  failures: [{ reason: deliveryKey({ code: 'bot.not_member' }), count: 1, destinations: [{ platform: 'slack', channelId: 'C0CAMPAIGN' }] }],
};

describe('delivery status words', () => {
  it('names a failed Slack channel as a link in Slack, and as plain words on HR’s browser page', () => {
    const now = new Date('2026-12-01T10:00:00Z');
    const inSlack = deliveryStatusLines(t('fr'), [failed], 'Africa/Casablanca', 'slack', now).join('\n');
    expect(inSlack).toContain('<#C0CAMPAIGN>');
    const onPage = deliveryStatusLines(t('fr'), [failed], 'Africa/Casablanca', 'web', now).join('\n');
    expect(onPage).toContain('Slack #C0CAMPAIGN');
    expect(onPage).not.toContain('<#');
  });
});
