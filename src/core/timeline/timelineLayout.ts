import { baselineMarks, type BaselineDeadline } from '../engine/baselineStatus';
import type { SchedulingGraph } from '../engine/schedulingGraph';
import type { Timeline } from '../engine/timelineModel';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';

export type LaneGrouping = 'folder' | 'project';

/** Bits of an instance's flags. */
export const KIND_MASK = 3;
export const KIND_CODES = { normal: 0, 'dry-run': 1, paused: 2 } as const;
/** It will not run: paused, behind a paused upstream, or caught in a dependency cycle. */
export const BLOCKED = 4;

export interface LayoutOptions {
  grouping: LaneGrouping;
  /** Only these tasks get lanes (a focus); default every task with an instance that day. */
  tasks?: ReadonlySet<string>;
}

/**
 * What the canvas draws, as flat columns: lanes (one per task, grouped), instances ordered by lane
 * then scheduled time, and edges between drawn instances by their index. Times are minutes after the
 * day's midnight; blocked instances get their scheduled time and expected duration.
 */
export interface TimelineLayout {
  date: string;
  bizdate: string;
  groups: string[];
  /** Index of the first lane of each group, in lane order. */
  groupStart: number[];
  laneTask: string[];
  laneName: string[];
  /** Index of the lane's first instance; laneFirst[laneCount] = instance count. */
  laneFirst: Int32Array;
  lane: Int32Array;
  scheduled: Int32Array;
  start: Int32Array;
  end: Int32Array;
  flags: Uint8Array;
  /** Where the instance would end at its task's 90th-percentile minutes (its end when none are known). */
  p90End: Int32Array;
  /** Against the baselines that guard it: 0 unguarded, 1 safe, 2 warning, 3 breached. */
  guard: Uint8Array;
  /** Each baseline's committed time, drawn as a line. */
  deadlines: BaselineDeadline[];
  ids: string[];
  /** The extension's own: each drawn instance's position in the plan, and each plan position's drawn index (-1: not drawn). */
  planAt: Int32Array;
  drawnAt: Int32Array;
  /** Ordered by their downstream instance (`edgeTo` ascending): a chunk's incoming edges are one run. */
  edgeFrom: Int32Array;
  edgeTo: Int32Array;
  edgeCross: Uint8Array;
  /** Upstream instances not drawn: of the day before, or of a task outside the focus. */
  edgesOutside: number;
}

export function layoutTimeline(index: WorkspaceIndex, graph: SchedulingGraph, timeline: Timeline, options: LayoutOptions): TimelineLayout {
  const { plan } = timeline;
  const lanes: { task: string; name: string; group: string }[] = [];
  for (const [taskId, own] of plan.byTask) {
    if (own.length === 0 || (options.tasks && !options.tasks.has(taskId))) continue;
    const scheduled = graph.tasks.get(taskId)!;
    const task = index.task(taskId);
    const project = scheduled.projectDir ? index.project(scheduled.projectDir)?.config.project : undefined;
    const group = options.grouping === 'project' || !task ? (project ?? '(no project)') : `${project ?? '(no project)'}/${task.folder}`.replace(/\/$/, '');
    lanes.push({ task: taskId, name: scheduled.name, group });
  }
  lanes.sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  const groups: string[] = [];
  const groupStart: number[] = [];
  const laneFirst = new Int32Array(lanes.length + 1);
  let count = 0;
  lanes.forEach((l, i) => {
    if (groups[groups.length - 1] !== l.group) {
      groups.push(l.group);
      groupStart.push(i);
    }
    laneFirst[i] = count;
    count += plan.byTask.get(l.task)!.length;
  });
  laneFirst[lanes.length] = count;

  const lane = new Int32Array(count);
  const scheduled = new Int32Array(count);
  const start = new Int32Array(count);
  const end = new Int32Array(count);
  const flags = new Uint8Array(count);
  const p90End = new Int32Array(count);
  const guard = new Uint8Array(count);
  const { deadlines, stateOf } = baselineMarks(index, timeline);
  const ids = new Array<string>(count);
  const { timings, upFirst, upAt } = timeline.byPosition;
  // Plan position of each drawn instance, and drawn index of each plan position (-1: not drawn).
  const planAt = new Int32Array(count);
  const drawnAt = new Int32Array(plan.instances.length).fill(-1);
  let k = 0;
  lanes.forEach((l, i) => {
    // byTask lists a task's instances in time order already.
    for (const instance of plan.byTask.get(l.task)!) {
      const p = instance.position;
      const timing = timings[p]!;
      lane[k] = i;
      scheduled[k] = instance.minute;
      if (timing.blocked || timing.start === undefined) {
        start[k] = instance.minute;
        end[k] = instance.minute + (instance.kind === 'dry-run' ? 0 : instance.task.expectedMinutes);
        flags[k] = KIND_CODES[instance.kind] | BLOCKED;
      } else {
        start[k] = timing.start;
        end[k] = timing.end!;
        flags[k] = KIND_CODES[instance.kind];
      }
      p90End[k] = instance.kind === 'dry-run' ? end[k]! : start[k]! + instance.task.p90Minutes;
      if (stateOf.size) guard[k] = stateOf.get(instance.id) ?? 0;
      ids[k] = instance.id;
      planAt[k] = p;
      drawnAt[p] = k;
      k++;
    }
  });

  let edges = 0;
  for (let i = 0; i < count; i++) edges += upFirst[planAt[i]! + 1]! - upFirst[planAt[i]!]!;
  const from = new Int32Array(edges);
  const to = new Int32Array(edges);
  const cross = new Uint8Array(edges);
  let drawn = 0;
  let edgesOutside = 0;
  for (let i = 0; i < count; i++) {
    const p = planAt[i]!;
    const upstream = plan.instances[p]!.upstream;
    for (let e = upFirst[p]!; e < upFirst[p + 1]!; e++) {
      const up = upAt[e]! >= 0 ? drawnAt[upAt[e]!]! : -1;
      if (up < 0) {
        edgesOutside++;
        continue;
      }
      from[drawn] = up;
      to[drawn] = i;
      cross[drawn++] = upstream[e - upFirst[p]!]!.crossCycle ? 1 : 0;
    }
  }

  return {
    date: plan.date,
    bizdate: plan.bizdate,
    groups,
    groupStart,
    laneTask: lanes.map((l) => l.task),
    laneName: lanes.map((l) => l.name),
    laneFirst,
    lane,
    scheduled,
    start,
    end,
    flags,
    p90End,
    guard,
    deadlines,
    ids,
    planAt,
    drawnAt,
    edgeFrom: from.slice(0, drawn),
    edgeTo: to.slice(0, drawn),
    edgeCross: cross.slice(0, drawn),
    edgesOutside,
  };
}
