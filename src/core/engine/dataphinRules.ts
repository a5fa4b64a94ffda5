import type { DependencyPolicy } from '../model/taskSchema';
import { MINUTES_PER_DAY } from '../time/civilTime';
import type { RuleSide } from './dependencyRules';
import { lowerBound, upperBound } from './sortedSearch';

/**
 * Dataphin's dependency rules ("调度依赖场景规则及示例", knowledge_detail 350972, document_detail
 * 613794; reference §1.2-1.3). A dependency has a cycle, the window of upstream scheduled times it
 * looks at, and a policy, which instances of that window it waits for. Without a policy:
 *  - same cycle, hour on hour: the nearest upstream instance at or after the downstream's own time;
 *  - same cycle, day on hour: that too if the upstream is self-dependent, else all of the day's;
 *  - previous cycle: yesterday's last instance if the upstream is self-dependent, else all of
 *    yesterday's; hour on hour, the same-cycle match moved one upstream instance back;
 *  - last 24 hours, N days back: all instances of the window.
 * Every rule walks the downstream's instances in time order with a pointer or a binary search into the
 * upstream's, so a day stays linear in instances plus edges.
 *
 * `emit(downIndex, upDay, upIndex)`: upstream instance `upIndex` of day `upDay` (0 today, -1 yesterday, -N).
 */
export type DayEmit = (downIndex: number, upDay: number, upIndex: number) => void;

export interface DataphinLink {
  window: 'same' | 'previous' | 'last24h';
  /** With window previous: the window is day D-N (N ≥ 1); without it, the previous cycle. */
  daysBack?: number;
  policy?: DependencyPolicy;
}

/** Index of the first minute at or after `t`, or -1. */
function firstAtOrAfter(minutes: readonly number[], t: number): number {
  const at = lowerBound(minutes, t);
  return at < minutes.length ? at : -1;
}

/** Index of the last minute at or before `t`, or -1. */
function lastAtOrBefore(minutes: readonly number[], t: number): number {
  return upperBound(minutes, t) - 1;
}

/**
 * A window as a run of upstream instances, in time order: `count` instances, the i-th at day
 * `dayOf(i)`, index `indexOf(i)`, `minuteOf(i)` minutes after the plan day's midnight.
 */
interface Window {
  count: number;
  at(i: number): { day: number; index: number; minute: number };
}

function dayWindow(minutes: readonly number[], day: number): Window {
  return { count: minutes.length, at: (i) => ({ day, index: i, minute: minutes[i]! + day * MINUTES_PER_DAY }) };
}

/** Which instances of the window a policy picks, for a downstream instance at `t`. */
function pick(window: Window, policy: DependencyPolicy, t: number, emit: (day: number, index: number) => void): void {
  const n = window.count;
  if (n === 0) return;
  const take = (i: number) => {
    const w = window.at(i);
    emit(w.day, w.index);
  };
  switch (policy) {
    case 'all':
      for (let i = 0; i < n; i++) take(i);
      return;
    case 'first':
      return take(0);
    case 'last':
      return take(n - 1);
    case 'nearest-after': {
      // Derived, not documented: with nothing at or after its time in the window, the window's last.
      let lo = 0;
      let hi = n;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (window.at(mid).minute < t) lo = mid + 1;
        else hi = mid;
      }
      return take(lo < n ? lo : n - 1);
    }
    case 'last-before': {
      // Derived, not documented: with nothing at or before its time in the window, the window's first.
      let lo = 0;
      let hi = n;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (window.at(mid).minute <= t) lo = mid + 1;
        else hi = mid;
      }
      return take(lo > 0 ? lo - 1 : 0);
    }
  }
}

/**
 * One Dataphin dependency of `down` on `up` for one day. `upOn(offset)` gives the upstream's instance
 * minutes on the day `offset` days from the plan day (0, -1, -N).
 */
export function dataphinEdges(down: RuleSide, up: RuleSide, link: DataphinLink, upOn: (offset: number) => readonly number[], emit: DayEmit): void {
  const n = down.minutes.length;
  if (n === 0) return;
  const each = (window: (t: number) => Window, policy: DependencyPolicy) => {
    for (let k = 0; k < n; k++) {
      const t = down.minutes[k]!;
      pick(window(t), policy, t, (day, j) => emit(k, day, j));
    }
  };
  switch (link.window) {
    case 'same': {
      const today = up.minutes;
      if (today.length === 0) return;
      const window = dayWindow(today, 0);
      if (link.policy) return each(() => window, link.policy);
      if (!up.multi) {
        // Hour on day: every instance waits for the day's one (a self-dependent downstream chains, so its first).
        for (let k = 0; k < (down.multi && down.selfDependent ? 1 : n); k++) emit(k, 0, 0);
        return;
      }
      if (!down.multi && !up.selfDependent) return each(() => window, 'all');
      return each(() => window, 'nearest-after');
    }
    case 'previous': {
      if (up.multi && down.multi && link.daysBack === undefined) {
        // Hour on hour: the same-cycle match, one upstream instance back (Dataphin: 02:00 → 01:00).
        const today = up.minutes;
        const yesterday = upOn(-1);
        for (let k = 0; k < n; k++) {
          let j = firstAtOrAfter(today, down.minutes[k]!);
          if (j < 0) j = today.length - 1;
          if (j > 0) emit(k, 0, j - 1);
          else if (yesterday.length > 0) emit(k, -1, yesterday.length - 1);
        }
        return;
      }
      const offset = -(link.daysBack ?? 1);
      const window = dayWindow(upOn(offset), offset);
      if (window.count === 0) return;
      const policy = link.policy ?? (link.daysBack === undefined && up.selfDependent ? 'last' : 'all');
      return each(() => window, policy);
    }
    case 'last24h': {
      // (t - 24 h, t]: yesterday's instances after t, then today's at or before t.
      const today = up.minutes;
      const yesterday = upOn(-1);
      const policy = link.policy ?? 'all';
      for (let k = 0; k < n; k++) {
        const t = down.minutes[k]!;
        const fromYesterday = lastAtOrBefore(yesterday, t) + 1;
        const yCount = yesterday.length - fromYesterday;
        const tCount = lastAtOrBefore(today, t) + 1;
        const window: Window = {
          count: yCount + tCount,
          at: (i) => (i < yCount ? { day: -1, index: fromYesterday + i, minute: yesterday[fromYesterday + i]! - MINUTES_PER_DAY } : { day: 0, index: i - yCount, minute: today[i - yCount]! }),
        };
        pick(window, policy, t, (day, j) => emit(k, day, j));
      }
      return;
    }
  }
}
