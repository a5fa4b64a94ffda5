import type { TimelineHeadData } from '../../src/core/panel/panelProtocol';
import type { BaselineDeadline } from '../../src/core/engine/baselineStatus';
import type { TimelineChunk } from '../../src/core/timeline/timelineChunks';
import { upperBound } from '../../src/core/engine/sortedSearch';

/**
 * The timeline as the webview holds it: the head at once, lanes and instances as their chunks come.
 * Instance columns are full length from the start, so an instance keeps the index the extension gave
 * it (details, highlights and the keyboard speak in those indexes); a lane's columns mean something
 * once its chunk is loaded. Edges are those of the loaded chunks, each once.
 */
export class TimelineStore {
  readonly date: string;
  readonly bizdate: string;
  readonly groups: string[];
  readonly groupStart: number[];
  readonly laneCount: number;
  readonly instanceCount: number;
  readonly edgeCount: number;
  readonly edgesOutside: number;
  readonly deadlines: BaselineDeadline[];
  readonly span: number;
  readonly focusNote: string;
  readonly engineMs: number;
  /** Sparse until loaded. */
  readonly laneTask: string[];
  readonly laneName: string[];
  readonly laneFirst: Int32Array;
  readonly lane: Int32Array;
  readonly scheduled: Int32Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly flags: Uint8Array;
  readonly p90End: Int32Array;
  readonly guard: Uint8Array;
  /** The loaded edges (views over growing buffers). */
  edgeFrom: Int32Array;
  edgeTo: Int32Array;
  edgeCross: Uint8Array;
  private readonly chunkFirstLane: Int32Array;
  private readonly chunkFirstInstance: Int32Array;
  private readonly loaded: Uint8Array;
  private readonly asked: Uint8Array;
  private readonly edgeSeen: Uint8Array;
  /** Instances of unloaded chunks known as an edge's far end: their lane, start and end are set. */
  private readonly far: Uint8Array;
  private edges = 0;

  constructor(head: TimelineHeadData) {
    this.date = head.date;
    this.bizdate = head.bizdate;
    this.groups = head.groups;
    this.groupStart = head.groupStart;
    this.laneCount = head.laneCount;
    this.instanceCount = head.instanceCount;
    this.edgeCount = head.edgeCount;
    this.edgesOutside = head.edgesOutside;
    this.deadlines = head.deadlines;
    this.span = head.span;
    this.focusNote = head.focusNote;
    this.engineMs = head.engineMs;
    this.chunkFirstLane = head.chunkFirstLane;
    this.chunkFirstInstance = head.chunkFirstInstance;
    const n = head.instanceCount;
    this.laneTask = new Array<string>(head.laneCount);
    this.laneName = new Array<string>(head.laneCount);
    this.laneFirst = new Int32Array(head.laneCount + 1);
    this.lane = new Int32Array(n);
    this.scheduled = new Int32Array(n);
    this.start = new Int32Array(n);
    this.end = new Int32Array(n);
    this.flags = new Uint8Array(n);
    this.p90End = new Int32Array(n);
    this.guard = new Uint8Array(n);
    const chunks = this.chunkFirstLane.length - 1;
    this.loaded = new Uint8Array(Math.max(0, chunks));
    this.asked = new Uint8Array(Math.max(0, chunks));
    this.edgeSeen = new Uint8Array(head.edgeCount);
    this.far = new Uint8Array(n);
    this.edgeFrom = new Int32Array(0);
    this.edgeTo = new Int32Array(0);
    this.edgeCross = new Uint8Array(0);
  }

  chunkOfLane(lane: number): number {
    return upperBound(this.chunkFirstLane, lane) - 1;
  }

  chunkOfInstance(index: number): number {
    return upperBound(this.chunkFirstInstance, index) - 1;
  }

  /** Chunks loaded, of how many: `3/12`. */
  loadedText(): string {
    let n = 0;
    for (const x of this.loaded) n += x;
    return `${n}/${this.loaded.length}`;
  }

  laneLoaded(lane: number): boolean {
    return this.loaded[this.chunkOfLane(lane)] === 1;
  }

  instanceLoaded(index: number): boolean {
    return index >= 0 && index < this.instanceCount && this.loaded[this.chunkOfInstance(index)] === 1;
  }

  /** Whether an instance's lane and times are known: its chunk is loaded, or it is an edge's far end. */
  instanceKnown(index: number): boolean {
    return this.far[index] === 1 || this.instanceLoaded(index);
  }

  /** Chunks of lanes [first, last] not loaded nor asked for yet; they count as asked for from now. */
  wanted(firstLane: number, lastLane: number): number[] {
    if (this.laneCount === 0) return [];
    return this.ask(this.chunkOfLane(Math.max(0, firstLane)), this.chunkOfLane(Math.min(this.laneCount - 1, lastLane)));
  }

  /** The chunk of an instance, when it is neither loaded nor asked for yet (it counts as asked for from now). */
  wantedFor(index: number): number[] {
    if (index < 0 || index >= this.instanceCount) return [];
    const c = this.chunkOfInstance(index);
    return this.ask(c, c);
  }

  private ask(from: number, to: number): number[] {
    const chunks: number[] = [];
    for (let c = from; c <= to; c++) {
      if (this.loaded[c] || this.asked[c]) continue;
      this.asked[c] = 1;
      chunks.push(c);
    }
    return chunks;
  }

  /** Whether every chunk of lanes [first, last] is loaded. */
  complete(firstLane: number, lastLane: number): boolean {
    if (this.laneCount === 0) return true;
    const from = this.chunkOfLane(Math.max(0, firstLane));
    const to = this.chunkOfLane(Math.min(this.laneCount - 1, lastLane));
    for (let c = from; c <= to; c++) if (!this.loaded[c]) return false;
    return true;
  }

  add(chunk: TimelineChunk): void {
    const c = chunk.chunk;
    if (c < 0 || c >= this.loaded.length || this.loaded[c]) return;
    const l0 = this.chunkFirstLane[c]!;
    const i0 = this.chunkFirstInstance[c]!;
    chunk.laneTask.forEach((task, k) => (this.laneTask[l0 + k] = task));
    chunk.laneName.forEach((name, k) => (this.laneName[l0 + k] = name));
    this.laneFirst.set(chunk.laneFirst, l0);
    this.lane.set(chunk.lane, i0);
    this.scheduled.set(chunk.scheduled, i0);
    this.start.set(chunk.start, i0);
    this.end.set(chunk.end, i0);
    this.flags.set(chunk.flags, i0);
    this.p90End.set(chunk.p90End, i0);
    this.guard.set(chunk.guard, i0);
    // The far ends of edges: where to draw them to, until (unless) their own chunk comes.
    for (let k = 0; k < chunk.farIndex.length; k++) {
      const i = chunk.farIndex[k]!;
      if (this.instanceLoaded(i)) continue;
      this.lane[i] = chunk.farLane[k]!;
      this.start[i] = chunk.farStart[k]!;
      this.end[i] = chunk.farEnd[k]!;
      this.far[i] = 1;
    }
    this.addEdges(chunk);
    this.loaded[c] = 1;
  }

  private addEdges(chunk: TimelineChunk): void {
    let fresh = 0;
    for (const e of chunk.edgeId) if (!this.edgeSeen[e]) fresh++;
    const need = this.edges + fresh;
    if (need > this.edgeFrom.buffer.byteLength / 4) {
      const capacity = Math.min(this.edgeCount, Math.max(need, 2 * this.edges, 1024));
      const grow = <T extends Int32Array | Uint8Array>(old: T, make: (n: number) => T): T => {
        const next = make(capacity);
        next.set(old);
        return next;
      };
      this.edgeFrom = grow(this.edgeFrom, (n) => new Int32Array(n));
      this.edgeTo = grow(this.edgeTo, (n) => new Int32Array(n));
      this.edgeCross = grow(this.edgeCross, (n) => new Uint8Array(n));
    }
    const from = new Int32Array(this.edgeFrom.buffer);
    const to = new Int32Array(this.edgeTo.buffer);
    const cross = new Uint8Array(this.edgeCross.buffer);
    for (let k = 0; k < chunk.edgeId.length; k++) {
      const e = chunk.edgeId[k]!;
      if (this.edgeSeen[e]) continue;
      this.edgeSeen[e] = 1;
      from[this.edges] = chunk.edgeFrom[k]!;
      to[this.edges] = chunk.edgeTo[k]!;
      cross[this.edges++] = chunk.edgeCross[k]!;
    }
    this.edgeFrom = from.subarray(0, this.edges);
    this.edgeTo = to.subarray(0, this.edges);
    this.edgeCross = cross.subarray(0, this.edges);
  }
}
