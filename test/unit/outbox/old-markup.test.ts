import { describe, expect, it } from 'vitest';
import { slackMrkdwn } from '../../../adapters/slack/text.js';
import { teamsText } from '../../../adapters/teams/text.js';
import { announcementLines } from '../../../src/announcements/format.js';
import { fromOldMarkup } from '../../../src/chat/old-markup.js';
import { bold, command, personText } from '../../../src/chat/text.js';
import { parseOutgoingMessage } from '../../../src/outbox/payload.js';

/** A line as the outbox stored it before the neutral spans: Slack markup around marked person text. */
const oldAnnouncement = `Départ *${personText('samedi 8 h')}* _${personText('au siège')}_, ${personText('5 * 3 = 15 et snake_case')}`;
const oldCatalogue = 'Suivi : `/caravan announce status` · *Annonce* · 2*3';

describe('messages the outbox stored before the neutral spans', () => {
  it('go out as they were meant: HR’s bold and italic and the catalogue’s commands, on both platforms', () => {
    const message = parseOutgoingMessage({ kind: 'message', tone: 'info', headline: '📣 Annonce', lines: [oldAnnouncement, oldCatalogue] });
    const [announcement = '', catalogue = ''] = message?.lines ?? [];
    expect(teamsText(announcement)).toBe('Départ **samedi 8 h** _au siège_, 5 \\* 3 = 15 et snake\\_case');
    expect(slackMrkdwn(announcement)).toBe('Départ *samedi 8 h* _au siège_, 5 \u200B*\u200B 3 = 15 et snake\u200B_\u200Bcase');
    expect(teamsText(catalogue)).toBe('Suivi : **caravan announce status** · **Annonce** · 2*3');
    expect(slackMrkdwn(catalogue)).toBe('Suivi : `/caravan announce status` · *Annonce* · 2*3');
  });

  it('leave text written today as it is, stars typed by people included', () => {
    const today = [
      ...announcementLines('Départ *samedi* _8 h_ : `code` *'),
      `${bold(`Liste ${personText('*vip* `x`')}`)} ${command('/give list')} 5 * 3`,
      'Lien : https://caravane.example/wall/c1?exp=1&sig=-_aB_-x_',
    ];
    for (const line of today) expect(fromOldMarkup(line)).toBe(line);
  });
});
