import { describe, expect, it } from 'vitest';
import { actorFor } from '../../../src/chat/actor.js';
import { CARAVAN_FEATURES, caravanCommand, helpReply } from '../../../src/chat/caravan-command.js';
import type { ChatDeps } from '../../../src/chat/deps.js';
import { slackMrkdwn } from '../../../adapters/slack/text.js';
import { teamsText } from '../../../adapters/teams/text.js';
import { bold } from '../../../src/chat/text.js';
import { t } from '../../../src/shared/i18n/index.js';
import type { Locale } from '../../../src/shared/money.js';
import { fakeCore, HOME_WORKSPACE } from '../../support/fakes/core.js';

const ctx = { idempotencyKey: null, prefix: '/' };

async function someone(userId: string, locale: Locale) {
  const core = fakeCore();
  // The use cases reached below read only these ports; the rest of ChatDeps is never touched here.
  const deps = core.deps as unknown as ChatDeps;
  return { deps, actor: await actorFor(core.deps, { platform: 'slack', tenantId: HOME_WORKSPACE, userId, locale }) };
}

describe('/caravan verbs', () => {
  it('each word names one verb only, across every feature', () => {
    const words = CARAVAN_FEATURES.flatMap((f) => f.verbs.flatMap((v) => [...v.names]));
    expect(words.filter((w, i) => words.indexOf(w) !== i)).toEqual([]);
    expect(words).not.toContain('help');
    expect(words).not.toContain('aide');
  });

  it.each(['fr', 'en'] as const)('help lists everyone’s commands feature by feature, then HR’s for HR only (%s)', async (locale) => {
    const c = t(locale);
    const everyone = [...c.help.everyone('/'), ...c.volunteers.help.everyone('/'), ...c.needs.help.everyone('/'), ...c.photos.help('/')];
    const hr = [
      ...c.help.hr('/'),
      ...c.goal.help('/'),
      ...c.volunteers.help.hr('/'),
      ...c.needs.help.hr('/'),
      ...c.broadcasts.help('/'),
      ...c.photos.hrHelp('/'),
      ...c.dashboard.help('/'),
    ];
    const bullets = (lines: string[]) => lines.map((l) => `• ${l}`);
    const person = await someone('U1', locale);
    expect(await helpReply(person.actor, '/')).toEqual({ kind: 'message', tone: 'info', headline: c.help.title, lines: bullets(everyone) });
    const boss = await someone('UHR', locale);
    expect(await caravanCommand(boss.deps, boss.actor, ' Aide ', ctx)).toEqual({
      kind: 'message',
      tone: 'info',
      headline: c.help.title,
      lines: [...bullets(everyone), '', bold(c.help.hrTitle), ...bullets(hr)],
    });
  });

  it('HR’s verbs refuse anyone else in their language, whichever word they use; unknown words are not understood', async () => {
    for (const locale of ['fr', 'en'] as const) {
      const { deps, actor } = await someone('U1', locale);
      for (const typed of ['collect 3', 'Collecte 3', 'channels', 'palier add 100', 'roster', 'tableau', 'wallboard']) {
        expect(await caravanCommand(deps, actor, typed, ctx)).toEqual({ kind: 'message', tone: 'error', lines: [t(locale).common.notAdmin] });
      }
      expect(await caravanCommand(deps, actor, 'dance now', ctx)).toEqual({
        kind: 'message',
        tone: 'error',
        lines: [t(locale).common.badCommand('dance now', '/')],
      });
    }
  });
});

describe('what a person typed, repeated in an answer', () => {
  const typed = '*gras* <!here> `x` \u2062@channel\u2062 _y_';
  const literal = (text: string) => {
    expect(slackMrkdwn(text)).not.toMatch(/<!|\*gras\*|`x`|(?<!\u200B)_y_/);
    expect(slackMrkdwn(text)).toContain('&lt;!here&gt;');
    expect(teamsText(text)).toContain('\\*gras\\* \\<!here\\> \\`x\\` @channel \\_y\\_');
  };

  it.each(['fr', 'en'] as const)('shows as typed on Slack and Teams: no bold, code, italic or mention (%s)', async (locale) => {
    const { deps, actor } = await someone('U1', locale);
    const reply = await caravanCommand(deps, actor, `zzz ${typed}`, ctx);
    expect(reply.kind === 'message' && reply.lines.length).toBe(1);
    if (reply.kind === 'message') literal(reply.lines[0] ?? '');
    const c = t(locale);
    for (const text of [
      c.amount.invalid(typed, 'MAD'),
      c.needs.give.unknownItem(typed),
      c.needs.loading.siteUnknown(typed, `Imzer, ${typed}`),
      c.needs.hrForm.sitesHint(`Imzer, ${typed}`),
      c.volunteers.trip.errors['trip.bad_role'](typed),
      c.volunteers.trip.errors['trip.duplicate_role'](typed),
      c.volunteers.trip.errors['trip.role_in_use'](typed),
      c.volunteers.trip.errors['trip.role_below_confirmed'](typed, 2),
    ])
      literal(text);
  });
});
