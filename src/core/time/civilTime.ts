/**
 * Wall-clock arithmetic. Schedules and parameters are defined on the project's wall clock, not on
 * instants, so times are held as "naive" epoch milliseconds (the wall clock read as if it were UTC):
 * adding a day is always 24 hours of wall clock, and JavaScript's UTC calendar does the rest.
 */

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;
export const MINUTES_PER_DAY = 1440;

/** Days since 1970-01-01 of a "YYYY-MM-DD" date; NaN when it is not a real date. */
export function dayNumber(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return Number.NaN;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return Number.NaN;
  return ms / DAY_MS;
}

export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** A timestamp ("YYYY-MM-DDTHH:mm…") as lists show it: date and minutes, "YYYY-MM-DD HH:mm". */
export function displayStamp(stamp: string): string {
  return stamp.replace('T', ' ').slice(0, 16);
}

/** "YYYY-MM-DDTHH:mm" of a wall-clock minute of a day (the instance id's time part). */
export function stampOf(day: number, minute: number): string {
  return new Date(day * DAY_MS + minute * MINUTE_MS).toISOString().slice(0, 16);
}

/** "HH:mm" → minutes after midnight. */
export function minuteOfClock(clock: string): number {
  return Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
}

export function clockOfMinute(minute: number): string {
  return `${pad2(Math.floor(minute / 60))}:${pad2(minute % 60)}`;
}

/** ISO weekday, 1 = Monday .. 7 = Sunday. */
export function weekdayOfDay(day: number): number {
  // 1970-01-01 was a Thursday.
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

export function civilOfDay(day: number): { year: number; month: number; dayOfMonth: number; daysInMonth: number } {
  const d = new Date(day * DAY_MS);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth() + 1;
  return { year, month, dayOfMonth: d.getUTCDate(), daysInMonth: daysInMonth(year, month) };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Adds months to a naive timestamp, clamping the day to the target month's last day (Jan 31 + 1 → Feb 28/29). */
export function addMonths(ms: number, months: number): number {
  const d = new Date(ms);
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const day = Math.min(d.getUTCDate(), daysInMonth(year, month + 1));
  return Date.UTC(year, month, day, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds());
}

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Parses "YYYY-MM-DDTHH:mm[:ss]" as a naive wall-clock timestamp; NaN when malformed. */
export function parseStamp(text: string): number {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (!match) return Number.NaN;
  const day = dayNumber(match[1]!);
  const [h, m, s] = [Number(match[2]), Number(match[3]), Number(match[4] ?? 0)];
  if (h > 23 || m > 59 || s > 59) return Number.NaN;
  return day * DAY_MS + ((h * 60 + m) * 60 + s) * 1000;
}
