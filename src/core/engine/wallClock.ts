import { DateTime } from 'luxon';
import { DAY_MS, MINUTE_MS } from './civilTime';

/**
 * The real instant of a wall-clock schedule time in a zone. On a day the clocks skip an hour, a time
 * inside the gap runs as many minutes after the gap as it was into it (02:30 → 03:30, as Java's
 * ZonedDateTime resolves it); on a day an hour repeats, a time in it runs once, at its first
 * occurrence (the earlier offset). Instances themselves stay on the wall clock, so a DST day has the
 * same instances as any other day.
 */
export function wallClockInstant(day: number, minute: number, zone: string): DateTime {
  const naive = new Date(day * DAY_MS + minute * MINUTE_MS);
  const wall = {
    year: naive.getUTCFullYear(),
    month: naive.getUTCMonth() + 1,
    day: naive.getUTCDate(),
    hour: naive.getUTCHours(),
    minute: naive.getUTCMinutes(),
  };
  const instant = DateTime.fromObject(wall, { zone });
  // Luxon resolves a repeated time to its later occurrence; look for an earlier one with the same
  // wall clock (zones shift by an hour or, like Lord Howe, by half an hour).
  for (const back of [60, 30]) {
    const earlier = instant.minus({ minutes: back });
    if (earlier.hour === wall.hour && earlier.minute === wall.minute && earlier.day === wall.day) return earlier;
  }
  return instant;
}

/** Today's date (YYYY-MM-DD) on the wall clock of a zone. */
export function todayIn(zone: string, now: Date = new Date()): string {
  return DateTime.fromJSDate(now, { zone }).toISODate() ?? now.toISOString().slice(0, 10);
}
