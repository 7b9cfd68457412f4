import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCampaign, startTestBot, type TestBot } from '../support/bot.js';
import { slackCommand, wallPath } from '../support/hr.js';
import { tamperAfter } from '../support/tamper.js';

let t: TestBot;

// Pledges are stamped by the database's clock, so "today" on the wall is today for real here.
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await startTestBot({ env: { ADMINS: 'slack:UHR', DEFAULT_LOCALE: 'fr' }, outbox: { autostart: false }, now: new Date() });
  await seedCampaign(t.bot, { from: day(-10), to: day(10) });
});
afterAll(async () => t?.close());

const get = (path: string) => fetch(`${t.url}${path}`);
const dataOf = (path: string) => path.replace('?', '/data?');

describe('the office wallboard', () => {
  it('is given to HR only, and shows today’s totals with no name or note', async () => {
    expect(wallPath(await slackCommand(t.url, '/caravan', 'wallboard', 'USOMEONE'))).toBeNull();
    const answer = await slackCommand(t.url, '/caravan', 'wallboard', 'UHR');
    const path = wallPath(answer) ?? '';
    expect(path).not.toBe('');
    await slackCommand(t.url, '/pledge', '2500 pour les enfants', 'UDONOR1');
    await slackCommand(t.url, '/pledge', '500', 'UDONOR2');

    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toContain('3 000 MAD');
    expect(html).toContain('2 nouvelles promesses');
    expect(html).toContain('2 donateurs');
    for (const personal of ['UDONOR1', 'someone', 'pour les enfants']) expect(html).not.toContain(personal);

    const data = (await (await get(dataOf(path))).json()) as Record<string, unknown>;
    expect(data.pledged).toBe('3 000 MAD');
    expect(data.percentText).toBe('2 %');
    expect(JSON.stringify(data)).not.toMatch(/UDONOR|someone|enfants/);
  });

  it('answers 403 with no number for a forged, expired or revoked link', async () => {
    const path = wallPath(await slackCommand(t.url, '/caravan', 'wallboard', 'UHR')) ?? '';
    const forged = [tamperAfter(path, 'sig='), path.replace(/exp=(\d+)/, (_m, e: string) => `exp=${Number(e) + 1}`), path.replace(/[0-9a-f]{8}-/, '00000000-')];
    for (const bad of forged) {
      for (const url of [bad, dataOf(bad)]) {
        const res = await get(url);
        expect(res.status).toBe(403);
        const body = await res.text();
        expect(body).not.toContain('MAD');
        expect(body).not.toContain('Caravane 2026');
      }
    }
    t.clock.advance(121 * 24 * 60 * 60 * 1000);
    const late = await get(path);
    expect(late.status).toBe(403);
    expect(await late.text()).toContain('expiré');
    t.clock.advance(-121 * 24 * 60 * 60 * 1000);

    expect((await get(path)).status).toBe(200);
    expect(await slackCommand(t.url, '/caravan', 'wallboard revoke', 'UHR')).toContain('ne marchent plus');
    expect((await get(path)).status).toBe(403);
    expect((await get(dataOf(path))).status).toBe(403);
    const fresh = wallPath(await slackCommand(t.url, '/caravan', 'wallboard', 'UHR')) ?? '';
    expect((await get(fresh)).status).toBe(200);
  });
});
