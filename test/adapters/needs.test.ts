import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNeed, addSite } from '../../src/needs/needs.service.js';
import { plainText } from '../../src/chat/text.js';
import { currentCampaign, seedCampaign, startTestBot, type TestBot } from '../support/bot.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import { postToSlackEndpoint, slashCommandBody } from '../support/slack-sign.js';
import { person, personalMessage, postActivity } from '../support/teams-activities.js';

let t: TestBot;
let connector: FakeConnector;
const cli = { console: true } as const;

beforeAll(async () => {
  connector = await startFakeConnector();
  t = await startTestBot({ env: { ADMINS: 'slack:UHR', DEFAULT_LOCALE: 'fr' }, outbox: { autostart: false } });
  t.slack.users.set('UFRENCH', { locale: 'fr-FR', name: 'Amina' });
  await seedCampaign(t.bot);
  for (const name of ['Imzer', 'Bab Berred']) {
    const site = await addSite(t.bot.deps.needs, cli, { name, place: null, beneficiaries: 50, contact: 'Directeur : 06 00 00 00 00' });
    if (!site.ok) throw new Error(site.error.code);
  }
  for (const [site, item, size, quantity] of [
    ['Imzer', 'parka', '8-10', '50'],
    ['Imzer', 'parka', '10-12', '30'],
    ['Bab Berred', 'couverture', '', '40'],
  ] as const) {
    // Blankets carry a unit price, so money pledged can be shown as blankets.
    const need = await addNeed(t.bot.deps.needs, cli, { site, item, size, quantity, unitPrice: item === 'couverture' ? '150' : '' });
    if (!need.ok) throw new Error(need.error.code);
  }
});
afterAll(async () => {
  await t?.close();
  await connector?.close();
});

async function slash(name: string, text: string, user: string) {
  const res = await postToSlackEndpoint(t.url, { body: slashCommandBody(name, text, { user }) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { text: string }).text;
}
const needsOf = async () => ((await currentCampaign(t.url)).body as unknown as { needs: Array<Record<string, unknown>> }).needs;
const parkas810 = async () => (await needsOf()).find((n) => n.site === 'Imzer' && n.item === 'parka' && n.size === '8-10');

describe('in-kind gifts from Slack and Teams', () => {
  it('a Slack /give and a Teams give land in the same totals, each answered with what is still missing', async () => {
    const slack = await slash('/give', '3 parkas 8-10 Imzer', 'UFRENCH');
    expect(slack).toContain('Merci ! Votre don de 3 parkas (8-10) pour Imzer est enregistré');
    expect(slack).toContain('Il manque encore 47 parkas (8-10) à Imzer.');

    const activity = personalMessage(connector.url, person(7), 'give 2 anoraks imzèr 8/10', { locale: 'en-US' });
    expect((await postActivity(t.url, activity)).status).toBe(200);
    const reply = String(connector.sent((activity.conversation as { id: string }).id)[0]?.body?.text ?? '');
    expect(reply).toContain('Your gift of 2 parkas (8-10) for Imzer is recorded');
    expect(reply).toContain('Imzer still needs 45 parkas (8-10).');

    expect(await parkas810()).toEqual({ site: 'Imzer', item: 'parka', label: 'parka', size: '8-10', needed: 50, pledged: 5, received: 0 });
  });

  it('the public API shows needs as totals, never a name or a contact', async () => {
    const raw = JSON.stringify(await currentCampaign(t.url));
    for (const secret of ['Amina', 'Person 7', 'UFRENCH', 'Directeur', '06 00']) expect(raw).not.toContain(secret);
  });

  it('an ambiguous line gets the list of what is needed, and nothing is pledged', async () => {
    const before = await needsOf();
    const text = await slash('/give', '2 parkas', 'UFRENCH');
    expect(text).toContain('Précisez');
    expect(text).toContain('Imzer : encore 45 parkas (8-10)');
    expect(text).toContain('Imzer : encore 30 parkas (10-12)');
    expect(await needsOf()).toEqual(before);
  });

  it('/caravan needs shows anyone what is still missing, site by site', async () => {
    const text = await slash('/caravan', 'besoins', 'UFRENCH');
    expect(text).toContain('Imzer');
    expect(text).toContain('45 parkas (8-10) sur 50');
    expect(text).toContain('40 couvertures sur 40');
  });

  it('/caravan needs shows the money pledged as items of the shortest priced need', async () => {
    expect(await slash('/caravan', 'besoins', 'UFRENCH')).not.toContain('promis valent');
    expect(await slash('/pledge', '1 500', 'UFRENCH')).toContain('1 500');
    // 1 500 MAD at 150 MAD a blanket: 10 blankets (the parkas have no price).
    expect(await slash('/caravan', 'besoins', 'UFRENCH')).toContain('Les 1 500 MAD promis valent environ 10 couvertures (à 150 MAD l’unité).');
  });
});

describe('hand-in and loading list', () => {
  it('only HR marks a gift received; someone else is refused and nothing changes', async () => {
    const mine = await slash('/give', 'list', 'UFRENCH');
    const id = /n° (\d+)/.exec(mine)?.[1] ?? '';
    expect(id).not.toBe('');
    expect(await slash('/caravan', `received ${id} 2`, 'UFRENCH')).toContain('réservée à l’équipe RH');
    expect((await parkas810())?.received).toBe(0);

    const done = await slash('/caravan', `received ${id} 2`, 'UHR');
    expect(done).toContain(`Don n° ${id} : 2 parkas (8-10) pour Imzer reçu(s) (2 sur 3).`);
    expect(done).toContain('remerciée par message privé');
    expect((await parkas810())?.received).toBe(2);
    const thanks = await t.db.db.selectFrom('outbox_messages').select('payload').where('kind', '=', 'thanks').execute();
    expect(thanks).toHaveLength(1);
    // The stored message keeps its person-text marks for the renderers; people read it without them.
    expect(plainText(JSON.stringify(thanks[0]?.payload))).toContain('Vos dons (2 parkas (8-10)) pour Imzer ont bien été reçus.');
  });

  it('HR gets signed links to a printable page and a CSV of what was received; a forged link is refused', async () => {
    expect(await slash('/caravan', 'loading Imzer', 'UFRENCH')).toContain('réservée à l’équipe RH');
    const text = await slash('/caravan', 'chargement imzer', 'UHR');
    // PUBLIC_URL is not this test server's port: keep the signed path and query, ask this server.
    const [html, csv] = ['html', 'csv'].map((ext) => {
      const link = new URL(new RegExp(`(http\\S+/files/loading/\\S+\\.${ext}\\?\\S+)`).exec(text)?.[1] ?? 'http://invalid/');
      return `${t.url}${link.pathname}${link.search}`;
    });
    const page = await fetch(html ?? '', { headers: { 'accept-language': 'fr' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('private, no-store');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const body = await page.text();
    expect(body).toContain('Liste de chargement — Imzer');
    expect(body).toMatch(/<td>parkas<\/td><td>8-10<\/td><td class="n">2<\/td>/);
    expect(body).not.toContain('Amina');
    const file = await fetch(csv ?? '');
    expect((await file.text()).replace(/^\uFEFF/, '')).toBe('Article,Taille,Reçus\r\nparkas,8-10,2\r\n');
    const forged = (html ?? '').replace(/sig=[^&]+/, 'sig=AAAA');
    expect((await fetch(forged)).status).toBe(403);
  });
});
