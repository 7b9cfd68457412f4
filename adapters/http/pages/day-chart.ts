/**
 * The overview's "pledged and collected per day" chart as inline SVG: two bars a day, an axis with
 * the largest amount, and a text title for screen readers. Presentation attributes only (no style
 * attribute), so the page's CSP needs no inline style.
 */
import type { PledgeDay } from '../../../src/dashboard/ports.js';

const W = 720;
const H = 220;
const PAD = { left: 8, right: 8, top: 24, bottom: 28 };

const esc = (s: string) => s.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch] ?? ch);

export interface ChartWords {
  title: string;
  pledged: string;
  collected: string;
  amount: (minor: number) => string;
  day: (day: string) => string;
}

export function dayChartSvg(days: readonly PledgeDay[], words: ChartWords): string {
  const max = Math.max(1, ...days.map((d) => d.pledgedMinor));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(days.length, 1);
  const bar = Math.max(2, Math.min(24, slot / 2 - 2));
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const bars = days
    .map((d, i) => {
      const x = PAD.left + i * slot + slot / 2 - bar;
      const label = `${words.day(d.day)}: ${words.pledged} ${words.amount(d.pledgedMinor)}, ${words.collected} ${words.amount(d.collectedMinor)}`;
      return [
        `<g><title>${esc(label)}</title>`,
        `<rect x="${x.toFixed(1)}" y="${y(d.pledgedMinor).toFixed(1)}" width="${bar.toFixed(1)}" height="${(PAD.top + plotH - y(d.pledgedMinor)).toFixed(1)}" fill="#c2410c"/>`,
        `<rect x="${(x + bar).toFixed(1)}" y="${y(d.collectedMinor).toFixed(1)}" width="${bar.toFixed(1)}" height="${(PAD.top + plotH - y(d.collectedMinor)).toFixed(1)}" fill="#15803d"/></g>`,
      ].join('');
    })
    .join('');
  const first = days[0];
  const last = days.at(-1);
  const axis =
    first && last
      ? `<text x="${PAD.left}" y="${H - 8}" font-size="12" fill="#444">${esc(words.day(first.day))}</text><text x="${W - PAD.right}" y="${H - 8}" font-size="12" fill="#444" text-anchor="end">${esc(words.day(last.day))}</text>`
      : '';
  const legend = `<rect x="${W - 250}" y="4" width="12" height="12" fill="#c2410c"/><text x="${W - 234}" y="14" font-size="12" fill="#222">${esc(words.pledged)}</text><rect x="${W - 130}" y="4" width="12" height="12" fill="#15803d"/><text x="${W - 114}" y="14" font-size="12" fill="#222">${esc(words.collected)}</text>`;
  return [
    `<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="chart-title" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="chart-title">${esc(words.title)}</title>`,
    `<text x="${PAD.left}" y="14" font-size="12" fill="#444">${esc(words.amount(max))}</text>`,
    `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${PAD.top + plotH}" y2="${PAD.top + plotH}" stroke="#999"/>`,
    legend,
    bars,
    axis,
    '</svg>',
  ].join('');
}
