/** A text progress bar: `▓▓▓░░░░░░░` for 30 %. Over 100 % the bar is simply full. */
export function progressBar(percent: number, width = 10): string {
  const filled = Math.max(0, Math.min(width, Math.floor((percent * width) / 100)));
  return '▓'.repeat(filled) + '░'.repeat(width - filled);
}
