import { dateOfDay, dayNumber } from '../time/civilTime';
import { planDay, type PlannedInstance } from './dayPlan';
import type { SchedulingGraph } from './schedulingGraph';
import { taskClosure } from './taskClosure';
import type { InstanceKind } from './taskCalendar';

export interface BackfillRequest {
  task: string;
  /** First and last business dates, YYYY-MM-DD. */
  from: string;
  to: string;
  /** Also every task downstream of it. */
  downstream?: boolean;
  /** Tasks whose backfill instances are dry-run (they succeed at once, their code does not run). */
  exclude?: ReadonlySet<string>;
}

export interface BackfillInstance {
  id: string;
  task: string;
  bizdate: string;
  scheduledAt: string;
  kind: InstanceKind;
  params: Record<string, string>;
  /** Upstream instances inside this backfill run. */
  upstream: string[];
  /**
   * Order of execution: instances with the same step may run together; a step waits for all lower
   * ones it depends on. Business dates run one after another, so each date starts above the last.
   */
  step: number;
}

export interface Backfill {
  tasks: string[];
  instances: BackfillInstance[];
}

export const MAX_BACKFILL_DAYS = 3660;

/**
 * Data population over business dates: for each business date D, the instances of the chosen tasks
 * scheduled on D + 1, whose `${}` parameters see D and `$[]` parameters D + 1 at the task's time.
 */
export function planBackfill(graph: SchedulingGraph, request: BackfillRequest): Backfill {
  const root = graph.tasks.get(request.task);
  if (!root) {
    const excluded = graph.excluded.find((e) => e.task === request.task);
    throw new Error(excluded ? `task ${request.task} cannot be backfilled: ${excluded.reason}` : `no task has the id "${request.task}"`);
  }
  const from = dayNumber(request.from);
  const to = dayNumber(request.to);
  if (Number.isNaN(from)) throw new Error(`"${request.from}" is not a date (YYYY-MM-DD)`);
  if (Number.isNaN(to)) throw new Error(`"${request.to}" is not a date (YYYY-MM-DD)`);
  if (to < from) throw new Error(`the business-date range ends (${request.to}) before it starts (${request.from})`);
  if (to - from >= MAX_BACKFILL_DAYS) throw new Error(`a backfill covers at most ${MAX_BACKFILL_DAYS} business dates`);

  const tasks = request.downstream ? taskClosure(graph, [root.id], { downstream: true }).ids : new Set([root.id]);
  const instances: BackfillInstance[] = [];
  let previousIds = new Set<string>();
  let base = 0;
  for (let biz = from; biz <= to; biz++) {
    const plan = planDay(graph, dateOfDay(biz + 1), { tasks });
    const ids = new Set(plan.instances.map((i) => i.id));
    const steps = stepsOf(plan.instances, ids);
    const day = plan.instances
      .map((instance, order): BackfillInstance & { order: number } => ({
        id: instance.id,
        task: instance.task.id,
        bizdate: plan.bizdate,
        scheduledAt: instance.scheduledAt,
        kind: request.exclude?.has(instance.task.id) ? 'dry-run' : instance.kind,
        params: instance.params,
        upstream: instance.upstream.map((e) => e.id).filter((id) => ids.has(id) || previousIds.has(id)),
        step: base + steps.get(instance)!,
        order,
      }))
      .sort((a, b) => a.step - b.step || a.order - b.order);
    for (const { order: _order, ...instance } of day) instances.push(instance);
    if (day.length) base = day[day.length - 1]!.step + 1;
    previousIds = ids;
  }
  return { tasks: [...tasks], instances };
}

/** Longest-path level of each instance among the date's own edges (Kahn's order; a cycle goes last). */
function stepsOf(instances: readonly PlannedInstance[], ids: ReadonlySet<string>): Map<PlannedInstance, number> {
  const byId = new Map(instances.map((i) => [i.id, i]));
  const indegree = new Map<PlannedInstance, number>();
  const downstream = new Map<PlannedInstance, PlannedInstance[]>();
  for (const instance of instances) {
    let n = 0;
    for (const edge of instance.upstream) {
      if (!ids.has(edge.id)) continue;
      n++;
      const up = byId.get(edge.id)!;
      const list = downstream.get(up);
      if (list) list.push(instance);
      else downstream.set(up, [instance]);
    }
    indegree.set(instance, n);
  }
  const steps = new Map<PlannedInstance, number>();
  const queue = instances.filter((i) => indegree.get(i) === 0);
  for (const i of queue) steps.set(i, 0);
  for (let q = 0; q < queue.length; q++) {
    const up = queue[q]!;
    for (const next of downstream.get(up) ?? []) {
      steps.set(next, Math.max(steps.get(next) ?? 0, steps.get(up)! + 1));
      const left = indegree.get(next)! - 1;
      indegree.set(next, left);
      if (left === 0) queue.push(next);
    }
  }
  let last = 0;
  for (const step of steps.values()) if (step >= last) last = step + 1;
  for (const i of instances) if (indegree.get(i)! > 0) steps.set(i, last);
  return steps;
}
