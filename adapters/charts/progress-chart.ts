/**
 * The chart image of the digest and milestone posts: progress toward the goal (a bar) above the
 * pledges per day. Apache ECharts draws it as SVG on the server (no browser, no canvas), sharp turns
 * it into a PNG of exactly CHART_WIDTH × CHART_HEIGHT with no metadata at all.
 */
import type { EChartsCoreOption } from 'echarts';
import type { ChartData } from '../../src/dashboard/charts.service.js';
import { formatPercent, money } from '../../src/shared/i18n/format.js';
import type { Catalogue } from '../../src/shared/i18n/index.js';
import { minor } from '../../src/shared/money.js';

export const CHART_WIDTH = 800;
export const CHART_HEIGHT = 450;

const ORANGE = '#c2410c';
const SAND = '#f1e7da';

/** `15 nov.` / `15 Nov`: a month of days fits under the bars without a label cut at the edge. */
function shortDay(day: string, locale: Catalogue['locale']): string {
  const date = new Date(`${day}T12:00:00Z`);
  return Number.isNaN(date.getTime())
    ? day
    : new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(date);
}

function option(data: ChartData, c: Catalogue): EChartsCoreOption {
  const { currency, goalMinor, name } = data.campaign;
  const m = (amount: number) => money(minor(amount), currency, c.locale);
  const pledged = Math.min(data.totals.pledgedMinor, goalMinor);
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: 'DejaVu Sans, Arial, sans-serif' },
    title: [
      { text: `${name} — ${formatPercent(data.percent, c.locale)}`, left: 24, top: 16, textStyle: { fontSize: 20, color: '#1f2328' } },
      {
        text: c.campaign.progress(data.totals.pledgedMinor, goalMinor, currency, data.percent),
        left: 24,
        top: 48,
        textStyle: { fontSize: 14, color: '#57606a', fontWeight: 'normal' },
      },
      { text: c.dashboard.charts.perDay, left: 24, top: 160, textStyle: { fontSize: 14, color: '#1f2328' } },
    ],
    grid: [
      { left: 24, right: 24, top: 84, height: 40 },
      // Room on the right for the last day's label, centred under the last bar.
      { left: 72, right: 40, top: 196, bottom: 40 },
    ],
    xAxis: [
      { gridIndex: 0, type: 'value', max: goalMinor, show: false },
      { gridIndex: 1, type: 'category', data: data.days.map((d) => shortDay(d.day, c.locale)), axisLabel: { color: '#57606a', hideOverlap: true } },
    ],
    yAxis: [
      { gridIndex: 0, type: 'category', data: [''], show: false },
      {
        gridIndex: 1,
        type: 'value',
        axisLabel: { color: '#57606a', formatter: (v: number) => m(v).replace(/ ?[A-Z]{3}$/, '') },
        splitLine: { lineStyle: { color: '#eeeeee' } },
      },
    ],
    series: [
      { type: 'bar', xAxisIndex: 0, yAxisIndex: 0, stack: 'goal', data: [pledged], itemStyle: { color: ORANGE }, barWidth: 32 },
      { type: 'bar', xAxisIndex: 0, yAxisIndex: 0, stack: 'goal', data: [goalMinor - pledged], itemStyle: { color: SAND }, barWidth: 32 },
      { type: 'bar', xAxisIndex: 1, yAxisIndex: 1, data: data.days.map((d) => d.pledgedMinor), itemStyle: { color: ORANGE } },
    ],
  };
}

/** ECharts is loaded on the first chart, not at start: the CLI and the bot's start stay quick. */
export async function progressChartSvg(data: ChartData, c: Catalogue): Promise<string> {
  const echarts = await import('echarts');
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: CHART_WIDTH, height: CHART_HEIGHT });
  try {
    chart.setOption(option(data, c));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** The PNG: exactly the stated size, opaque, and no EXIF, XMP, ICC or text chunk (sharp keeps none unless asked). */
export async function progressChartPng(data: ChartData, c: Catalogue): Promise<Buffer> {
  // sharp too is loaded with the first chart.
  const { default: sharp } = await import('sharp');
  return sharp(Buffer.from(await progressChartSvg(data, c)))
    .resize(CHART_WIDTH, CHART_HEIGHT, { fit: 'fill' })
    .flatten({ background: '#ffffff' })
    .png({ compressionLevel: 9 })
    .toBuffer();
}
