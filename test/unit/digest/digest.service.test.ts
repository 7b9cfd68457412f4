import { describe, expect, it } from 'vitest';
import { runDigest } from '../../../src/digest/digest.service.js';
import { makePledge } from '../../../src/pledges/pledges.service.js';
import { broadcastFixture, type BroadcastFixture } from '../../support/fakes/announcements.js';
import { textOf } from '../../support/fakes/messaging.js';

/** 20:00 in Casablanca (UTC+1) on `day`. */
const evening = (day: string) => new Date(`${day}T19:00:00Z`);

async function give(f: BroadcastFixture, userId: string, amount: string) {
  const who = await f.person(userId);
  await makePledge(f.deps, { personId: who.id, amount, anonymous: false, note: null, source: 'slack', idempotencyKey: null });
}

describe('the daily digest', () => {
  it('posts once per campaign day in every channel, whoever runs it and however often', async () => {
    const f = await broadcastFixture();
    await give(f, 'U1', '1000');
    const first = await runDigest(f.deps, evening('2026-11-27'));
    expect(first).toEqual({ status: 'posted', campaignId: f.campaign?.id, day: '2026-11-27', kind: 'daily', targets: 2 });
    expect(await runDigest(f.deps, evening('2026-11-27'))).toEqual({ status: 'skipped', reason: 'already_posted' });
    expect(await Promise.all([runDigest(f.deps, evening('2026-11-28')), runDigest(f.deps, evening('2026-11-28'))])).toEqual(
      expect.arrayContaining([{ status: 'skipped', reason: 'already_posted' }]),
    );
    expect(f.messaging.sent.map((m) => m.dedupeKey)).toEqual([`digest:${f.campaign?.id}:2026-11-27`, `digest:${f.campaign?.id}:2026-11-28`]);
  });

  it('says what changed since the last digest, and the seats filled when there are trips', async () => {
    const f = await broadcastFixture();
    await give(f, 'U1', '1000');
    await runDigest(f.deps, evening('2026-11-27'));
    await give(f, 'U2', '500');
    f.volunteersDirectory({ seats: { filled: 3, capacity: 12 }, confirmed: [] });
    await runDigest(f.deps, evening('2026-11-28'));
    const text = textOf(f.messaging.sent[1]).lines.join('\n');
    expect(text).toContain('1 500 MAD');
    expect(text).toMatch(/500 MAD/);
    expect(text).toMatch(/3\D+12/);
  });

  it('the day after the end brings the closing digest; before, after and without channels nothing', async () => {
    const f = await broadcastFixture();
    expect((await runDigest(f.deps, evening('2026-12-16'))).status).toBe('posted');
    expect(textOf(f.messaging.sent[0]).headline).toContain('🏁');
    expect(await runDigest(f.deps, evening('2026-12-20'))).toEqual({ status: 'skipped', reason: 'not_running' });
    expect(await runDigest(f.deps, evening('2026-11-01'))).toEqual({ status: 'skipped', reason: 'no_campaign' });
    const silent = await broadcastFixture({ channels: [] });
    expect(await runDigest(silent.deps, evening('2026-11-27'))).toEqual({ status: 'skipped', reason: 'no_channels' });
  });
});
