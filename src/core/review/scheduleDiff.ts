import { baselineStatuses, type BaselineStatus } from '../engine/baselineStatus';
import { dateOfDay, dayNumber } from '../time/civilTime';
import { planDay, type DayPlan } from '../engine/dayPlan';
import { buildSchedulingGraph, type SchedulingGraph } from '../engine/schedulingGraph';
import { instanceName, minuteText } from '../engine/startExplanation';
import { taskClosure } from '../engine/taskClosure';
import { buildTimeline, type Timeline } from '../engine/timelineModel';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';

export type ChangeKind = 'instance-added' | 'instance-removed' | 'edge-added' | 'edge-removed' | 'param-changed' | 'timing-moved' | 'closure-changed';

/** One difference, as `nightshift diff --json` writes it (a contract). */
export interface ScheduleChange {
  date: string;
  task: string;
  instance: string | null;
  kind: ChangeKind;
  detail: Record<string, unknown>;
}

export interface ScheduleDiff {
  from: string;
  to: string;
  summary: { tasks: number; instances: number; edges: number; params: number; timings: number; closures: number };
  changes: ScheduleChange[];
  baselines: { baseline: string; project: string; before: BaselineStatus | null; after: BaselineStatus | null }[];
  /** Each changed instance's predicted run on both sides (minutes after its day's midnight), for drawing; not in the JSON. */
  runs: Map<string, { before?: Run; after?: Run }>;
}

export interface Run {
  start: number;
  end: number;
}

/** Changes grouped by a key (their task, their instance), in the order first seen. */
export function groupChanges(changes: readonly ScheduleChange[], key: (c: ScheduleChange) => string): Map<string, ScheduleChange[]> {
  const groups = new Map<string, ScheduleChange[]>();
  for (const c of changes) {
    const k = key(c);
    const group = groups.get(k);
    if (group) group.push(c);
    else groups.set(k, [c]);
  }
  return groups;
}

function runOf(timeline: Timeline, id: string): Run | undefined {
  const t = timeline.timing.get(id);
  return t?.start !== undefined && t.end !== undefined ? { start: t.start, end: t.end } : undefined;
}

interface Side {
  index: WorkspaceIndex;
  graph: SchedulingGraph;
}

function day(side: Side, date: string): { plan: DayPlan; timeline: Timeline } {
  const plan = planDay(side.graph, date);
  return { plan, timeline: buildTimeline(side.graph, plan) };
}

/**
 * What a change does to the schedule: both workspaces planned over the dates, compared instance by
 * instance (added, removed), edge by edge, parameter by parameter, by predicted start and end, and
 * task by task for the downstream closure; and the baselines whose status or predicted finish moves.
 */
export function scheduleDiff(before: WorkspaceIndex, after: WorkspaceIndex, from: string, to: string): ScheduleDiff {
  const a: Side = { index: before, graph: buildSchedulingGraph(before) };
  const b: Side = { index: after, graph: buildSchedulingGraph(after) };
  const changes: ScheduleChange[] = [];
  const runs: ScheduleDiff['runs'] = new Map();
  const baselineMoves: ScheduleDiff['baselines'] = [];
  const name = (graph: SchedulingGraph, id: string) => instanceName(graph, id);
  for (let d = dayNumber(from); d <= dayNumber(to); d++) {
    const date = dateOfDay(d);
    const x = day(a, date);
    const y = day(b, date);
    const push = (task: string, instance: string | null, kind: ChangeKind, detail: Record<string, unknown>) => {
      changes.push({ date, task, instance, kind, detail });
      if (instance && !runs.has(instance)) {
        const before = runOf(x.timeline, instance);
        const after = runOf(y.timeline, instance);
        runs.set(instance, { ...(before ? { before } : {}), ...(after ? { after } : {}) });
      }
    };
    for (const i of x.plan.instances) if (!y.plan.byId.has(i.id)) push(i.task.id, i.id, 'instance-removed', { name: i.task.name, scheduledAt: i.scheduledAt, kind: i.kind });
    for (const i of y.plan.instances) {
      const old = x.plan.byId.get(i.id);
      if (!old) {
        push(i.task.id, i.id, 'instance-added', { name: i.task.name, scheduledAt: i.scheduledAt, kind: i.kind });
        continue;
      }
      const was = new Set(old.upstream.map((e) => e.id));
      const now = new Set(i.upstream.map((e) => e.id));
      for (const e of now) if (!was.has(e)) push(i.task.id, i.id, 'edge-added', { upstream: e, ...name(b.graph, e) });
      for (const e of was) if (!now.has(e)) push(i.task.id, i.id, 'edge-removed', { upstream: e, ...name(a.graph, e) });
      for (const key of new Set([...Object.keys(old.params), ...Object.keys(i.params)])) {
        if (old.params[key] !== i.params[key]) push(i.task.id, i.id, 'param-changed', { name: key, before: old.params[key] ?? null, after: i.params[key] ?? null });
      }
      const t0 = x.timeline.timing.get(i.id);
      const t1 = y.timeline.timing.get(i.id);
      if (t0?.start !== t1?.start || t0?.end !== t1?.end) {
        push(i.task.id, i.id, 'timing-moved', {
          startBefore: t0?.start !== undefined ? minuteText(t0.start) : null,
          startAfter: t1?.start !== undefined ? minuteText(t1.start) : null,
          endBefore: t0?.end !== undefined ? minuteText(t0.end) : null,
          endAfter: t1?.end !== undefined ? minuteText(t1.end) : null,
          endMovedMinutes: t0?.end !== undefined && t1?.end !== undefined ? t1.end - t0.end : null,
          blockedBefore: t0?.blocked ?? null,
          blockedAfter: t1?.blocked ?? null,
        });
      }
    }
    const before = baselineStatuses(a.index, a.graph, x.timeline);
    const after = baselineStatuses(b.index, b.graph, y.timeline);
    const key = (s: BaselineStatus) => `${s.project}\u0000${s.baseline}`;
    const afterByKey = new Map(after.map((s) => [key(s), s]));
    for (const s of before) {
      const t = afterByKey.get(key(s)) ?? null;
      if (!t || t.status !== s.status || t.predictedFinish !== s.predictedFinish) baselineMoves.push({ baseline: s.baseline, project: s.project, before: s, after: t });
      afterByKey.delete(key(s));
    }
    for (const t of afterByKey.values()) baselineMoves.push({ baseline: t.baseline, project: t.project, before: null, after: t });
  }
  // Tasks whose downstream closure changed: who is affected when they are late.
  for (const id of new Set([...a.graph.tasks.keys(), ...b.graph.tasks.keys()])) {
    const was = a.graph.tasks.has(id) ? taskClosure(a.graph, [id], { downstream: true }).ids : new Set<string>();
    const now = b.graph.tasks.has(id) ? taskClosure(b.graph, [id], { downstream: true }).ids : new Set<string>();
    const added = [...now].filter((t) => !was.has(t) && t !== id);
    const removed = [...was].filter((t) => !now.has(t) && t !== id);
    if ((added.length || removed.length) && a.graph.tasks.has(id) && b.graph.tasks.has(id)) {
      changes.push({ date: from, task: id, instance: null, kind: 'closure-changed', detail: { name: b.graph.tasks.get(id)!.name, added: added.map((t) => b.graph.tasks.get(t)?.name ?? t), removed: removed.map((t) => a.graph.tasks.get(t)?.name ?? t) } });
    }
  }
  const count = (...kinds: ChangeKind[]) => changes.filter((c) => kinds.includes(c.kind)).length;
  return {
    from,
    to,
    summary: {
      tasks: new Set(changes.map((c) => c.task)).size,
      instances: count('instance-added', 'instance-removed'),
      edges: count('edge-added', 'edge-removed'),
      params: count('param-changed'),
      timings: count('timing-moved'),
      closures: count('closure-changed'),
    },
    changes,
    baselines: baselineMoves,
    runs,
  };
}
