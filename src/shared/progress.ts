import { code } from '../chat/text.js';
import { formatPercent } from './i18n/format.js';
import type { Locale } from './money.js';

/** A text progress bar: `▓▓▓░░░░░░░` for 30 %. Over 100 % the bar is simply full. */
export function progressBar(percent: number, width = 10): string {
  const filled = Math.max(0, Math.min(width, Math.floor((percent * width) / 100)));
  return '▓'.repeat(filled) + '░'.repeat(width - filled);
}

/** The bar in fixed width and the percentage as the reader writes it: `▓▓▓░░░░░░░ 30 %`. */
export function progressLine(percent: number, locale: Locale): string {
  return `${code(progressBar(percent))} ${formatPercent(percent, locale)}`;
}
