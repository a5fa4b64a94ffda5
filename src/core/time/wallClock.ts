import { DateTime } from 'luxon';
import { DAY_MS, MINUTE_MS } from './civilTime';

/**
 * The real instant of a wall-clock schedule time in a zone. A time inside a skipped hour resolves as
 * far after the gap as it was into it (02:30 → 03:30; the engine itself gives hour and minute cycles
 * no instance there and moves a day's instance an hour on); a time in a repeated hour is its second
 * occurrence, the one DataWorks keeps ("Impact of daylight saving time on scheduling").
 */
export function wallClockInstant(day: number, minute: number, zone: string): DateTime {
  const naive = new Date(day * DAY_MS + minute * MINUTE_MS);
  return DateTime.fromObject(
    { year: naive.getUTCFullYear(), month: naive.getUTCMonth() + 1, day: naive.getUTCDate(), hour: naive.getUTCHours(), minute: naive.getUTCMinutes() },
    { zone },
  );
}

/** Today's date (YYYY-MM-DD) on the wall clock of a zone. */
export function todayIn(zone: string, now: Date = new Date()): string {
  return DateTime.fromJSDate(now, { zone }).toISODate() ?? now.toISOString().slice(0, 10);
}
