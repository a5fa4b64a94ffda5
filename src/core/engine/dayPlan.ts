import { dateOfDay, dayNumber, DAY_MS, MINUTE_MS, MINUTES_PER_DAY, stampOf } from './civilTime';
import { previousCycleEdges, sameCycleEdges, selfEdges, type Emit, type RuleSide } from './dependencyRules';
import type { ScheduledTask, SchedulingGraph } from './schedulingGraph';
import type { InstanceKind } from './taskCalendar';

export interface UpstreamEdge {
  /** `<taskId>@<YYYY-MM-DDTHH:mm>`. */
  id: string;
  task: string;
  /** Minutes after the plan day's midnight; negative for an instance of the day before. */
  minute: number;
  /** Drawn dashed: a self-dependency, a previous-cycle dependency, crossCycle children or ids. */
  crossCycle: boolean;
}

export interface PlannedInstance {
  id: string;
  task: ScheduledTask;
  /** Wall-clock minutes after midnight of the plan day. */
  minute: number;
  scheduledAt: string;
  kind: InstanceKind;
  upstream: UpstreamEdge[];
  params: Record<string, string>;
}

export interface DayPlan {
  /** Scheduled date, YYYY-MM-DD. */
  date: string;
  /** Business date: the scheduled date minus one day. */
  bizdate: string;
  day: number;
  /** Ordered by scheduled time, then task id. */
  instances: PlannedInstance[];
  byId: ReadonlyMap<string, PlannedInstance>;
  byTask: ReadonlyMap<string, readonly PlannedInstance[]>;
}

export interface PlanOptions {
  /** Only these tasks get instances (edges still name any upstream instance). */
  tasks?: ReadonlySet<string>;
}

const NONE: readonly number[] = [];

/** Every instance the scheduler would generate on `date`, with its upstream instances and parameters. */
export function planDay(graph: SchedulingGraph, date: string, options: PlanOptions = {}): DayPlan {
  const day = dayNumber(date);
  if (Number.isNaN(day)) throw new Error(`"${date}" is not a date (YYYY-MM-DD)`);
  const minutesOn = (task: ScheduledTask, d: number): readonly number[] =>
    task.calendar.kindOn(d) === undefined ? NONE : task.calendar.minutes;
  const idCache = [new Map<string, string[]>(), new Map<string, string[]>()];
  const idsOn = (task: ScheduledTask, offset: 0 | -1): string[] => {
    const cache = idCache[-offset]!;
    let ids = cache.get(task.id);
    if (!ids) {
      ids = minutesOn(task, day + offset).map((m) => `${task.id}@${stampOf(day + offset, m)}`);
      cache.set(task.id, ids);
    }
    return ids;
  };
  const side = (task: ScheduledTask): RuleSide => ({
    minutes: minutesOn(task, day),
    multi: task.calendar.multi,
    cycle: task.calendar.cycle,
    selfDependent: task.selfDependent,
  });

  const instances: PlannedInstance[] = [];
  const byTask = new Map<string, PlannedInstance[]>();
  for (const task of graph.tasks.values()) {
    if (options.tasks && !options.tasks.has(task.id)) continue;
    const kind = task.calendar.kindOn(day);
    if (kind === undefined) continue;
    const ids = idsOn(task, 0);
    const own = task.calendar.minutes.map((minute, k): PlannedInstance => ({
      id: ids[k]!,
      task,
      minute,
      scheduledAt: ids[k]!.slice(task.id.length + 1),
      kind,
      upstream: [],
      params: {},
    }));
    byTask.set(task.id, own);
    for (const instance of own) instances.push(instance);
  }

  for (const [taskId, own] of byTask) {
    const task = graph.tasks.get(taskId)!;
    const down = side(task);
    const edgeTo = (up: ScheduledTask, crossCycle: boolean): Emit => {
      const today = idsOn(up, 0);
      return (k, upDay, j) => {
        const ids = upDay === 0 ? today : idsOn(up, -1);
        own[k]!.upstream.push({ id: ids[j]!, task: up.id, minute: up.calendar.minutes[j]! + upDay * MINUTES_PER_DAY, crossCycle });
      };
    };
    if (task.selfDependent) selfEdges(own.length, minutesOn(task, day - 1).length, edgeTo(task, true));
    for (const link of task.links) {
      const up = graph.tasks.get(link.task);
      if (!up) continue;
      if (link.previous) previousCycleEdges(down, side(up), minutesOn(up, day - 1), edgeTo(up, true));
      else sameCycleEdges(down, side(up), edgeTo(up, false));
    }
    if (task.links.length + (task.selfDependent ? 1 : 0) > 1) for (const instance of own) dedupe(instance);
    if (task.parameters.length) {
      for (const instance of own) {
        const context = { cycMs: day * DAY_MS + instance.minute * MINUTE_MS, taskId: task.id, instanceId: instance.id };
        for (const p of task.parameters) instance.params[p.name] = p.evaluate(context);
      }
    }
  }

  instances.sort((a, b) => a.minute - b.minute || compareIds(a.task.id, b.task.id));
  const byId = new Map<string, PlannedInstance>();
  for (const instance of instances) byId.set(instance.id, instance);
  return { date: dateOfDay(day), bizdate: dateOfDay(day - 1), day, instances, byId, byTask };
}

function dedupe(instance: PlannedInstance): void {
  if (instance.upstream.length < 2) return;
  const seen = new Set<string>();
  instance.upstream = instance.upstream.filter((e) => (seen.has(e.id) ? false : (seen.add(e.id), true)));
}

/** Numeric ids in numeric order, others after them in text order. */
export function compareIds(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (Number.isInteger(na) && Number.isInteger(nb)) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}
