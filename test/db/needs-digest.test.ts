import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreServices } from '../../adapters/main.js';
import { runDigest } from '../../src/digest/digest.service.js';
import { give } from '../../src/needs/give.service.js';
import { biggestShortfalls } from '../../src/needs/needs.service.js';
import { parseOutgoingMessage } from '../../src/outbox/payload.js';
import { ManualClock } from '../../src/shared/clock.js';
import { testDatabase, type TestDatabase } from '../support/db.js';
import { need, site } from '../support/needs.js';
import { campaign, coreDeps, person } from '../support/volunteers.js';

let db: TestDatabase;
let deps: CoreServices;
const clock = new ManualClock(new Date('2026-11-27T11:00:00Z'));

beforeAll(async () => {
  db = await testDatabase();
  const base = coreDeps(db, clock);
  deps = { ...base, messaging: { ...base.messaging, needs: { shortfalls: (id, limit) => biggestShortfalls(base.needs, id, limit) } } };
  await campaign(deps);
  await deps.messaging.channels.add({ destination: { platform: 'slack', channelId: 'C0CARAVANE' }, kind: 'channel', addedBy: 'slack:UHR' });
  await site(deps, 'Imzer');
  await site(deps, 'Ifrtan');
});
afterAll(async () => db?.drop());

describe('the daily digest', () => {
  it('lists the three biggest shortfalls, biggest first (ties by site and item), and leaves covered needs out', async () => {
    await need(deps, 'Imzer', 'couverture', '', 30);
    await need(deps, 'Ifrtan', 'parka', '8-10', 20);
    await need(deps, 'Imzer', 'ballon de football', '', 4);
    await need(deps, 'Ifrtan', 'fauteuil roulant', '', 2);
    await need(deps, 'Imzer', 'bottes', 'T32', 3);
    const p = await person(deps, 'UGIVER');
    const gifts = ['18 couvertures Imzer', '2 fauteuils roulants', '1 ballon de foot'];
    for (const text of gifts) expect((await give(deps.needs, { personId: p.id, platform: 'slack' }, text, null)).ok).toBe(true);

    const outcome = await runDigest(deps, new Date('2026-11-28T09:00:00Z'));
    expect(outcome.status).toBe('posted');
    const row = await db.db.selectFrom('outbox_messages').select('payload').where('kind', '=', 'digest').executeTakeFirstOrThrow();
    const message = parseOutgoingMessage(row.payload);
    const at = message?.lines.indexOf('Ce qu’il manque encore :') ?? -1;
    expect(at).toBeGreaterThan(0);
    expect(message?.lines.slice(at + 1, at + 5)).toEqual([
      '• Ifrtan : encore 20 parkas (8-10)',
      '• Imzer : encore 12 couvertures',
      '• Imzer : encore 3 paires de bottes (32)',
      '17 jours restants',
    ]);
    expect(message?.lines.join('\n')).not.toContain('fauteuil');
    expect(message?.lines.join('\n')).not.toContain('ballon');
  });
});
