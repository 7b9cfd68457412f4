/** Reading "2026-12-01 09:00" as a moment in the campaign's time zone, without a date library. */
import { isCalendarDay } from '../shared/clock.js';

/** The offset of `timeZone` from UTC at `at`, in ms (Casablanca in winter: +1 h → 3 600 000). */
function offsetMs(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? '0');
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/**
 * `day` (`YYYY-MM-DD`) at `time` (`H:MM` or `HH:MM`) on the clocks of `timeZone`, or null when either
 * is not a real date or time. A time skipped by a daylight-saving change lands just after it.
 */
export function zonedTime(day: string, time: string, timeZone: string): Date | null {
  const m = /^(\d{1,2})[:hH](\d{2})$/.exec(time.trim());
  if (!isCalendarDay(day) || !m) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  if (hours > 23 || minutes > 59) return null;
  const wall = Date.parse(`${day}T00:00:00Z`) + (hours * 60 + minutes) * 60_000;
  const first = wall - offsetMs(new Date(wall), timeZone);
  // The offset at the guessed instant may differ from the one at the wall time (DST): correct once.
  return new Date(wall - offsetMs(new Date(first), timeZone));
}
