/**
 * `npm run cards:preview`: draws every distinct Adaptive Card the test suite produced (kept by the
 * strict fake connector in test-output/cards) with Microsoft's own JS renderer and the host config
 * Microsoft publishes for Teams' light theme, in headless Chromium, one PNG per card in
 * test-output/cards-preview, for a reviewer to look at. Run the Teams tests first.
 *
 * The JS renderer shows markdown only through a hook; Teams renders bold, italics and links, so a
 * small converter stands in (HTML escaped first, backslash escapes honoured), close enough to judge
 * what a person reads.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { z } from 'zod';
import { progressChartPng } from '../../adapters/charts/progress-chart.js';
import type { ChartData } from '../../src/dashboard/charts.service.js';
import { t } from '../../src/shared/i18n/index.js';
import { minor } from '../../src/shared/money.js';
import { CARDS_DIR } from '../support/teams-conformance.js';

const require = createRequire(import.meta.url);
const OUT = join(process.cwd(), 'test-output', 'cards-preview');
const kept = z.object({ where: z.string(), card: z.unknown() });
const hostConfig: unknown = JSON.parse(readFileSync(new URL('../fixtures/schemas/teams-host-config-light.json', import.meta.url), 'utf8'));

/** Runs inside the page: renders one card into #card with Teams' host config. */
const PAGE_SCRIPT = `
window.renderCard = (card, hostConfig, where) => {
  document.getElementById('where').textContent = where;
  const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
    // Backslash escapes (CommonMark, as Teams reads them) show the character itself and format nothing.
    result.outputHtml = escape(text)
      .replace(/\\\\([\\\\\`*_~\\[\\]#|]|&lt;|&gt;)/g, (m, ch) => (ch.length > 1 ? ch : '&#' + ch.charCodeAt(0) + ';'))
      .replace(/\\*\\*([^*]+)\\*\\*/g, '<strong>$1</strong>')
      .replace(/(^|\\s)_([^_]+)_(?=\\s|$)/g, '$1<em>$2</em>')
      .replace(/\\[([^\\]]+)\\]\\((https?:[^)]+)\\)/g, '<a href="$2">$1</a>')
      .replace(/\\n/g, '<br>');
    result.didProcess = true;
  };
  const ac = new AdaptiveCards.AdaptiveCard();
  ac.hostConfig = new AdaptiveCards.HostConfig(hostConfig);
  ac.parse(card);
  const el = ac.render();
  const root = document.getElementById('card');
  root.innerHTML = '';
  root.appendChild(el);
};`;

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 16px; background: #f5f5f5; font-family: 'Segoe UI', system-ui, sans-serif; }
#card { width: 440px; background: #fff; border: 1px solid #e1e1e1; border-radius: 6px; overflow: hidden; }
#where { font: 11px monospace; color: #888; margin-bottom: 6px; width: 440px; overflow-wrap: anywhere; }
</style></head><body><div id="where"></div><div id="card"></div></body></html>`;

/** A grey square for photos served by test servers long gone (data: pictures are drawn as they are). */
const PLACEHOLDER = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="320" height="240"><rect width="100%" height="100%" fill="#b9c4cc"/><text x="50%" y="50%" font-size="28" text-anchor="middle" fill="#fff">photo</text></svg>')}`;

/** Digest and milestone cards link to the chart route: drawn here by the bot's own renderer, on figures of a campaign a third of the way. */
async function chartPictures(): Promise<Record<'fr' | 'en', string>> {
  const days = Array.from({ length: 13 }, (_, i) => ({
    day: `2026-11-${String(15 + i).padStart(2, '0')}`,
    pledgedMinor: minor(([4, 9, 2, 0, 6, 3, 5, 0, 1, 8, 3, 4, 5][i] ?? 0) * 100_000),
    pledges: 3 + i,
  }));
  const pledged = minor(days.reduce((sum, d) => sum + d.pledgedMinor, 0));
  const data: ChartData = {
    campaign: { name: 'Caravane 2026', currency: 'MAD', goalMinor: minor(15_000_000) },
    totals: { pledgedMinor: pledged, collectedMinor: minor(Math.round(pledged / 2)), donors: 61, pledges: 75 },
    percent: Math.floor((pledged / 15_000_000) * 100),
    days,
  };
  const drawn = async (locale: 'fr' | 'en') => `data:image/png;base64,${(await progressChartPng(data, t(locale))).toString('base64')}`;
  return { fr: await drawn('fr'), en: await drawn('en') };
}

function withPlaceholders(value: unknown, charts: Record<'fr' | 'en', string>, key = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => withPlaceholders(v, charts));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withPlaceholders(v, charts, k)]));
  if (key !== 'url' || typeof value !== 'string') return value;
  if (/^https?:.*\/charts\/[0-9a-f-]+\/progress\.png\?/.test(value)) return /[?&]lang=en(&|$)/.test(value) ? charts.en : charts.fr;
  return /^https?:.*\.(jpe?g|png)(\?|$)/.test(value) ? PLACEHOLDER : value;
}

async function main(): Promise<void> {
  const files = readdirSync(CARDS_DIR, { withFileTypes: true }).filter((f) => f.isFile() && f.name.endsWith('.json'));
  if (files.length === 0) throw new Error(`no cards in ${CARDS_DIR}: run the Teams tests first`);
  const charts = await chartPictures();
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 480, height: 400 }, deviceScaleFactor: 1 });
    // Nothing leaves the machine: photo links in the cards point at test servers long gone.
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent(PAGE);
    await page.addScriptTag({ path: require.resolve('adaptivecards/dist/adaptivecards.min.js') });
    await page.addScriptTag({ content: PAGE_SCRIPT });
    for (const file of files) {
      const { where, card: raw } = kept.parse(JSON.parse(readFileSync(join(CARDS_DIR, file.name), 'utf8')));
      const card = withPlaceholders(raw, charts);
      await page.evaluate(
        ([c, h, w]) => {
          const render: unknown = Reflect.get(globalThis, 'renderCard');
          if (typeof render === 'function') render(c, h, w);
        },
        [card, hostConfig, where] as const,
      );
      const png = await page.locator('body').screenshot();
      writeFileSync(join(OUT, file.name.replace(/\.json$/, '.png')), png);
    }
    console.log(`${files.length} cards drawn in ${OUT}`);
  } finally {
    await browser.close();
  }
}

await main();
