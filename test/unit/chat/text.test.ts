import { describe, expect, it } from 'vitest';
import { prose } from '../../../adapters/http/pages/render.js';
import { renderMessage as slack } from '../../../adapters/slack/render.js';
import { escapeSlack, slackMrkdwn, slackPlain } from '../../../adapters/slack/text.js';
import { renderMessage as teams } from '../../../adapters/teams/render.js';
import { escapeTeams, teamsPlain, teamsText } from '../../../adapters/teams/text.js';
import { bold, code, command, everyoneMention, italic, personText, plainText, slackConversation, spans, typedLink } from '../../../src/chat/text.js';

describe('neutral spans in catalogue strings', () => {
  it('read back as plain, command and person spans; marks typed by a person are dropped', () => {
    const line = `Merci ${personText('Hanae \u2063*x*\u2064')} ! Tapez ${command('/pledge list')}.`;
    expect(spans(line)).toEqual([
      { kind: 'plain', text: 'Merci ' },
      { kind: 'person', text: 'Hanae *x*' },
      { kind: 'plain', text: ' ! Tapez ' },
      { kind: 'command', text: '/pledge list' },
      { kind: 'plain', text: '.' },
    ]);
    expect(plainText(line)).toBe('Merci Hanae *x* ! Tapez /pledge list.');
  });

  it('bold holds person text and commands; bold inside bold adds nothing, an empty bold draws nothing', () => {
    expect(spans(`${bold(`Site ${personText('Imlil')}`)} — ${bold(bold('x'))}${bold('')}`)).toEqual([
      {
        kind: 'bold',
        spans: [
          { kind: 'plain', text: 'Site ' },
          { kind: 'person', text: 'Imlil' },
        ],
      },
      { kind: 'plain', text: ' — ' },
      { kind: 'bold', spans: [{ kind: 'plain', text: 'x' }] },
    ]);
    expect(plainText(`${bold('Liste')} ${italic('vite')} ${command('/give')}`)).toBe('Liste vite /give');
  });

  it('a person cannot type a mark that opens bold, a command or a mention', () => {
    const forged = `${bold('x')}${command('/pledge')}${everyoneMention('here')}`;
    expect(spans(personText(forged))).toEqual([{ kind: 'person', text: 'x/pledge@here' }]);
    expect(slackMrkdwn(personText(forged))).toBe('x/pledge@here');
  });

  it('a text that skips every renderer still shows only its words: the marks are invisible', () => {
    const line = `${bold('Liste')} ${italic('vite')} : ${command('/give list')} ${code('▓▓░')}`;
    expect(line.replace(/[\u2061-\u2064]/g, '')).toBe('Liste vite : /give list ▓▓░');
  });

  it('a Slack conversation keeps its id and name: Slack links it, elsewhere it reads “Slack #name”', () => {
    const ch = slackConversation('C0CAMPAIGN', 'général');
    const dm = slackConversation('U0HANAE', null);
    expect(spans(ch)).toEqual([{ kind: 'channel', id: 'C0CAMPAIGN', person: false, name: 'général' }]);
    expect(slackMrkdwn(`${ch}, ${dm}`)).toBe('<#C0CAMPAIGN>, <@U0HANAE>');
    expect(slackPlain(ch)).toBe('Slack #général');
    expect(teamsText(`${slackConversation('C1', '*vip*')}, ${dm}`)).toBe('Slack #\\*vip\\*, Slack @U0HANAE');
    expect(plainText(slackConversation('C1', null))).toBe('Slack #C1');
    expect(prose(slackConversation('C1', '<b>'))).toBe('Slack #&lt;b&gt;');
  });

  it('on Slack: a file name `notes <!here>.txt` is no mention, `<url|x>` no link, a starred name no bold', () => {
    expect(slackMrkdwn(`• « ${personText('notes <!here>.txt')} » : refusé`)).toBe('• « notes &lt;!here&gt;.txt » : refusé');
    expect(escapeSlack('<https://evil.example|click> & <@U123>')).toBe('&lt;https://evil.example|click&gt; &amp; &lt;@U123&gt;');
    expect(slackMrkdwn(bold(personText('Imlil *2026*')))).toBe('*Imlil \u200B*\u200B2026\u200B*\u200B*');
    expect(slackMrkdwn(`${bold('Bold')} and ${command('/pledge 500')}, ${italic('vite')}`)).toBe('*Bold* and `/pledge 500`, _vite_');
    expect(slackPlain(`Option ${personText('A & <B>')} ${bold('Liste')}`)).toBe('Option A & <B> Liste');
  });

  it('on Teams: a caption `*Imlil* _2026_` shows literally, the catalogue’s bold still works', () => {
    expect(teamsText(`Légende : ${bold(personText('*Imlil* _2026_'))}`)).toBe('Légende : **\\*Imlil\\* \\_2026\\_**');
    expect(escapeTeams('[x](http://e) <at>all</at> # ~y~')).toBe('\\[x\\](http://e) \\<at\\>all\\</at\\> \\# \\~y\\~');
    // What a person typed keeps no bare URL a client would link by itself; the bot's own links keep theirs.
    expect(teamsText(personText('voir http://e.example'))).toBe('voir http:\u2060//e.example');
    expect(teamsText(typedLink('https://e.example/x'))).toBe('[https://e.example/x](https://e.example/x)');
    // Words that only look like markup are the catalogue's words, not formatting.
    expect(teamsText(`${bold('Liste')} ${italic('vite')} ${bold(`Tapez ${command('/give')}`)}`)).toBe('**Liste** _vite_ **Tapez give**');
    expect(teamsPlain(`${bold('Liste')} ${command('/give list')} ${typedLink('https://e.example/x', 'plan')}`)).toBe(
      'Liste give list plan (https://e.example/x)',
    );
  });

  it('shows a command per platform: with its slash in code on Slack, bold without slash on Teams, code on a page', () => {
    const line = `Tapez ${command('/volunteer status')} pour voir votre inscription.`;
    expect(slackMrkdwn(line)).toBe('Tapez `/volunteer status` pour voir votre inscription.');
    expect(teamsText(line)).toBe('Tapez **volunteer status** pour voir votre inscription.');
    expect(prose(line)).toBe('Tapez <code>/volunteer status</code> pour voir votre inscription.');
  });

  it('on HR’s pages: bold and italic as HTML, person text escaped, a link as its words and address', () => {
    expect(prose(`${bold(`Annonce ${personText('<script>')}`)} ${italic('x')} ${typedLink('https://e.example/?a=1&b=2', 'plan')}`)).toBe(
      '<strong>Annonce &lt;script&gt;</strong> <em>x</em> plan (https://e.example/?a=1&amp;b=2)',
    );
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
