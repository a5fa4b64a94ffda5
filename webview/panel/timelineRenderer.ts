import type { CompareMark } from '../../src/core/panel/panelProtocol';
import { BLOCKED, KIND_MASK } from '../../src/core/timeline/timelineLayout';
import type { ThemeColors } from './themeColors';
import type { TimelineStore } from './timelineStore';
import { AXIS_HEIGHT, axisTicks, clock, LABEL_WIDTH, LANE_HEIGHT, MIN_BAR_PX, minuteToX, rowTop, visibleRows, type RowTable, type Viewport } from './timelineViewport';

/** Above this many edges on screen they are left out (zoom in, or select an instance, to see them). */
export const EDGE_LIMIT = 40_000;


export interface Highlight {
  selected: number;
  upstream: ReadonlySet<number>;
  downstream: ReadonlySet<number>;
  critical: ReadonlySet<number>;
}

export interface DrawResult {
  edgesDrawn: number;
  edgesHidden: boolean;
}

/** Sizes the canvas to CSS pixels, its backing store to device pixels (sharp on high-DPI screens). */
export function sizeCanvas(canvas: HTMLCanvasElement, width: number, height: number): void {
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
}

/** Draws the visible part of the timeline: lanes and labels, axis, edges, then instances on top. */
export function drawTimeline(ctx: CanvasRenderingContext2D, data: TimelineStore, rows: RowTable, vp: Viewport, span: number, colors: ThemeColors, highlight: Highlight, compare?: CompareMark): DrawResult {
  const { width, height } = vp;
  ctx.fillStyle = colors.background;
  ctx.fillRect(0, 0, width, height);
  ctx.font = colors.font;
  ctx.textBaseline = 'middle';
  const [firstRow, lastRow] = visibleRows(vp, rows.count);
  const ticks = axisTicks(vp, span);

  // Lane backgrounds and vertical grid lines.
  for (let r = firstRow; r <= lastRow; r++) {
    const y = rowTop(vp, r);
    if (rows.laneOfRow[r]! < 0) {
      ctx.fillStyle = colors.header;
      ctx.fillRect(0, y, width, LANE_HEIGHT);
    } else if (r % 2 === 0) {
      ctx.fillStyle = colors.stripe;
      ctx.fillRect(LABEL_WIDTH, y, width - LABEL_WIDTH, LANE_HEIGHT);
    }
  }
  ctx.strokeStyle = colors.grid;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (const t of ticks) {
    const x = Math.round(minuteToX(vp, t.minute)) + 0.5;
    ctx.moveTo(x, AXIS_HEIGHT);
    ctx.lineTo(x, height);
  }
  ctx.stroke();

  ctx.save();
  ctx.beginPath();
  ctx.rect(LABEL_WIDTH, AXIS_HEIGHT, width - LABEL_WIDTH, height - AXIS_HEIGHT);
  ctx.clip();
  const result = drawEdges(ctx, data, rows, vp, colors, highlight, firstRow, lastRow);
  drawInstances(ctx, data, rows, vp, colors, highlight, firstRow, lastRow);
  drawDeadlines(ctx, data, vp, colors);
  if (compare) drawCompare(ctx, data, rows, vp, colors, compare, firstRow, lastRow);
  ctx.restore();

  // Lane labels over a solid column, then the axis over everything.
  ctx.fillStyle = colors.background;
  ctx.fillRect(0, AXIS_HEIGHT, LABEL_WIDTH, height - AXIS_HEIGHT);
  for (let r = firstRow; r <= lastRow; r++) {
    const y = rowTop(vp, r) + LANE_HEIGHT / 2;
    const lane = rows.laneOfRow[r]!;
    if (lane < 0) {
      ctx.fillStyle = colors.header;
      ctx.fillRect(0, y - LANE_HEIGHT / 2, LABEL_WIDTH, LANE_HEIGHT);
      ctx.fillStyle = colors.foreground;
      ctx.fillText(fit(ctx, data.groups[rows.groupOfRow[r]!]!, LABEL_WIDTH - 12), 6, y);
    } else {
      ctx.fillStyle = highlight.selected >= 0 && data.lane[highlight.selected] === lane ? colors.selection : colors.foreground;
      // A lane whose chunk is on its way has no name yet; the next frame brings it.
      ctx.fillText(fit(ctx, data.laneName[lane] ?? '', LABEL_WIDTH - 24), 18, y);
    }
  }
  ctx.fillStyle = colors.background;
  ctx.fillRect(0, 0, width, AXIS_HEIGHT);
  ctx.fillStyle = colors.muted;
  ctx.fillText(data.date, 6, AXIS_HEIGHT / 2);
  for (const t of ticks) {
    const x = minuteToX(vp, t.minute);
    if (x < LABEL_WIDTH) continue;
    ctx.fillStyle = t.major ? colors.foreground : colors.muted;
    ctx.fillText(t.label, x + 3, AXIS_HEIGHT / 2);
  }
  ctx.strokeStyle = colors.grid;
  ctx.beginPath();
  ctx.moveTo(0, AXIS_HEIGHT - 0.5);
  ctx.lineTo(width, AXIS_HEIGHT - 0.5);
  ctx.moveTo(LABEL_WIDTH - 0.5, 0);
  ctx.lineTo(LABEL_WIDTH - 0.5, height);
  ctx.stroke();
  return result;
}

function drawEdges(ctx: CanvasRenderingContext2D, data: TimelineStore, rows: RowTable, vp: Viewport, colors: ThemeColors, highlight: Highlight, firstRow: number, lastRow: number): DrawResult {
  const visible: number[] = [];
  const related: number[] = [];
  const sel = highlight.selected;
  const critical = (e: number) => highlight.critical.has(data.edgeFrom[e]!) && highlight.critical.has(data.edgeTo[e]!);
  for (let e = 0; e < data.edgeFrom.length; e++) {
    const from = data.edgeFrom[e]!;
    const to = data.edgeTo[e]!;
    if (from === sel || to === sel || (highlight.critical.size > 1 && critical(e))) {
      related.push(e);
      continue;
    }
    const a = rows.rowOfLane[data.lane[from]!]!;
    const b = rows.rowOfLane[data.lane[to]!]!;
    if ((a < firstRow && b < firstRow) || (a > lastRow && b > lastRow)) continue;
    visible.push(e);
  }
  const hidden = visible.length > EDGE_LIMIT;
  const point = (i: number, end: boolean): [number, number] => [minuteToX(vp, end ? data.end[i]! : data.start[i]!), rowTop(vp, rows.rowOfLane[data.lane[i]!]!) + LANE_HEIGHT / 2];
  const stroke = (edges: number[], dashed: boolean, color: string, lineWidth: number) => {
    ctx.strokeStyle = color;
    ctx.lineWidth = lineWidth;
    ctx.setLineDash(dashed ? [4, 3] : []);
    ctx.beginPath();
    for (const e of edges) {
      if ((data.edgeCross[e] === 1) !== dashed) continue;
      const [x1, y1] = point(data.edgeFrom[e]!, true);
      const [x2, y2] = point(data.edgeTo[e]!, false);
      ctx.moveTo(x1, y1);
      // A short elbow keeps edges between neighbouring lanes readable.
      const mid = Math.max(x1, Math.min(x2, x1 + 6));
      ctx.lineTo(mid, y1);
      ctx.lineTo(mid, y2);
      ctx.lineTo(x2, y2);
    }
    ctx.stroke();
  };
  if (!hidden) {
    ctx.globalAlpha = sel >= 0 ? 0.35 : 0.8;
    stroke(visible, false, colors.edge, 1);
    stroke(visible, true, colors.edge, 1);
    ctx.globalAlpha = 1;
  }
  const onPath = related.filter(critical);
  const up = related.filter((e) => data.edgeTo[e] === sel && !critical(e));
  const down = related.filter((e) => data.edgeFrom[e] === sel);
  for (const dashed of [false, true]) {
    stroke(up, dashed, colors.upstream, 2);
    stroke(down, dashed, colors.downstream, 2);
    stroke(onPath, dashed, colors.critical, 2.5);
  }
  ctx.setLineDash([]);
  return { edgesDrawn: (hidden ? 0 : visible.length) + related.length, edgesHidden: hidden };
}

function drawInstances(ctx: CanvasRenderingContext2D, data: TimelineStore, rows: RowTable, vp: Viewport, colors: ThemeColors, highlight: Highlight, firstRow: number, lastRow: number): void {
  const fills = [colors.normal, colors.dryRun, colors.paused];
  const minMinute = vp.originMinute - MIN_BAR_PX * vp.minutesPerPx;
  const maxMinute = vp.originMinute + vp.width * vp.minutesPerPx;
  const barHeight = LANE_HEIGHT - 8;
  // One path per colour: far fewer state changes than one fill per bar.
  const paths = fills.map(() => new Path2D());
  const blocked = new Path2D();
  const whiskers = new Path2D();
  const guarded: number[] = [];
  for (let r = firstRow; r <= lastRow; r++) {
    const lane = rows.laneOfRow[r]!;
    if (lane < 0 || !data.laneLoaded(lane)) continue;
    const y = rowTop(vp, r) + 4;
    for (let i = data.laneFirst[lane]!; i < data.laneFirst[lane + 1]!; i++) {
      if (data.end[i]! < minMinute || data.start[i]! > maxMinute) continue;
      const x = minuteToX(vp, data.start[i]!);
      const w = Math.max(MIN_BAR_PX, (data.end[i]! - data.start[i]!) / vp.minutesPerPx);
      const flags = data.flags[i]!;
      paths[flags & KIND_MASK]!.rect(x, y, w, barHeight);
      if (flags & BLOCKED) blocked.rect(x + 0.5, y + 0.5, w - 1, barHeight - 1);
      // The p90 whisker: from the expected end to where a 90th-percentile run would end.
      if (data.p90End[i]! > data.end[i]! && !(flags & BLOCKED)) {
        const x2 = minuteToX(vp, data.p90End[i]!);
        whiskers.moveTo(x + w, y + barHeight / 2);
        whiskers.lineTo(x2, y + barHeight / 2);
        whiskers.moveTo(x2, y + 2);
        whiskers.lineTo(x2, y + barHeight - 2);
      }
      if (data.guard[i]) guarded.push(i);
    }
  }
  paths.forEach((path, k) => {
    ctx.fillStyle = fills[k]!;
    ctx.fill(path);
  });
  ctx.strokeStyle = colors.blocked;
  ctx.lineWidth = 1;
  ctx.setLineDash([2, 2]);
  ctx.stroke(blocked);
  ctx.setLineDash([]);
  ctx.strokeStyle = colors.foreground;
  ctx.globalAlpha = 0.6;
  ctx.stroke(whiskers);
  ctx.globalAlpha = 1;
  if (colors.border) {
    ctx.strokeStyle = colors.border;
    paths.forEach((path) => ctx.stroke(path));
  }
  const ring = (set: Iterable<number>, color: string, lineWidth: number) => {
    ctx.strokeStyle = color;
    ctx.lineWidth = lineWidth;
    for (const i of set) {
      // A critical path can reach instances of chunks not loaded: their place is not known here.
      if (!data.instanceKnown(i)) continue;
      const r = rows.rowOfLane[data.lane[i]!]!;
      if (r < firstRow || r > lastRow) continue;
      const x = minuteToX(vp, data.start[i]!);
      const w = Math.max(MIN_BAR_PX, (data.end[i]! - data.start[i]!) / vp.minutesPerPx);
      ctx.strokeRect(x - 1.5, rowTop(vp, r) + 2.5, w + 3, barHeight + 3);
    }
  };
  // Guarded instances in their baseline state; the selection's rings go over them.
  const states = [colors.safe, colors.warning, colors.breached];
  for (let code = 1; code <= 3; code++) ring(guarded.filter((i) => data.guard[i] === code), states[code - 1]!, 1.5);
  ring(highlight.critical, colors.critical, 2);
  ring(highlight.upstream, colors.upstream, 2);
  ring(highlight.downstream, colors.downstream, 2);
  if (highlight.selected >= 0) ring([highlight.selected], colors.selection, 2);
}

/** Each baseline's committed time: a dashed line in its worst guarded state, named at the top. */
function drawDeadlines(ctx: CanvasRenderingContext2D, data: TimelineStore, vp: Viewport, colors: ThemeColors): void {
  const states = { safe: colors.safe, warning: colors.warning, breached: colors.breached };
  data.deadlines.forEach((d, k) => {
    const x = Math.round(minuteToX(vp, d.minute)) + 0.5;
    if (x < LABEL_WIDTH || x > vp.width) return;
    ctx.strokeStyle = states[d.state];
    ctx.fillStyle = states[d.state];
    ctx.lineWidth = 1.5;
    ctx.setLineDash([6, 3]);
    ctx.beginPath();
    ctx.moveTo(x, AXIS_HEIGHT);
    ctx.lineTo(x, vp.height);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillText(`⚑ ${d.name} ${clock(d.minute)} · ${d.state}`, x + 4, AXIS_HEIGHT + 9 + 14 * (k % 4));
  });
}

/** A compared instance's run before the change: a dashed ghost on its lane, labelled. */
function drawCompare(ctx: CanvasRenderingContext2D, data: TimelineStore, rows: RowTable, vp: Viewport, colors: ThemeColors, compare: CompareMark, firstRow: number, lastRow: number): void {
  const lane = data.laneTask.indexOf(compare.task);
  const r = lane >= 0 ? rows.rowOfLane[lane]! : -1;
  if (r < firstRow || r > lastRow) return;
  const y = rowTop(vp, r) + 4;
  const barHeight = LANE_HEIGHT - 8;
  const bar = (span: { start: number; end: number }, color: string, text: string, dashed: boolean) => {
    const x = minuteToX(vp, span.start);
    const w = Math.max(MIN_BAR_PX, (span.end - span.start) / vp.minutesPerPx);
    ctx.strokeStyle = color;
    ctx.lineWidth = 2;
    ctx.setLineDash(dashed ? [3, 2] : []);
    ctx.strokeRect(x - 2.5, y - 1.5, w + 5, barHeight + 3);
    ctx.setLineDash([]);
    ctx.fillStyle = color;
    ctx.fillText(text, x + w + 6, y + barHeight / 2);
  };
  if (compare.before) bar(compare.before, colors.muted, 'before', true);
  if (compare.after) bar(compare.after, colors.selection, compare.before ? '' : 'new', false);
}

/** Text cut with an ellipsis to a width. */
function fit(ctx: CanvasRenderingContext2D, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ctx.measureText(`${text.slice(0, mid)}…`).width <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo)}…`;
}
