import { describe, expect, it } from 'vitest';
import { announce, deliveryStatus } from '../../../src/announcements/announcements.service.js';
import { broadcastFixture } from '../../support/fakes/announcements.js';
import { personText } from '../../../src/chat/text.js';
import { textOf } from '../../support/fakes/messaging.js';

const input = (text: string, extra: { sendAt?: Date | null; key?: string; alsoVolunteers?: boolean } = {}) => ({
  text,
  sendAt: extra.sendAt ?? null,
  dedupeKey: extra.key ?? 'announcement:slack:view:V1',
  ...(extra.alsoVolunteers ? { alsoVolunteers: true } : {}),
});

describe('HR announcements', () => {
  it('go to every campaign channel once, in the campaign language, even when the command comes twice', async () => {
    const f = await broadcastFixture();
    const first = await announce(f.deps, await f.hr(), input('Départ samedi à 7 h\nPensez aux gants'));
    expect(first).toEqual({ ok: true, value: { channels: 2, volunteers: 0, created: true, sendAt: null } });
    const again = await announce(f.deps, await f.hr(), input('Départ samedi à 7 h\nPensez aux gants'));
    expect(again.ok && again.value.created).toBe(false);
    expect(f.messaging.sent).toHaveLength(1);
    expect(f.messaging.sent[0]).toMatchObject({ kind: 'announcement', createdBy: 'slack:UHR', summary: 'Départ samedi à 7 h Pensez aux gants' });
    expect(textOf(f.messaging.sent[0]).headline).toBe('📣 Annonce de l’équipe RH');
    // HR's words are kept as HR typed them, marked as person-typed text for each platform to render.
    expect(textOf(f.messaging.sent[0]).lines).toEqual([personText('Départ samedi à 7 h'), personText('Pensez aux gants')]);
  });

  it('refuse empty, too long, past and too distant ones, and a campaign without channels; nothing is queued', async () => {
    const f = await broadcastFixture();
    const now = f.clock.now().getTime();
    expect(await announce(f.deps, await f.hr(), input('   '))).toEqual({ ok: false, error: { code: 'announce.empty' } });
    expect(await announce(f.deps, await f.hr(), input('x'.repeat(2001)))).toEqual({ ok: false, error: { code: 'announce.too_long', max: 2000 } });
    expect(await announce(f.deps, await f.hr(), input('hier', { sendAt: new Date(now - 60_000) }))).toEqual({ ok: false, error: { code: 'announce.in_past' } });
    expect(await announce(f.deps, await f.hr(), input('plus tard', { sendAt: new Date(now + 61 * 86_400_000) }))).toEqual({
      ok: false,
      error: { code: 'announce.too_far', days: 60 },
    });
    const silent = await broadcastFixture({ channels: [] });
    expect(await announce(silent.deps, await silent.hr(), input('Bonjour'))).toEqual({ ok: false, error: { code: 'announce.no_channels' } });
    expect([...f.messaging.sent, ...silent.messaging.sent]).toEqual([]);
  });

  it('a scheduled one waits for its time; with +volunteers it also reaches every confirmed volunteer privately', async () => {
    const f = await broadcastFixture();
    const at = new Date(f.clock.now().getTime() + 3_600_000);
    f.volunteersDirectory({
      seats: null,
      confirmed: [
        { platform: 'slack', channelId: 'U7' },
        { platform: 'slack', channelId: 'U8' },
      ],
    });
    const sent = await announce(f.deps, await f.hr(), input('Réunion', { sendAt: at, alsoVolunteers: true, key: 'announcement:2' }));
    expect(sent).toEqual({ ok: true, value: { channels: 2, volunteers: 2, created: true, sendAt: at } });
    expect(f.messaging.sent[0]?.notBefore).toEqual(at);
    const status = await deliveryStatus(f.deps);
    expect(status.map((s) => [s.kind, s.counts.pending])).toEqual([['announcement', 4]]);
  });
});
