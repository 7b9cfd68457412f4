import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCampaign, startTestBot, type TestBot } from '../support/bot.js';
import { signInPath, slackCommand, wallPath } from '../support/hr.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chartLink } from '../../adapters/charts/chart-route.js';
import { signingKeys } from '../../db/repositories/secrets.js';
import { CHART_HEIGHT, CHART_WIDTH } from '../../adapters/charts/progress-chart.js';
import { launchChromium, SCREENSHOTS, screenshot } from '../support/hr-browser.js';
import { trip, volunteer } from '../support/volunteers.js';
import { sql } from 'kysely';
import { phoneJpeg } from '../support/images.js';
import { tempDataDir } from '../support/photos.js';

let t: TestBot;
let browser: Browser;
// Pledges are stamped by the database's clock: the bot's clock is today for real here.
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const pledge = (user: string, text: string) => slackCommand(t.url, '/pledge', text, user);

beforeAll(async () => {
  t = await startTestBot({ env: { ADMINS: 'slack:UHR', DEFAULT_LOCALE: 'fr', DATA_DIR: await tempDataDir() }, outbox: { autostart: false }, now: new Date() });
  await seedCampaign(t.bot, { from: day(-10), to: day(10) });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('HR dashboard in a real browser', () => {
  it('signs in by link, keeps the session, and marks ticked pledges collected', async () => {
    for (const [user, amount] of [
      ['UA', '1500'],
      ['UB', '800'],
      ['UC', '2 000'],
    ] as const)
      await pledge(user, amount);
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));

    await page.goto(`${t.url}/hr/pledges`);
    await expect.poll(() => page.locator('main').innerText()).toContain('caravan dashboard');
    expect(await page.content()).not.toContain('1 500');
    await screenshot(page, 'hr-signin');

    const path = signInPath(await slackCommand(t.url, '/caravan', 'dashboard', 'UHR'));
    await page.goto(`${t.url}${path ?? ''}`);
    await screenshot(page, 'hr-signin-confirm');
    await page.keyboard.press('Enter'); // the button has focus: signing in works from the keyboard
    await page.waitForURL(`${t.url}/hr`);
    expect(await page.locator('h1').innerText()).toBe('Caravane 2026');
    expect(await page.locator('.cards').innerText()).toContain('4 300 MAD');
    expect(await page.locator('svg.chart rect').count()).toBeGreaterThan(2);
    await screenshot(page, 'hr-overview');

    await page.getByRole('link', { name: 'Promesses' }).click();
    await page.waitForURL(`${t.url}/hr/pledges`);
    expect(await page.locator('#pledges tbody tr').count()).toBe(3);
    await page.getByRole('searchbox').fill('800');
    expect(await page.locator('#pledges tbody tr:visible').count()).toBe(1);
    await page.getByRole('searchbox').fill('');
    await page.getByRole('button', { name: 'Montant' }).click();
    const amounts = await page.locator('#pledges tbody td.num').allInnerTexts();
    expect(amounts).toEqual(['800 MAD', '1 500 MAD', '2 000 MAD']);
    await page.getByRole('checkbox', { name: /n° 1$/ }).check();
    await page.getByRole('checkbox', { name: /n° 3$/ }).check();
    await screenshot(page, 'hr-pledges-ticked');
    await page.getByRole('button', { name: 'Marquer les promesses cochées comme collectées' }).click();
    // The page HR comes back to says what happened; the address carries nothing.
    await page.getByRole('status').waitFor();
    expect(page.url()).toBe(`${t.url}/hr/pledges`);
    expect(await page.getByRole('status').innerText()).toContain('2 promesses marquées collectées');
    expect(await page.locator('#pledges tr[data-status="collected"]').count()).toBe(2);
    await screenshot(page, 'hr-pledges-collected');
    expect((await t.bot.deps.pledges.get(1))?.status).toBe('collected');
    expect((await t.bot.deps.pledges.get(2))?.status).toBe('pledged');

    // Payments CSV: the preview shows what matches and changes nothing.
    await page.getByRole('link', { name: 'Paiements' }).click();
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'virements.csv', mimeType: 'text/csv', buffer: Buffer.from('pledge,amount\n2,800\n1,1500\n7,100\n') });
    await expect.poll(() => page.locator('#csv-text').inputValue()).toContain('2,800');
    await page.getByRole('button', { name: 'Voir ce qui correspond' }).click();
    await page.waitForURL(`${t.url}/hr/payments/preview`);
    expect(await page.locator('#payments tbody tr').allInnerTexts()).toEqual([
      expect.stringContaining('correspond'),
      expect.stringContaining('déjà collectée'),
      expect.stringContaining('promesse inconnue'),
    ]);
    await screenshot(page, 'hr-payments-preview');
    expect((await t.bot.deps.pledges.get(2))?.status).toBe('pledged');
    await page.getByRole('button', { name: 'Marquer 1 promesse collectée' }).click();
    await page.waitForURL(`${t.url}/hr/pledges`);
    expect(await page.getByRole('status').innerText()).toContain('1 promesse marquée collectée');
    expect((await t.bot.deps.pledges.get(2))?.status).toBe('collected');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('moves a volunteer to the waitlist from the roster; both people are told, as from chat', async () => {
    const azilal = await trip(t.bot.deps, { seats: 1, startsOn: day(5), endsOn: day(7) });
    await volunteer(t.bot.deps, azilal.id, 'UV1', { n: 1 });
    await volunteer(t.bot.deps, azilal.id, 'UV2', { n: 2 });
    const dms = async () => (await sql<{ n: number }>`select count(*)::int as n from outbox_targets`.execute(t.bot.database.db)).rows[0]?.n ?? 0;
    const before = await dms();
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${t.url}${signInPath(await slackCommand(t.url, '/caravan', 'dashboard', 'UHR')) ?? ''}`);
    await page.getByRole('button', { name: 'Me connecter' }).click();
    await page.waitForURL(`${t.url}/hr`);
    await page.getByRole('link', { name: 'Voyages' }).click();
    const rows = page.locator(`#roster-${azilal.id} tbody tr`);
    expect(await rows.count()).toBe(2);
    await screenshot(page, 'hr-trips-before');
    await page.getByRole('button', { name: 'Mettre en attente — UV1' }).click();
    // The page HR comes back to says what happened; the address carries nothing.
    await page.getByRole('status').waitFor();
    expect(page.url()).toBe(`${t.url}/hr/trips`);
    expect(await page.getByRole('status').innerText()).toContain('UV1');
    expect(await page.locator(`#roster-${azilal.id} tr[data-status="confirmed"]`).innerText()).toContain('UV2');
    expect(await page.locator(`#roster-${azilal.id} tr[data-status="waitlisted"]`).innerText()).toContain('UV1');
    await screenshot(page, 'hr-trips-after');
    expect(await dms()).toBeGreaterThanOrEqual(before + 2);
    await context.close();
  });

  it('approves a batch of photos from the moderation queue, with thumbnails', async () => {
    const p = t.bot.deps.photos;
    if (!p) throw new Error('photos are not wired');
    const jpeg = await phoneJpeg(320, 240);
    await p.storage.put('seed/1-web.jpg', jpeg);
    await p.storage.put('seed/1-thumb.jpg', jpeg);
    const person = await t.bot.deps.people.resolve({ platform: 'slack', tenantId: 'T111', userId: 'UPHOTO', displayName: 'Amina' });
    const campaign = (await t.bot.deps.campaigns.list())[0];
    const { batch } = await p.store.createBatch({
      campaignId: campaign?.id ?? '',
      uploader: { personId: person.id, platform: 'slack', tenantId: 'T111', userId: 'UPHOTO' },
      locale: 'fr',
      sourceKey: 'seed-1',
      caption: null,
      photos: [{ webKey: 'seed/1-web.jpg', thumbKey: 'seed/1-thumb.jpg', width: 320, height: 240, webBytes: jpeg.length, thumbBytes: jpeg.length }],
      createdAt: new Date(),
    });
    expect(await p.store.setStatus(batch.id, 'awaiting_consent', { status: 'in_review', at: new Date(), caption: 'Départ', place: 'Azilal' })).toBe(true);

    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${t.url}${signInPath(await slackCommand(t.url, '/caravan', 'dashboard', 'UHR')) ?? ''}`);
    await page.getByRole('button', { name: 'Me connecter' }).click();
    await page.waitForURL(`${t.url}/hr`);
    await page.getByRole('link', { name: 'Photos' }).click();
    const thumb = page.getByRole('img', { name: `Photo n° ${batch.photos[0]?.id}` });
    await expect.poll(() => thumb.evaluate((img) => Number(Reflect.get(img, 'naturalWidth')))).toBeGreaterThan(0);
    expect(await page.locator('.batch h3').innerText()).toContain('Amina');
    await screenshot(page, 'hr-photos-pending');
    await page.getByRole('button', { name: 'Approuver' }).click();
    // The page HR comes back to says what happened; the address carries nothing.
    await page.getByRole('status').waitFor();
    expect(page.url()).toBe(`${t.url}/hr/photos`);
    expect(await page.getByRole('status').innerText()).toMatch(/approuvées? ; la personne est prévenue/);
    expect((await p.store.getBatch(batch.id))?.status).toBe('approved');
    expect(await page.getByText('Aucune photo n’attend de validation.').count()).toBe(1);
    await screenshot(page, 'hr-photos-approved');

    // The announcement form previews what channels will get; nothing is sent by a preview.
    await page.getByRole('link', { name: 'Annonces' }).click();
    // HR's bold is drawn bold, as the channels will show it; the form keeps what HR typed.
    await page.getByLabel('Message').fill('Départ samedi à *8 h*, parking du siège.');
    await page.getByRole('button', { name: 'Aperçu' }).click();
    expect(await page.locator('.preview blockquote').innerText()).toContain('Départ samedi à 8 h, parking du siège.');
    expect(await page.locator('.preview blockquote strong', { hasText: '8 h' }).count()).toBe(1);
    expect(await page.getByLabel('Message').inputValue()).toBe('Départ samedi à *8 h*, parking du siège.');
    await screenshot(page, 'hr-announcements-preview');
    await context.close();
  });

  it('puts the thermometer on a wall screen that updates itself after a pledge', async () => {
    const link = wallPath(await slackCommand(t.url, '/caravan', 'wallboard', 'UHR'));
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${t.url}${link ?? ''}&refresh=2000`);
    const pledged = page.locator('[data-field="pledged"]');
    const before = await pledged.innerText();
    const fill = Number(await page.locator('#thermo-fill').getAttribute('height'));
    await screenshot(page, 'wall-before');

    await pledge('UD', '60 000');
    await expect.poll(() => pledged.innerText(), { timeout: 10_000 }).not.toBe(before);
    expect(await pledged.innerText()).toBe('64 300 MAD');
    expect(Number(await page.locator('#thermo-fill').getAttribute('height'))).toBeGreaterThan(fill);
    expect(await page.locator('[data-field="milestone"]').innerText()).toBe('25 % de l’objectif');
    // The photo approved above is in the slideshow.
    await expect.poll(() => page.locator('#slide').evaluate((img) => Number(Reflect.get(img, 'naturalWidth')))).toBeGreaterThan(0);
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(/UA|UB|UD|someone/);
    await screenshot(page, 'wall-after');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the chart that digest and milestone posts carry, as Teams fetches it, and keeps the PNG', async () => {
    const campaign = (await t.bot.deps.campaigns.list())[0];
    const link = new URL(await chartLink(signingKeys(t.bot.database.db), t.url, campaign?.id ?? '', 'fr', new Date(Date.now() + 3_600_000)));
    const res = await fetch(link);
    expect(res.headers.get('content-type')).toBe('image/png');
    const png = Buffer.from(await res.arrayBuffer());
    mkdirSync(SCREENSHOTS, { recursive: true });
    writeFileSync(join(SCREENSHOTS, 'chart-progress-fr.png'), png);
    const context = await browser.newContext({ viewport: { width: 1000, height: 600 } });
    const page = await context.newPage();
    await page.goto(link.href);
    expect(await page.locator('img').evaluate((img) => [Reflect.get(img, 'naturalWidth'), Reflect.get(img, 'naturalHeight')])).toEqual([
      CHART_WIDTH,
      CHART_HEIGHT,
    ]);
    await context.close();
  });
});
