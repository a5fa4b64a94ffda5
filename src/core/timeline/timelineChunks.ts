import type { TimelineLayout } from './timelineLayout';
import { lowerBound, upperBound } from '../engine/sortedSearch';

/**
 * Instances a chunk holds at most (a single lane with more is a chunk of its own). A screen shows
 * about forty lanes, so a chunk covers many screens, and a day of a million instances is a hundred
 * chunks, of which the webview asks for the few it shows: moving all of them took seconds.
 */
export const CHUNK_INSTANCES = 10_000;

/**
 * What the webview gets first: the day, the lane groups and counts, and where each chunk of lanes
 * starts. Lanes' names and instances come by chunk, as they scroll into view.
 */
export interface TimelineHead extends Pick<TimelineLayout, 'date' | 'bizdate' | 'groups' | 'groupStart' | 'edgesOutside' | 'deadlines'> {
  laneCount: number;
  instanceCount: number;
  edgeCount: number;
  /** Minutes the plot spans: the day, or up to the latest end, p90 end or deadline, in whole hours. */
  span: number;
  /** First lane and first instance of each chunk; one more entry than chunks, for the end. */
  chunkFirstLane: Int32Array;
  chunkFirstInstance: Int32Array;
}

/** The layout's columns by instance, each cut to a chunk's instances. */
type InstanceColumn = 'lane' | 'scheduled' | 'start' | 'end' | 'flags' | 'p90End' | 'guard';

/**
 * One chunk: its lanes' tasks, names and instance ranges (absolute indexes), the columns of its
 * instances, every edge with an end among them (by edge index, so one fetched twice is kept once),
 * and the other end of those edges where it lies in another chunk, so the edge can be drawn and
 * the neighbour highlighted before that chunk comes.
 */
export interface TimelineChunk extends Pick<TimelineLayout, 'laneTask' | 'laneName' | 'edgeFrom' | 'edgeTo' | 'edgeCross' | InstanceColumn> {
  chunk: number;
  /** laneFirst of the chunk's lanes and of the lane after them. */
  laneFirst: Int32Array;
  edgeId: Int32Array;
  /** Instances of other chunks at the far end of an edge: index, lane, start and end. */
  farIndex: Int32Array;
  farLane: Int32Array;
  farStart: Int32Array;
  farEnd: Int32Array;
}

/** The day, or up to the latest end, p90 end or baseline deadline past midnight, in whole hours. */
export function spanMinutes(data: Pick<TimelineLayout, 'end'> & Partial<Pick<TimelineLayout, 'p90End' | 'deadlines'>>): number {
  let max = 1440;
  for (let i = 0; i < data.end.length; i++) if (data.end[i]! > max) max = data.end[i]!;
  const p90 = data.p90End;
  if (p90) for (let i = 0; i < p90.length; i++) if (p90[i]! > max) max = p90[i]!;
  for (const d of data.deadlines ?? []) if (d.minute + 30 > max) max = d.minute + 30;
  return Math.ceil(max / 60) * 60;
}

/** A layout cut into chunks of lanes, served one chunk at a time. */
export class TimelineChunks {
  readonly head: TimelineHead;
  /** Edge indexes ordered by their upstream instance, built on the first chunk asked for. */
  private byFrom?: { first: Int32Array; edges: Int32Array };

  constructor(
    private readonly layout: TimelineLayout,
    chunkInstances = CHUNK_INSTANCES,
  ) {
    const lanes = layout.laneTask.length;
    const firstLanes = [0];
    for (let l = 1; l < lanes; l++) {
      if (layout.laneFirst[l + 1]! - layout.laneFirst[firstLanes[firstLanes.length - 1]!]! > chunkInstances) firstLanes.push(l);
    }
    if (lanes === 0) firstLanes.pop();
    firstLanes.push(lanes);
    const chunkFirstLane = Int32Array.from(firstLanes);
    this.head = {
      date: layout.date,
      bizdate: layout.bizdate,
      groups: layout.groups,
      groupStart: layout.groupStart,
      laneCount: lanes,
      instanceCount: layout.lane.length,
      edgeCount: layout.edgeFrom.length,
      edgesOutside: layout.edgesOutside,
      deadlines: layout.deadlines,
      span: spanMinutes(layout),
      chunkFirstLane,
      chunkFirstInstance: chunkFirstLane.map((l) => layout.laneFirst[l]!),
    };
  }

  get chunkCount(): number {
    return this.head.chunkFirstLane.length - 1;
  }

  chunk(c: number): TimelineChunk | undefined {
    if (!Number.isInteger(c) || c < 0 || c >= this.chunkCount) return undefined;
    const layout = this.layout;
    const l0 = this.head.chunkFirstLane[c]!;
    const l1 = this.head.chunkFirstLane[c + 1]!;
    const i0 = layout.laneFirst[l0]!;
    const i1 = layout.laneFirst[l1]!;
    // Edges come in the order of their downstream instance: those into the chunk are one run.
    const into0 = lowerBound(layout.edgeTo, i0);
    const into1 = lowerBound(layout.edgeTo, i1);
    const { first, edges } = (this.byFrom ??= edgesByFrom(layout));
    const ids: number[] = [];
    for (let e = into0; e < into1; e++) ids.push(e);
    for (let k = first[i0]!; k < first[i1]!; k++) {
      const e = edges[k]!;
      const to = layout.edgeTo[e]!;
      if (to < i0 || to >= i1) ids.push(e);
    }
    const edgeId = Int32Array.from(ids);
    const far = new Set<number>();
    for (const e of ids) {
      const from = layout.edgeFrom[e]!;
      const to = layout.edgeTo[e]!;
      if (from < i0 || from >= i1) far.add(from);
      if (to < i0 || to >= i1) far.add(to);
    }
    const farIndex = Int32Array.from(far);
    return {
      chunk: c,
      laneTask: layout.laneTask.slice(l0, l1),
      laneName: layout.laneName.slice(l0, l1),
      laneFirst: layout.laneFirst.slice(l0, l1 + 1),
      lane: layout.lane.slice(i0, i1),
      scheduled: layout.scheduled.slice(i0, i1),
      start: layout.start.slice(i0, i1),
      end: layout.end.slice(i0, i1),
      flags: layout.flags.slice(i0, i1),
      p90End: layout.p90End.slice(i0, i1),
      guard: layout.guard.slice(i0, i1),
      edgeId,
      edgeFrom: edgeId.map((e) => layout.edgeFrom[e]!),
      edgeTo: edgeId.map((e) => layout.edgeTo[e]!),
      edgeCross: Uint8Array.from(edgeId, (e) => layout.edgeCross[e]!),
      farIndex,
      farLane: farIndex.map((i) => layout.lane[i]!),
      farStart: farIndex.map((i) => layout.start[i]!),
      farEnd: farIndex.map((i) => layout.end[i]!),
    };
  }

  /** The chunk holding an instance, by its index in the layout. */
  chunkOfInstance(index: number): number {
    return upperBound(this.head.chunkFirstInstance, index) - 1;
  }
}

/** Edge indexes grouped by upstream instance: edges[first[i]..first[i+1]) leave instance i. */
function edgesByFrom(layout: TimelineLayout): { first: Int32Array; edges: Int32Array } {
  const n = layout.lane.length;
  const first = new Int32Array(n + 1);
  for (let e = 0; e < layout.edgeFrom.length; e++) first[layout.edgeFrom[e]! + 1]!++;
  for (let i = 0; i < n; i++) first[i + 1]! += first[i]!;
  const fill = first.slice(0, n);
  const edges = new Int32Array(layout.edgeFrom.length);
  for (let e = 0; e < layout.edgeFrom.length; e++) edges[fill[layout.edgeFrom[e]!]!++] = e;
  return { first, edges };
}
