import type { DayPlan, PlannedInstance, UpstreamEdge } from './dayPlan';
import type { SchedulingGraph } from './schedulingGraph';
import { MINUTES_PER_DAY } from './civilTime';

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

export interface Timeline {
  plan: DayPlan;
  timing: ReadonlyMap<string, InstanceTiming>;
}

/**
 * Predicted start and end of every instance of a day: an instance starts at the later of its
 * scheduled time and its upstream instances' predicted ends, and runs for its task's expected minutes
 * (a dry-run instance takes none; a paused one never runs and holds back everything after it).
 * Instances of the day before are taken to have run on time: scheduled time plus expected duration.
 */
export function buildTimeline(graph: SchedulingGraph, plan: DayPlan): Timeline {
  const timing = new Map<string, InstanceTiming>();
  const pending = new Map<PlannedInstance, number>();
  const downstream = new Map<string, PlannedInstance[]>();
  const ready: PlannedInstance[] = [];
  for (const instance of plan.instances) {
    let inPlan = 0;
    for (const edge of instance.upstream) {
      if (!plan.byId.has(edge.id)) continue;
      inPlan++;
      const list = downstream.get(edge.id);
      if (list) list.push(instance);
      else downstream.set(edge.id, [instance]);
    }
    pending.set(instance, inPlan);
    if (inPlan === 0) ready.push(instance);
  }
  for (let i = 0; i < ready.length; i++) {
    const instance = ready[i]!;
    timing.set(instance.id, timeOf(graph, plan, instance, timing));
    for (const next of downstream.get(instance.id) ?? []) {
      const left = pending.get(next)! - 1;
      pending.set(next, left);
      if (left === 0) ready.push(next);
    }
  }
  for (const instance of plan.instances) {
    if (!timing.has(instance.id)) timing.set(instance.id, { blocked: 'dependency-cycle' });
  }
  return { plan, timing };
}

function timeOf(graph: SchedulingGraph, plan: DayPlan, instance: PlannedInstance, timing: ReadonlyMap<string, InstanceTiming>): InstanceTiming {
  if (instance.kind === 'paused') return { blocked: 'paused' };
  let start = instance.minute;
  let waitsFor: string | undefined;
  for (const edge of instance.upstream) {
    const up = plan.byId.has(edge.id) ? timing.get(edge.id)! : outsideTiming(graph, plan, edge);
    if (up.blocked) return { blocked: 'upstream-paused', waitsFor: edge.id };
    if (up.end! > start) {
      start = up.end!;
      waitsFor = edge.id;
    }
  }
  const duration = instance.kind === 'dry-run' ? 0 : instance.task.expectedMinutes;
  return { start, end: start + duration, ...(waitsFor ? { waitsFor } : {}) };
}

/** An upstream instance outside the plan (the day before, or a task left out): assumed on time. */
function outsideTiming(graph: SchedulingGraph, plan: DayPlan, edge: UpstreamEdge): InstanceTiming {
  const task = graph.tasks.get(edge.task);
  const kind = task?.calendar.kindOn(plan.day + Math.floor(edge.minute / MINUTES_PER_DAY));
  if (kind === 'paused') return { blocked: 'paused' };
  const duration = kind === 'dry-run' || !task ? 0 : task.expectedMinutes;
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
