import { describe, expect, it } from 'vitest';
import { prose } from '../../../adapters/http/pages/render.js';
import { slackMrkdwn } from '../../../adapters/slack/text.js';
import { teamsText } from '../../../adapters/teams/text.js';
import { deliveryStatusLines } from '../../../src/announcements/texts.js';
import { plainText } from '../../../src/chat/text.js';
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
  it('names a failed Slack channel as a link in Slack, and as plain words in Teams and on HR’s browser page', () => {
    const now = new Date('2026-12-01T10:00:00Z');
    const lines = deliveryStatusLines(t('fr'), [failed], 'Africa/Casablanca', now).join('\n');
    const inSlack = slackMrkdwn(lines);
    expect(inSlack).toContain('<#C0CAMPAIGN>');
    expect(inSlack).toMatch(/^\*Annonce\* · /);
    expect(teamsText(lines)).toContain('Slack #C0CAMPAIGN');
    expect(teamsText(lines)).toMatch(/^\*\*Annonce\*\* · /);
    const onPage = prose(lines);
    expect(onPage).toContain('Slack #C0CAMPAIGN');
    expect(onPage).toMatch(/^<strong>Annonce<\/strong> · /);
    expect(onPage).not.toContain('&lt;#');
    expect(plainText(lines)).toMatch(/^Annonce · .*Slack #C0CAMPAIGN/s);
  });
});
