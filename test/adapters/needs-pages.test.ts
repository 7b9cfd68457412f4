import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCampaign, startTestBot, type TestBot } from '../support/bot.js';
import { signIn, slackCommand, wallPath } from '../support/hr.js';
import { need, site } from '../support/needs.js';

let t: TestBot;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const DONOR = { id: 'UGIVER', name: 'Amina Benali' };

beforeAll(async () => {
  t = await startTestBot({ env: { ADMINS: 'slack:UHR', DEFAULT_LOCALE: 'fr' }, outbox: { autostart: false }, now: new Date() });
  t.slack.users.set(DONOR.id, { locale: 'fr-FR', name: DONOR.name });
  await seedCampaign(t.bot, { from: day(-10), to: day(10) });
  await site(t.bot.deps, 'Imzer');
  await site(t.bot.deps, 'Bab Berred');
  await need(t.bot.deps, 'Imzer', 'parka', '8-10', 50);
  await need(t.bot.deps, 'Bab Berred', 'couverture', '', 40);
  await need(t.bot.deps, 'Bab Berred', 'bonnet', '', 5);
  // A named person gives 20 parkas and all the hats: the pages must show counts, never who.
  expect(await slackCommand(t.url, '/give', '20 parkas 8-10 Imzer', DONOR.id)).toContain('30');
  await slackCommand(t.url, '/give', '5 bonnets Bab Berred', DONOR.id);
});
afterAll(async () => t?.close());

const PERSONAL = [DONOR.id, DONOR.name, 'Amina'];

describe('needs on the HR overview and the wallboard', () => {
  it('the overview lists each site’s needs, biggest shortfall first, with the missing count and no name', async () => {
    const cookie = await signIn(t.url, 'UHR');
    const res = await fetch(`${t.url}/hr`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const html = await res.text();
    const section = html.slice(html.indexOf('id="needs"'));
    expect(section).toContain('Besoins en nature');
    const rows = [...section.matchAll(/<tr data-missing="(\d+)"><td>([^<]*)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td>/g)].map((m) => [m[2], m[3], m[4], m[1]]);
    expect(rows).toEqual([
      ['Imzer', expect.stringContaining('parkas'), '20 / 50', '30'],
      ['Bab Berred', expect.stringContaining('couvertures'), '0 / 40', '40'],
      ['Bab Berred', expect.stringContaining('bonnets'), '5 / 5', '0'],
    ]);
    for (const personal of PERSONAL) expect(section).not.toContain(personal);
  });

  it('the wallboard shows the biggest shortfalls with their missing count, and nothing personal, on the page and in its updates', async () => {
    const path = wallPath(await slackCommand(t.url, '/caravan', 'wallboard', 'UHR')) ?? '';
    const html = await (await fetch(`${t.url}${path}`)).text();
    const list = /<ul data-list="needs">(.*?)<\/ul>/s.exec(html)?.[1] ?? '';
    const items = [...list.matchAll(/<li>([^<]*)<\/li>/g)].map((m) => m[1]);
    // Biggest first; a need fully pledged is not a shortfall.
    expect(items).toEqual([expect.stringMatching(/^Bab Berred : encore 40 couvertures/), expect.stringMatching(/^Imzer : encore 30 parkas/)]);
    const data = (await (await fetch(`${t.url}${path.replace('?', '/data?')}`)).json()) as { needs: string[] };
    expect(data.needs).toEqual(items);
    for (const personal of PERSONAL) {
      expect(html).not.toContain(personal);
      expect(JSON.stringify(data)).not.toContain(personal);
    }
  });
});
