import { describe, expect, it } from 'vitest';
import { renderMessage as slack } from '../../../adapters/slack/render.js';
import { escapeSlack, slackMrkdwn, slackPlain } from '../../../adapters/slack/text.js';
import { renderMessage as teams } from '../../../adapters/teams/render.js';
import { escapeTeams, teamsText } from '../../../adapters/teams/text.js';
import { personText, plainText, spans } from '../../../src/chat/text.js';

describe('person text in catalogue strings', () => {
  it('reads back as plain, command and person spans; marks typed by a person are dropped', () => {
    const line = `Merci ${personText('Hanae \u2063*x*\u2064')} ! Tapez \`/pledge list\`.`;
    expect(spans(line)).toEqual([
      { kind: 'plain', text: 'Merci ' },
      { kind: 'person', text: 'Hanae *x*' },
      { kind: 'plain', text: ' ! Tapez ' },
      { kind: 'command', text: '/pledge list' },
      { kind: 'plain', text: '.' },
    ]);
    expect(plainText(line)).toBe('Merci Hanae *x* ! Tapez `/pledge list`.');
  });

  it('on Slack: a file name `notes <!here>.txt` is no mention, `<url|x>` no link, a starred name no bold', () => {
    expect(slackMrkdwn(`• « ${personText('notes <!here>.txt')} » : refusé`)).toBe('• « notes &lt;!here&gt;.txt » : refusé');
    expect(escapeSlack('<https://evil.example|click> & <@U123>')).toBe('&lt;https://evil.example|click&gt; &amp; &lt;@U123&gt;');
    expect(slackMrkdwn(`*${personText('Imlil *2026*')}*`)).toBe('*Imlil \u200B*\u200B2026\u200B*\u200B*');
    // The catalogue's own markup passes untouched.
    expect(slackMrkdwn('*Bold* and `/pledge 500`')).toBe('*Bold* and `/pledge 500`');
    expect(slackPlain(`Option ${personText('A & <B>')}`)).toBe('Option A & <B>');
  });

  it('on Teams: a caption `*Imlil* _2026_` shows literally, the catalogue’s bold still works', () => {
    expect(teamsText(`Légende : *${personText('*Imlil* _2026_')}*`)).toBe('Légende : **\\*Imlil\\* \\_2026\\_**');
    expect(escapeTeams('[x](http://e) <at>all</at> # ~y~')).toBe('\\[x\\](http://e) \\<at\\>all\\</at\\> \\# \\~y\\~');
  });

  it('shows a command per platform: with its slash in code on Slack, bold without slash on Teams', () => {
    const line = 'Tapez `/volunteer status` pour voir votre inscription.';
    expect(slackMrkdwn(line)).toBe('Tapez `/volunteer status` pour voir votre inscription.');
    expect(teamsText(line)).toBe('Tapez **volunteer status** pour voir votre inscription.');
  });
});

describe('icons', () => {
  it('an announcement headline that brings its 📣 gets no tone icon beside it, on either platform', () => {
    const reply = { kind: 'message' as const, tone: 'info' as const, headline: '📣 Annonce de l’équipe RH', lines: ['Départ samedi.'] };
    expect(JSON.stringify(slack(reply).blocks[0])).toContain('"*📣 Annonce de l’équipe RH*"');
    expect(JSON.stringify(slack(reply).blocks)).not.toContain(':bus:');
    expect(String(teams(reply).text)).toMatch(/^\*\*📣 Annonce de l’équipe RH\*\*/);
    // A headline without its own icon still gets the tone's.
    expect(String(teams({ ...reply, headline: 'Caravane' }).text)).toMatch(/^🚌 \*\*Caravane\*\*/);
  });
});
