import { DateTime } from 'luxon';
import { civilOfDay } from './civilTime';

/**
 * A day on which a zone's clocks change: at wall-clock minute `at` they jump by `delta` minutes
 * (forward, positive: the minutes [at, at + delta) do not exist that day; back, negative: the minutes
 * [at, at - delta) happen twice).
 */
export interface DstShift {
  at: number;
  delta: number;
}

/** By zone, then day number: a day's plan asks once per task and edge, and a string key per ask cost more than the answer. */
const cache = new Map<string, Map<number, DstShift | null>>();

function offsetAt(zone: string, day: number, minute: number): number {
  const c = civilOfDay(day);
  // A wall time in a gap resolves forward, one in an overlap to its later occurrence: either way the
  // offset after the change, so the first minute with the new offset is where the change starts.
  return DateTime.fromObject({ year: c.year, month: c.month, day: c.dayOfMonth, hour: Math.floor(minute / 60), minute: minute % 60 }, { zone }).offset;
}

/** The clock change on `day` in `zone`, if it has one (DataWorks' "Impact of daylight saving time on scheduling"). */
export function dstShift(zone: string, day: number): DstShift | undefined {
  let days = cache.get(zone);
  if (!days) cache.set(zone, (days = new Map()));
  const known = days.get(day);
  if (known !== undefined) return known ?? undefined;
  let shift: DstShift | null = null;
  try {
    const before = offsetAt(zone, day, 0);
    const after = offsetAt(zone, day, 23 * 60 + 59);
    if (before !== after) {
      // The first minute of the day with the new offset, by halving.
      let lo = 0;
      let hi = 23 * 60 + 59;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (offsetAt(zone, day, mid) === before) lo = mid + 1;
        else hi = mid;
      }
      shift = { at: lo, delta: after - before };
    }
  } catch {
    // An unknown zone is reported by validation; here it has no clock changes.
  }
  days.set(day, shift);
  return shift ?? undefined;
}
