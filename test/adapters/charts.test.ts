import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartLink } from '../../adapters/charts/chart-route.js';
import { signingKeys } from '../../db/repositories/secrets.js';
import { CHART_HEIGHT, CHART_WIDTH } from '../../adapters/charts/progress-chart.js';
import { seedCampaign, startTestBot, type TestBot } from '../support/bot.js';
import { slackCommand } from '../support/hr.js';
import { SCREENSHOTS } from '../support/hr-browser.js';
import { pathOf } from '../support/photos.js';
import { tamperAfter } from '../support/tamper.js';

let t: TestBot;
let campaignId: string;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await startTestBot({ env: { DEFAULT_LOCALE: 'fr' }, outbox: { autostart: false }, now: new Date() });
  campaignId = (await seedCampaign(t.bot, { from: day(-5), to: day(5) })).id;
  await slackCommand(t.url, '/pledge', '37 500', 'UDONOR');
});
afterAll(async () => t?.close());

const link = (expiresAt = new Date(Date.now() + 3_600_000)) => chartLink(signingKeys(t.bot.database.db), t.url, campaignId, 'fr', expiresAt).then(pathOf);

describe('the chart image for the digest and milestone posts', () => {
  it('is a PNG of the stated size with no metadata', async () => {
    const res = await fetch(`${t.url}${await link()}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const png = Buffer.from(await res.arrayBuffer());
    mkdirSync(SCREENSHOTS, { recursive: true });
    writeFileSync(join(SCREENSHOTS, 'chart-progress.png'), png);
    const meta = await sharp(png).metadata();
    expect(meta.format).toBe('png');
    expect([meta.width, meta.height]).toEqual([CHART_WIDTH, CHART_HEIGHT]);
    expect(meta.exif).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.hasAlpha).toBe(false);
    // Only the image chunks: no tEXt/iTXt/zTXt/eXIf/tIME that could carry anything else.
    for (const chunk of ['tEXt', 'iTXt', 'zTXt', 'eXIf', 'tIME', 'iCCP']) expect(png.includes(Buffer.from(chunk))).toBe(false);
    // The bar toward the goal is drawn: 25 % of the width at its left is orange, the rest sand.
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number) => Array.from(data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3));
    expect(at(60, 104)).toEqual([0xc2, 0x41, 0x0c]);
    expect(at(700, 104)).toEqual([0xf1, 0xe7, 0xda]);
  });

  it('is refused with a forged or expired link', async () => {
    expect((await fetch(`${t.url}${tamperAfter(await link(), 'sig=')}`)).status).toBe(403);
    expect((await fetch(`${t.url}${await link(new Date(t.clock.now().getTime() - 1000))}`)).status).toBe(403);
  });
});
