/**
 * Does the wallboard survive a night on a TV browser? The page is opened in Debian's Chromium
 * (playwright-core, `/usr/bin/chromium` or CHROMIUM_PATH) with a 2-second refresh, against the bot
 * as its own process on Postgres, while pledges and photo approvals keep coming. The page's clock is
 * Playwright's fake one: each cycle moves it 2 s ahead (the poll fires at once, its request is real)
 * and waits for the answer, so BENCH_WALL_CYCLES refreshes (2,400 by default: 80 minutes of page
 * time at 2 s, a 20-hour night at the default 30 s) take a few minutes. Every BENCH_WALL_EVERY cycles the
 * page is garbage-collected and sampled over CDP: JS heap used, DOM nodes, event listeners.
 * Prints the first and last samples and the slope per 1,000 refreshes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { migrateToLatest, openDatabase } from '../db/connect.js';
import { photoStore } from '../db/repositories/photos.js';
import { createStores } from '../db/stores.js';
import { LocalPhotoStorage } from '../adapters/photos/local-storage.js';
import { minor } from '../src/shared/money.js';
import { startFakeSlack } from '../test/support/fake-slack.js';
import { launchChromium } from '../test/support/hr-browser.js';
import { phoneJpeg } from '../test/support/images.js';
import { slackSignature, slashCommandBody } from '../test/support/slack-sign.js';
import { localDay, scratchDatabase, startChildBot, table } from './support.js';

const SECRET = 'bench-signing-secret';
const CYCLES = Number(process.env.BENCH_WALL_CYCLES ?? 2400);
const EVERY = Number(process.env.BENCH_WALL_EVERY ?? 100);
const REFRESH_MS = 2000;
const PORT = 3951;

interface Sample {
  cycle: number;
  heapMb: number;
  nodes: number;
  listeners: number;
  botRssMb: number;
}

/** Least-squares slope of `y` over `x`. */
function slope(points: Array<[number, number]>): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const num = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const den = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

async function sample(cdp: CDPSession, cycle: number, botRssMb: number): Promise<Sample> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
  return { cycle, heapMb: metric('JSHeapUsedSize') / 1024 / 1024, nodes: metric('Nodes'), listeners: metric('JSEventListeners'), botRssMb };
}

/** One refresh: the page's clock moves 2 s, its poll goes out, the answer arrives. False when none came. */
async function refresh(page: Page, dataPath: string): Promise<boolean> {
  const answered = page.waitForResponse((r) => r.url().includes(dataPath), { timeout: 5_000 }).catch(() => null);
  await page.clock.runFor(REFRESH_MS);
  const res = await answered;
  if (!res) return false;
  await res.finished();
  // A round trip into the page: the answer's promise chain has run by the time this one is handled.
  await page.evaluate(() => true);
  return true;
}

export default async function run(): Promise<void> {
  const database = await scratchDatabase('caravane_wall');
  const slack = await startFakeSlack('xoxb-bench');
  const dataDir = mkdtempSync(join(tmpdir(), 'caravane-wall-'));
  const handle = await openDatabase({ url: database.url, dataDir: '' });
  await migrateToLatest(handle);
  const campaign = await createStores(handle.db).campaigns.create({
    name: 'Caravane de nuit',
    currency: 'MAD',
    goalMinor: minor(5_000_000_000),
    startsOn: localDay(-10),
    endsOn: localDay(20),
  });
  const url = `http://127.0.0.1:${PORT}`;
  const env = {
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_API_URL: slack.apiUrl,
    DATABASE_URL: database.url,
    DATA_DIR: dataDir,
    ADMINS: 'slack:UHR',
    PUBLIC_URL: url,
  };
  const bot = await startChildBot(env, PORT);
  const browser = await launchChromium();
  const photos = photoStore(handle.db);
  const storage = new LocalPhotoStorage(join(dataDir, 'photos'));
  const jpeg = await phoneJpeg(960, 640);
  let n = 0;
  const slash = async (command: string, text: string, user: string) => {
    const body = slashCommandBody(command, text, { user });
    const ts = Math.floor(Date.now() / 1000);
    const res = await fetch(`${url}/slack/events`, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(ts),
        'x-slack-signature': slackSignature(SECRET, ts, body),
      },
    });
    return res.text();
  };
  /** A photo sent, consented and approved, as HR's review would leave it. */
  const approvePhoto = async () => {
    const i = ++n;
    const person = await createStores(handle.db).people.resolve({
      platform: 'slack',
      tenantId: 'T111',
      userId: `UPHOTO${i % 20}`,
      displayName: `UPHOTO${i % 20}`,
    });
    await storage.put(`bench/${i}-web.jpg`, jpeg);
    await storage.put(`bench/${i}-thumb.jpg`, jpeg);
    const { batch } = await photos.createBatch({
      campaignId: campaign.id,
      uploader: { personId: person.id, platform: 'slack', tenantId: 'T111', userId: `UPHOTO${i % 20}` },
      locale: 'fr',
      sourceKey: `bench-${i}`,
      caption: null,
      photos: [{ webKey: `bench/${i}-web.jpg`, thumbKey: `bench/${i}-thumb.jpg`, width: 960, height: 640, webBytes: jpeg.length, thumbBytes: jpeg.length }],
      createdAt: new Date(),
    });
    await photos.setStatus(batch.id, 'awaiting_consent', { status: 'in_review', at: new Date(), caption: null, place: null });
    await photos.setStatus(batch.id, 'in_review', { status: 'approved', at: new Date(), by: 'slack:UHR' });
  };
  try {
    await approvePhoto();
    const link = /(\/wall\/[0-9a-f-]{36}\?exp=\d+&sig=[A-Za-z0-9_-]+)/.exec(await slash('/caravan', 'wallboard', 'UHR'))?.[1];
    if (!link) throw new Error('no wallboard link in the answer to /caravan wallboard');
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.clock.install();
    await page.goto(`${url}${link}&refresh=${REFRESH_MS}`);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const dataPath = `/wall/${campaign.id}/data`;
    const samples: Sample[] = [];
    const started = performance.now();
    let missed = 0;
    for (let cycle = 0; cycle <= CYCLES; cycle++) {
      if (cycle % EVERY === 0) samples.push(await sample(cdp, cycle, bot.rssMb()));
      if (cycle === CYCLES) break;
      // Someone pledges every few refreshes; HR approves a photo now and then.
      if (cycle % 5 === 0) await slash('/pledge', String(100 + (cycle % 900)), `UWALL${cycle % 400}`);
      if (cycle % 50 === 0) await approvePhoto();
      if (!(await refresh(page, dataPath))) missed++;
    }
    const seconds = (performance.now() - started) / 1000;
    const shown = await page.locator('[data-field="pledged"]').innerText();
    await context.close();
    const first = samples[0];
    const last = samples.at(-1);
    if (!first || !last) throw new Error('no samples');
    // The first sample is the fresh page, before its code warmed up: the slope is taken after it.
    const per1000 = (pick: (s: Sample) => number) => slope(samples.slice(1).map((s) => [s.cycle, pick(s)])) * 1000;
    const row = (label: string, pick: (s: Sample) => number, digits: number) => [
      label,
      pick(first).toFixed(digits),
      pick(last).toFixed(digits),
      per1000(pick).toFixed(digits + 1),
    ];
    table(
      `Wallboard in Chromium: ${CYCLES} refreshes every ${REFRESH_MS / 1000} s of page time (${((CYCLES * REFRESH_MS) / 3_600_000).toFixed(1)} h; ${((CYCLES * 30) / 3600).toFixed(0)} h at the default 30 s) in ${seconds.toFixed(0)} s, ${CYCLES / 5} pledges, ${n} photos approved`,
      ['after GC', 'first', 'last', `slope /1,000 refreshes (after the first ${EVERY})`],
      [
        row('JS heap used (MB)', (s) => s.heapMb, 2),
        row('DOM nodes', (s) => s.nodes, 0),
        row('event listeners', (s) => s.listeners, 0),
        row('bot RSS (MB)', (s) => s.botRssMb, 0),
      ],
    );
    console.log(`JS heap (MB) every ${EVERY} refreshes: ${samples.map((s) => s.heapMb.toFixed(2)).join(' ')}`);
    console.log(`last figure shown: ${shown}; refreshes with no answer: ${missed}; page errors: ${errors.length}`);
  } finally {
    await browser.close();
    await bot.stop();
    await handle.close();
    await slack.close();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
