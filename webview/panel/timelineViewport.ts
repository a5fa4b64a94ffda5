import type { TimelineStore } from './timelineStore';

export const LANE_HEIGHT = 22;
export const LABEL_WIDTH = 240;
export const AXIS_HEIGHT = 28;
/** Closest zoom: minutes per pixel (about 12 pixels a minute). */
export const MIN_MINUTES_PER_PX = 1 / 12;
/** An instance is at least this wide on screen, so a 0-minute dry run can still be seen and clicked. */
export const MIN_BAR_PX = 3;

/**
 * Rows of the canvas: a header row per group, then its lanes. `rowOfLane[l]` is the row of lane l;
 * `laneOfRow[r]` is -1 for a group header, else the lane; `groupOfRow[r]` is the group.
 */
export interface RowTable {
  rowOfLane: Int32Array;
  laneOfRow: Int32Array;
  groupOfRow: Int32Array;
  count: number;
}

export function rowTable(data: Pick<TimelineStore, 'groupStart' | 'laneCount'>): RowTable {
  const lanes = data.laneCount;
  const count = lanes + data.groupStart.length;
  const rowOfLane = new Int32Array(lanes);
  const laneOfRow = new Int32Array(count);
  const groupOfRow = new Int32Array(count);
  let row = 0;
  data.groupStart.forEach((first, g) => {
    const next = data.groupStart[g + 1] ?? lanes;
    laneOfRow[row] = -1;
    groupOfRow[row++] = g;
    for (let l = first; l < next; l++) {
      rowOfLane[l] = row;
      laneOfRow[row] = l;
      groupOfRow[row++] = g;
    }
  });
  return { rowOfLane, laneOfRow, groupOfRow, count };
}

/** What part of the day is on screen: minutes per pixel, the minute at the plot's left edge, the top pixel. */
export interface Viewport {
  minutesPerPx: number;
  originMinute: number;
  scrollTop: number;
  width: number;
  height: number;
}

export function plotWidth(vp: Pick<Viewport, 'width'>): number {
  return Math.max(1, vp.width - LABEL_WIDTH);
}

export function fitMinutesPerPx(span: number, vp: Pick<Viewport, 'width'>): number {
  return span / plotWidth(vp);
}

export function minuteToX(vp: Viewport, minute: number): number {
  return LABEL_WIDTH + (minute - vp.originMinute) / vp.minutesPerPx;
}

export function xToMinute(vp: Viewport, x: number): number {
  return vp.originMinute + (x - LABEL_WIDTH) * vp.minutesPerPx;
}

export function rowTop(vp: Viewport, row: number): number {
  return AXIS_HEIGHT + row * LANE_HEIGHT - vp.scrollTop;
}

/** Rows at least partly visible, [first, last]. */
export function visibleRows(vp: Viewport, rows: number): [number, number] {
  const first = Math.max(0, Math.floor(vp.scrollTop / LANE_HEIGHT));
  const last = Math.min(rows - 1, Math.floor((vp.scrollTop + vp.height - AXIS_HEIGHT) / LANE_HEIGHT));
  return [first, last];
}

/** The lanes on screen, widened by `screens` screens each way: [first, last] (last < first when none). */
export function lanesInView(vp: Viewport, rows: RowTable, screens: number): [number, number] {
  const [firstRow, lastRow] = visibleRows(vp, rows.count);
  const extra = screens * (lastRow - firstRow + 1);
  const from = Math.max(0, firstRow - extra);
  const to = Math.min(rows.count - 1, lastRow + extra);
  let first = -1;
  for (let r = from; r <= to && first < 0; r++) first = rows.laneOfRow[r]!;
  let last = -1;
  for (let r = to; r >= from && last < 0; r--) last = rows.laneOfRow[r]!;
  return first < 0 ? [0, -1] : [first, last];
}

/** The first instance of the first loaded lane with any, from the top of the screen down (0 if none). */
export function firstInView(data: Pick<TimelineStore, 'laneFirst' | 'laneLoaded'>, rows: RowTable, vp: Pick<Viewport, 'scrollTop'>): number {
  for (let r = Math.floor(vp.scrollTop / LANE_HEIGHT); r < rows.count; r++) {
    const lane = rows.laneOfRow[r]!;
    if (lane >= 0 && data.laneLoaded(lane) && data.laneFirst[lane + 1]! > data.laneFirst[lane]!) return data.laneFirst[lane]!;
  }
  return 0;
}

/** The zoom on a comparison's runs, an hour either side (a whole day would draw them as slivers); none without runs. */
export function zoomOnRuns(runs: ({ start: number; end: number } | undefined)[], vp: Pick<Viewport, 'width'>): { minutesPerPx: number; originMinute: number } | undefined {
  const known = runs.filter((r): r is { start: number; end: number } => !!r);
  if (!known.length) return undefined;
  const from = Math.min(...known.map((r) => r.start)) - 60;
  const to = Math.max(...known.map((r) => r.end)) + 60;
  return { minutesPerPx: Math.max(0.05, (to - from) / Math.max(200, vp.width - LABEL_WIDTH)), originMinute: Math.max(0, from) };
}

/** Where to scroll so that a row and a minute are on screen, centred; undefined where they already are. */
export function revealScroll(vp: Viewport, row: number, minute: number, at: { scrollTop: number; scrollLeft: number }): { top?: number; left?: number } {
  const top = row * LANE_HEIGHT;
  const visibleHeight = vp.height - AXIS_HEIGHT;
  const x = minute / vp.minutesPerPx;
  const visibleWidth = vp.width - LABEL_WIDTH;
  return {
    ...(top < at.scrollTop || top + LANE_HEIGHT > at.scrollTop + visibleHeight ? { top: top - visibleHeight / 2 } : {}),
    ...(x < at.scrollLeft || x > at.scrollLeft + visibleWidth ? { left: x - visibleWidth / 2 } : {}),
  };
}

/** Zooms by `factor` (>1 zooms in) keeping the minute under `x` in place, within the day's bounds. */
export function zoomAt(vp: Viewport, factor: number, x: number, span: number): Viewport {
  const fit = fitMinutesPerPx(span, vp);
  const minutesPerPx = Math.min(fit, Math.max(MIN_MINUTES_PER_PX, vp.minutesPerPx / factor));
  const anchor = xToMinute(vp, Math.max(LABEL_WIDTH, x));
  const originMinute = clampOrigin(anchor - (Math.max(LABEL_WIDTH, x) - LABEL_WIDTH) * minutesPerPx, minutesPerPx, span, vp);
  return { ...vp, minutesPerPx, originMinute };
}

export function clampOrigin(origin: number, minutesPerPx: number, span: number, vp: Pick<Viewport, 'width'>): number {
  const visible = plotWidth(vp) * minutesPerPx;
  return Math.min(Math.max(0, span - visible), Math.max(0, origin));
}

/** Axis ticks: the smallest step that leaves room for a label, on round minutes. */
export function axisTicks(vp: Viewport, span: number): { minute: number; label: string; major: boolean }[] {
  const steps = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720];
  const step = steps.find((s) => s / vp.minutesPerPx >= 64) ?? 720;
  const from = Math.max(0, Math.floor(vp.originMinute / step) * step);
  const to = Math.min(span, vp.originMinute + plotWidth(vp) * vp.minutesPerPx);
  const ticks: { minute: number; label: string; major: boolean }[] = [];
  for (let m = from; m <= to; m += step) ticks.push({ minute: m, label: clock(m), major: m % 60 === 0 });
  return ticks;
}

export function clock(minute: number): string {
  const day = Math.floor(minute / 1440);
  const m = minute - day * 1440;
  const text = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return day ? `${text} +${day}d` : text;
}

/** The instance drawn at (x, y), or -1: the lane under y, the bar under x (bars at least MIN_BAR_PX wide). */
export function hitTest(data: Pick<TimelineStore, 'laneFirst' | 'start' | 'end' | 'laneLoaded'>, rows: RowTable, vp: Viewport, x: number, y: number): number {
  if (x < LABEL_WIDTH || y < AXIS_HEIGHT) return -1;
  const row = Math.floor((y - AXIS_HEIGHT + vp.scrollTop) / LANE_HEIGHT);
  const lane = rows.laneOfRow[row];
  if (lane === undefined || lane < 0 || !data.laneLoaded(lane)) return -1;
  const minute = xToMinute(vp, x);
  const slack = MIN_BAR_PX * vp.minutesPerPx;
  let best = -1;
  let bestDistance = Infinity;
  for (let i = data.laneFirst[lane]!; i < data.laneFirst[lane + 1]!; i++) {
    const start = data.start[i]!;
    const end = Math.max(data.end[i]!, start + slack);
    if (minute >= start - slack && minute <= end + slack) {
      const distance = minute < start ? start - minute : minute > end ? minute - end : 0;
      if (distance < bestDistance) [best, bestDistance] = [i, distance];
    }
  }
  return best;
}

/**
 * Keyboard moves: left/right along the lane, up/down to the nearest instance in time of the next
 * loaded lane with any (the lanes around the selection are on screen, and so loaded).
 */
export function neighbour(data: Pick<TimelineStore, 'laneFirst' | 'lane' | 'start' | 'laneLoaded'>, index: number, direction: 'left' | 'right' | 'up' | 'down'): number {
  const lane = data.lane[index]!;
  if (direction === 'left') return index > data.laneFirst[lane]! ? index - 1 : index;
  if (direction === 'right') return index < data.laneFirst[lane + 1]! - 1 ? index + 1 : index;
  const lanes = data.laneFirst.length - 1;
  const step = direction === 'up' ? -1 : 1;
  for (let l = lane + step; l >= 0 && l < lanes; l += step) {
    if (!data.laneLoaded(l)) continue;
    const first = data.laneFirst[l]!;
    const last = data.laneFirst[l + 1]!;
    if (first === last) continue;
    let best = first;
    for (let i = first; i < last; i++) if (Math.abs(data.start[i]! - data.start[index]!) < Math.abs(data.start[best]! - data.start[index]!)) best = i;
    return best;
  }
  return index;
}
