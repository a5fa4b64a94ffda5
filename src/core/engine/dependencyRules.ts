import { upperBound } from './sortedSearch';
/**
 * Which upstream instances each downstream instance waits for (DataWorks semantics, seed and
 * reference §1.2). Every rule is a merge over two sorted minute lists, so a whole day costs time
 * linear in instances plus edges.
 *
 * `emit(downIndex, upDay, upIndex)`: downstream instance `downIndex` of the day depends on the upstream
 * instance `upIndex` of the same day (`upDay` 0) or of the previous day (`upDay` -1).
 */
export type Emit = (downIndex: number, upDay: 0 | -1, upIndex: number) => void;

export interface RuleSide {
  /** The day's instance minutes, ascending. */
  minutes: readonly number[];
  /** Several instances a day (minute and hour cycles). */
  multi: boolean;
  cycle: string;
  selfDependent: boolean;
}

/** A same-cycle dependency of `down` on `up` for one day. */
export function sameCycleEdges(down: RuleSide, up: RuleSide, emit: Emit): void {
  const n = down.minutes.length;
  const m = up.minutes.length;
  if (n === 0 || m === 0) return;
  if (!down.multi && !up.multi) {
    emit(0, 0, 0);
  } else if (down.multi && !up.multi) {
    // Hour on day: every instance waits for the day's upstream; a self-dependent downstream chains
    // its instances, so only its first one needs to.
    for (let k = 0; k < (down.selfDependent ? 1 : n); k++) emit(k, 0, 0);
  } else if (!down.multi) {
    // Day on hour/minute: a self-dependent upstream runs as a series, so the nearest instance stands
    // for all before it; otherwise every instance of the day.
    if (up.selfDependent) emit(0, 0, nearestAtOrBefore(up.minutes, down.minutes[0]!));
    else for (let j = 0; j < m; j++) emit(0, 0, j);
  } else if (down.cycle === up.cycle && n === m) {
    // Same cycle, same number of instances: one to one in order, whatever the clock times.
    for (let k = 0; k < n; k++) emit(k, 0, k);
  } else if (up.selfDependent) {
    let p = 0;
    for (let k = 0; k < n; k++) {
      while (p + 1 < m && up.minutes[p + 1]! <= down.minutes[k]!) p++;
      emit(k, 0, p);
    }
  } else {
    claimEdges(down.minutes, up.minutes, (k, j) => emit(k, 0, j));
  }
}

/**
 * Proximity with claiming: each downstream instance takes every upstream instance at or before it
 * that no earlier downstream instance took; when none is left it shares the nearest one at or before
 * it, and with none at or before it, it claims the upstream's first instance.
 */
export function claimEdges(down: readonly number[], up: readonly number[], emit: (k: number, j: number) => void): void {
  let p = 0;
  for (let k = 0; k < down.length; k++) {
    const start = p;
    while (p < up.length && up[p]! <= down[k]!) p++;
    if (p > start) {
      for (let j = start; j < p; j++) emit(k, j);
    } else if (p > 0) {
      emit(k, p - 1);
    } else {
      // Nothing at or before it yet: the upstream's first instance, which this one now claims.
      emit(k, 0);
      p = 1;
    }
  }
}

/**
 * A dependency on the upstream's previous cycle. `upPrevious` holds the upstream's instances of the
 * previous day. Day on day: yesterday's instance; day on hour: all of yesterday's, or the last if the
 * upstream is self-dependent; hour on day: yesterday's instance; hour on hour: the same-cycle match
 * moved one upstream instance back (the first of the day to yesterday's last).
 */
export function previousCycleEdges(down: RuleSide, up: RuleSide, upPrevious: readonly number[], emit: Emit): void {
  const n = down.minutes.length;
  const prev = upPrevious.length;
  if (n === 0) return;
  if (!up.multi) {
    if (prev === 0) return;
    for (let k = 0; k < (down.multi ? (down.selfDependent ? 1 : n) : 1); k++) emit(k, -1, 0);
  } else if (!down.multi) {
    if (prev === 0) return;
    if (up.selfDependent) emit(0, -1, prev - 1);
    else for (let j = 0; j < prev; j++) emit(0, -1, j);
  } else {
    sameCycleEdges(down, up, (k, _day, j) => {
      if (j > 0) emit(k, 0, j - 1);
      else if (prev > 0) emit(k, -1, prev - 1);
    });
  }
}

/** `crossCycle: self`: each instance on the one before it, the day's first on yesterday's last. */
export function selfEdges(count: number, previousCount: number, emit: Emit): void {
  if (count === 0) return;
  if (previousCount > 0) emit(0, -1, previousCount - 1);
  for (let k = 1; k < count; k++) emit(k, 0, k - 1);
}

/** Index of the last minute at or before `t`, or 0 (the first) when there is none. */
export function nearestAtOrBefore(minutes: readonly number[], t: number): number {
  return Math.max(0, upperBound(minutes, t) - 1);
}
