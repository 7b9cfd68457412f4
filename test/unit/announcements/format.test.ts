import { describe, expect, it } from 'vitest';
import { slackMrkdwn, slackPlain } from '../../../adapters/slack/text.js';
import { teamsText } from '../../../adapters/teams/text.js';
import { announcementLines } from '../../../src/announcements/format.js';
import { plainText } from '../../../src/chat/text.js';

const slack = (text: string) => announcementLines(text).map(slackMrkdwn).join('\n');
const teams = (text: string) => announcementLines(text).map(teamsText).join('\n');

describe('what HR’s announcement keeps', () => {
  it.each([
    ['<!here> départ samedi', '<!here> départ samedi', '@here départ samedi'],
    ['@channel départ samedi', '<!channel> départ samedi', '@channel départ samedi'],
    ['Tout le monde : <!everyone|@everyone>', 'Tout le monde : <!everyone>', 'Tout le monde : @everyone'],
    ['@here, à samedi', '<!here>, à samedi', '@here, à samedi'],
  ])('a mention of everyone HR typed (%s) goes out in each platform’s form', (typed, onSlack, onTeams) => {
    expect(slack(typed)).toBe(onSlack);
    expect(teams(typed)).toBe(onTeams);
    expect(teams(typed)).not.toContain('<!');
  });

  it('a word that only contains “here” or an e-mail address is no mention', () => {
    expect(slack('rh@here.example et nowhere@channel')).not.toContain('<!');
  });

  it('bold, italic and links HR typed stay formatting on both platforms', () => {
    const typed =
      'Départ *samedi 8 h* _au siège_, **vite** : https://caravane.example/plan et <https://caravane.example/f|le formulaire> ou [la carte](https://maps.example/x)';
    expect(slack(typed)).toBe(
      'Départ *samedi 8 h* _au siège_, *vite* : <https://caravane.example/plan> et <https://caravane.example/f|le formulaire> ou <https://maps.example/x|la carte>',
    );
    expect(teams(typed)).toBe(
      'Départ **samedi 8 h** _au siège_, **vite** : [https://caravane.example/plan](https://caravane.example/plan) et [le formulaire](https://caravane.example/f) ou [la carte](https://maps.example/x)',
    );
    expect(slackPlain(announcementLines(typed).join('\n'))).toContain('le formulaire (https://caravane.example/f)');
  });

  it('any other Slack markup or markdown is shown as typed, never a mention, a channel link or a disguised link', () => {
    const typed = 'Voir <@U123> <#C999|général> <!subteam^S1|rh> <!date^1392734382^{date}|x> <javascript:alert(1)|clic> & ~barré~ `code` # titre';
    const onSlack = slack(typed);
    expect(onSlack).toBe(
      'Voir &lt;@U123&gt; &lt;#C999|général&gt; &lt;!subteam^S1|rh&gt; &lt;!date^1392734382^{date}|x&gt; &lt;javascript:alert(1)|clic&gt; &amp; \u200B~\u200Bbarré\u200B~\u200B \u200B`\u200Bcode\u200B`\u200B # titre',
    );
    const onTeams = teams(typed);
    expect(onTeams).toContain('\\<@U123\\>');
    expect(onTeams).toContain('\\<javascript:alert(1)\\|clic\\>');
    expect(onTeams).not.toMatch(/\]\(/);
    expect(plainText(announcementLines(typed).join('\n'))).toBe(typed);
  });

  it('an unbalanced star or underscore is text, and a name with stars inside bold cannot close it', () => {
    expect(slack('5 * 3 = 15 et snake_case')).toBe('5 \u200B*\u200B 3 = 15 et snake\u200B_\u200Bcase');
    expect(teams('*a _b_ c*')).toBe('**a \\_b\\_ c**');
  });
});
