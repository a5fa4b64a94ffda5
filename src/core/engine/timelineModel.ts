import { instanceById, type DayPlan, type PlannedInstance, type UpstreamEdge } from './dayPlan';
import type { ScheduledTask, SchedulingGraph } from './schedulingGraph';
import { MINUTES_PER_DAY } from '../time/civilTime';

export type Blocked = 'paused' | 'upstream-paused' | 'dependency-cycle';

/** Predicted run of one instance, in minutes after the plan day's midnight (may pass 1440). */
export interface InstanceTiming {
  start?: number;
  end?: number;
  /** Why it will not run: frozen itself, behind a frozen upstream, or inside a dependency cycle. */
  blocked?: Blocked;
  /** The upstream instance whose predicted end decides this start, when it starts late. */
  waitsFor?: string;
}

export interface TimelineOptions {
  /** Every instance takes its task's 90th-percentile minutes (a baseline's pessimistic case). */
  pessimistic?: boolean;
}

export interface Timeline {
  plan: DayPlan;
  /** By instance id (found among its task's instances); `timingOf` needs no id. */
  timing: { get(id: string): InstanceTiming | undefined };
  /** The same by position in `plan.instances`, with each instance's upstream positions (-1: outside the plan). */
  byPosition: {
    timings: readonly InstanceTiming[];
    upFirst: Int32Array;
    upAt: Int32Array;
  };
}

/**
 * Predicted start and end of every instance of a day: an instance starts at the later of its
 * scheduled time and its upstream instances' predicted ends, and runs for its task's expected minutes
 * (a dry-run instance takes none; a paused one never runs and holds back everything after it).
 * Instances of the day before are taken to have run on time: scheduled time plus expected duration.
 */
export function buildTimeline(graph: SchedulingGraph, plan: DayPlan, options: TimelineOptions = {}): Timeline {
  const minutesOf = options.pessimistic ? (task: ScheduledTask) => task.p90Minutes : (task: ScheduledTask) => task.expectedMinutes;
  // Instances by position, edges as positions (-1: outside the plan): a hundred thousand instances
  // and a quarter of a million edges go through typed arrays, not maps keyed by id.
  const instances = plan.instances;
  const n = instances.length;
  const upFirst = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) upFirst[i + 1] = upFirst[i]! + instances[i]!.upstream.length;
  const upAt = new Int32Array(upFirst[n]!);
  const pending = new Int32Array(n);
  const downCount = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const upstream = instances[i]!.upstream;
    for (let k = 0; k < upstream.length; k++) {
      const at = upstream[k]!.at;
      upAt[upFirst[i]! + k] = at;
      if (at >= 0) {
        pending[i]!++;
        downCount[at + 1]!++;
      }
    }
  }
  for (let i = 0; i < n; i++) downCount[i + 1]! += downCount[i]!;
  const downAt = new Int32Array(downCount[n]!);
  const fill = downCount.slice(0, n);
  for (let i = 0; i < n; i++) {
    for (let e = upFirst[i]!; e < upFirst[i + 1]!; e++) if (upAt[e]! >= 0) downAt[fill[upAt[e]!]!++] = i;
  }

  const done: (InstanceTiming | undefined)[] = new Array(n);
  const queue = new Int32Array(n);
  let tail = 0;
  for (let i = 0; i < n; i++) if (pending[i] === 0) queue[tail++] = i;
  for (let head = 0; head < tail; head++) {
    const i = queue[head]!;
    done[i] = timeOf(graph, plan, instances[i]!, minutesOf, (k) => {
      const at = upAt[upFirst[i]! + k]!;
      return at >= 0 ? done[at]! : undefined;
    });
    for (let d = downCount[i]!; d < downCount[i + 1]!; d++) {
      const next = downAt[d]!;
      if (--pending[next]! === 0) queue[tail++] = next;
    }
  }
  for (let i = 0; i < n; i++) done[i] ??= { blocked: 'dependency-cycle' };
  const timings = done as InstanceTiming[];
  const timing = {
    get: (id: string) => {
      const instance = instanceById(plan, id);
      return instance ? timings[instance.position] : undefined;
    },
  };
  return { plan, timing, byPosition: { timings, upFirst, upAt } };
}

/** An instance's predicted run, by its position in the plan. */
export function timingOf(timeline: Timeline, instance: PlannedInstance): InstanceTiming {
  return timeline.byPosition.timings[instance.position]!;
}

/** `inPlan(k)`: the timing of the k-th upstream instance when it is in the plan (and so already timed). */
function timeOf(graph: SchedulingGraph, plan: DayPlan, instance: PlannedInstance, minutesOf: (task: ScheduledTask) => number, inPlan: (k: number) => InstanceTiming | undefined): InstanceTiming {
  if (instance.kind === 'paused') return { blocked: 'paused' };
  let start = instance.minute;
  let waitsFor: string | undefined;
  const upstream = instance.upstream;
  for (let k = 0; k < upstream.length; k++) {
    const edge = upstream[k]!;
    const up = inPlan(k) ?? outsideTiming(graph, plan, edge, minutesOf);
    if (up.blocked) return { blocked: 'upstream-paused', waitsFor: edge.id };
    if (up.end! > start) {
      start = up.end!;
      waitsFor = edge.id;
    }
  }
  const duration = instance.kind === 'dry-run' ? 0 : minutesOf(instance.task);
  return { start, end: start + duration, ...(waitsFor ? { waitsFor } : {}) };
}

/** An upstream instance outside the plan (the day before, or a task left out): assumed on time. */
function outsideTiming(graph: SchedulingGraph, plan: DayPlan, edge: UpstreamEdge, minutesOf: (task: ScheduledTask) => number): InstanceTiming {
  const task = graph.tasks.get(edge.task);
  const kind = task?.calendar.kindOn(plan.day + Math.floor(edge.minute / MINUTES_PER_DAY));
  if (kind === 'paused') return { blocked: 'paused' };
  const duration = kind === 'dry-run' || !task ? 0 : minutesOf(task);
  return { start: edge.minute, end: edge.minute + duration };
}

/**
 * What makes an instance late: the chain of instances, earliest first, each starting when the one
 * before it ends, back to one that starts at its own scheduled time (or is blocked).
 */
export function criticalPath(timeline: Timeline, id: string): string[] {
  const path = [id];
  const seen = new Set(path);
  let current = timeline.timing.get(id);
  while (current?.waitsFor && !seen.has(current.waitsFor)) {
    path.unshift(current.waitsFor);
    seen.add(current.waitsFor);
    current = timeline.timing.get(current.waitsFor);
  }
  return path;
}
