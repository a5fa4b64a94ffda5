import { dateOfDay, dayNumber, DAY_MS, MINUTE_MS, MINUTES_PER_DAY, stampOf } from '../time/civilTime';
import { previousCycleEdges, sameCycleEdges, selfEdges, type Emit, type RuleSide } from './dependencyRules';
import { dataphinEdges, type DayEmit } from './dataphinRules';
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
  /** The upstream instance's position in the plan's `instances`; -1 outside the plan (another day, a task left out). */
  at: number;
}

export interface PlannedInstance {
  id: string;
  task: ScheduledTask;
  /** Wall-clock minutes after midnight of the plan day. */
  minute: number;
  scheduledAt: string;
  kind: InstanceKind;
  /** Why it is of that kind, when conditional scheduling made it so. */
  why?: string;
  upstream: UpstreamEdge[];
  params: Record<string, string>;
  /** Its index in the plan's `instances`: the timeline finds instances by it, not by id. */
  position: number;
}

export interface DayPlan {
  /** Scheduled date, YYYY-MM-DD. */
  date: string;
  /** Business date: the scheduled date minus one day. */
  bizdate: string;
  day: number;
  /** Ordered by scheduled time, then task id. */
  instances: PlannedInstance[];
  /** Built on first use: a million ids hashed into a map cost about a second (`instanceById` finds one without it). */
  readonly byId: ReadonlyMap<string, PlannedInstance>;
  byTask: ReadonlyMap<string, readonly PlannedInstance[]>;
}

export interface PlanOptions {
  /** Only these tasks get instances (edges still name any upstream instance). */
  tasks?: ReadonlySet<string>;
  /** Resolve every instance's parameters (default); the timeline resolves them one instance at a time. */
  params?: boolean;
}

const NONE: readonly number[] = [];
/**
 * What an instance without parameters or upstream instances holds: one shared, frozen object and
 * array instead of one each (a 100,000-task day has a million instances). Planning replaces them.
 */
const NO_PARAMS: Record<string, string> = Object.freeze({}) as Record<string, string>;
const NO_EDGES = Object.freeze([]) as unknown as UpstreamEdge[];

/** Every instance the scheduler would generate on `date`, with its upstream instances and parameters. */
export function planDay(graph: SchedulingGraph, date: string, options: PlanOptions = {}): DayPlan {
  const day = dayNumber(date);
  if (Number.isNaN(day)) throw new Error(`"${date}" is not a date (YYYY-MM-DD)`);
  // Asked for every edge and rule side: worked out once per task and day (keyed by the task object,
  // which hashes faster than any string made from it).
  const minuteCache = new Map<number, Map<ScheduledTask, readonly number[]>>();
  const minutesOn = (task: ScheduledTask, d: number): readonly number[] => {
    let cache = minuteCache.get(d);
    if (!cache) minuteCache.set(d, (cache = new Map()));
    let minutes = cache.get(task);
    if (!minutes) cache.set(task, (minutes = task.calendar.kindOn(d) === undefined ? NONE : task.calendar.minutesOn(d)));
    return minutes;
  };
  // A day has at most 1440 distinct times: format each once.
  const stamps = new Map<number, string[]>();
  const stamp = (offset: number, m: number) => {
    let list = stamps.get(offset);
    if (!list) stamps.set(offset, (list = new Array<string>(MINUTES_PER_DAY)));
    return (list[m] ??= stampOf(day + offset, m));
  };
  // Days back from the plan day: 0 and -1 for DataWorks; Dataphin's "N days back" reaches further.
  const idCache = new Map<number, Map<ScheduledTask, string[]>>();
  const idsOn = (task: ScheduledTask, offset: number): string[] => {
    let cache = idCache.get(offset);
    if (!cache) idCache.set(offset, (cache = new Map()));
    let ids = cache.get(task);
    if (!ids) {
      ids = minutesOn(task, day + offset).map((m) => `${task.id}@${stamp(offset, m)}`);
      cache.set(task, ids);
    }
    return ids;
  };
  // Many downstream instances name the same upstream instance: share one edge object for it. Keyed by
  // day offset and kind, then by the upstream task object (a million edges at 100,000 tasks).
  const edgeCache = new Map<number, Map<ScheduledTask, UpstreamEdge[]>>();
  // The day's instances by task: every one is planned (and placed) before the first edge names it.
  const byTask = new Map<string, PlannedInstance[]>();
  const edgeOf = (up: ScheduledTask, offset: number, j: number, crossCycle: boolean): UpstreamEdge => {
    const slot = offset * 2 + (crossCycle ? 1 : 0);
    let byUp = edgeCache.get(slot);
    if (!byUp) edgeCache.set(slot, (byUp = new Map()));
    let edges = byUp.get(up);
    if (!edges) byUp.set(up, (edges = []));
    let edge = edges[j];
    if (!edge) {
      const at = offset === 0 ? (byTask.get(up.id)?.[j]?.position ?? -1) : -1;
      edge = edges[j] = { id: idsOn(up, offset)[j]!, task: up.id, minute: minutesOn(up, day + offset)[j]! + offset * MINUTES_PER_DAY, crossCycle, at };
    }
    return edge;
  };
  const side = (task: ScheduledTask): RuleSide => ({
    minutes: minutesOn(task, day),
    multi: task.calendar.multi,
    cycle: task.calendar.cycle,
    selfDependent: task.selfDependent,
  });

  // Instances come out ordered by time then task id: tasks in id order, bucketed by minute.
  const buckets: PlannedInstance[][] = Array.from({ length: MINUTES_PER_DAY }, () => []);
  for (const task of tasksInIdOrder(graph)) {
    if (options.tasks && !options.tasks.has(task.id)) continue;
    const kind = task.calendar.kindOn(day);
    if (kind === undefined) continue;
    const ids = idsOn(task, 0);
    const why = task.calendar.whyOn(day);
    const own = minutesOn(task, day).map((minute, k): PlannedInstance => ({
      id: ids[k]!,
      task,
      minute,
      // The day's stamps are shared: a slice of each id would be a string per instance.
      scheduledAt: stamp(0, minute),
      kind,
      ...(why ? { why } : {}),
      upstream: NO_EDGES,
      params: NO_PARAMS,
      position: -1,
    }));
    byTask.set(task.id, own);
    for (const instance of own) buckets[instance.minute]!.push(instance);
  }
  // By hand: Array.prototype.flat over 1440 buckets of a million instances took half a second.
  const instances: PlannedInstance[] = [];
  for (const bucket of buckets) {
    for (const instance of bucket) {
      instance.position = instances.length;
      instances.push(instance);
    }
  }
  // Per plan position, the last instance whose edges named it: finds an instance's duplicate edges in one pass.
  const namedBy = new Int32Array(instances.length).fill(-1);

  const values = new Map<string, string>();
  for (const [taskId, own] of byTask) {
    const task = graph.tasks.get(taskId)!;
    const down = side(task);
    const edgesOf = (k: number): UpstreamEdge[] => {
      const instance = own[k]!;
      return instance.upstream === NO_EDGES ? (instance.upstream = []) : instance.upstream;
    };
    const edgeTo = (up: ScheduledTask, crossCycle: boolean): Emit => (k, upDay, j) => {
      edgesOf(k).push(edgeOf(up, upDay, j, crossCycle));
    };
    // Dataphin: an edge to an earlier day is drawn as cross-cycle, one into the same day is not.
    const dayEdgeTo = (up: ScheduledTask): DayEmit => (k, upDay, j) => {
      edgesOf(k).push(edgeOf(up, upDay, j, upDay < 0));
    };
    if (task.selfDependent) selfEdges(own.length, minutesOn(task, day - 1).length, edgeTo(task, true));
    for (const link of task.links) {
      const up = graph.tasks.get(link.task);
      if (!up) continue;
      if (link.dataphin) dataphinEdges(down, side(up), link.dataphin, (offset) => minutesOn(up, day + offset), dayEdgeTo(up));
      else if (link.previous) previousCycleEdges(down, side(up), minutesOn(up, day - 1), edgeTo(up, true));
      else sameCycleEdges(down, side(up), edgeTo(up, false));
    }
    if (task.links.length + (task.selfDependent ? 1 : 0) > 1) for (const instance of own) dedupe(instance, namedBy);
    if (task.parameters.length && options.params !== false) for (const instance of own) instance.params = instanceParams(instance, day, values);
  }

  let byId: Map<string, PlannedInstance> | undefined;
  return {
    date: dateOfDay(day),
    bizdate: dateOfDay(day - 1),
    day,
    instances,
    get byId() {
      if (!byId) {
        byId = new Map();
        for (const instance of instances) byId.set(instance.id, instance);
      }
      return byId;
    },
    byTask,
  };
}

/** The plan's instance of an id, found among its task's instances: no map of a million ids is needed. */
export function instanceById(plan: DayPlan, id: string): PlannedInstance | undefined {
  const at = id.lastIndexOf('@');
  const own = at > 0 ? plan.byTask.get(id.slice(0, at)) : undefined;
  if (own) for (const instance of own) if (instance.id === id) return instance;
  return undefined;
}

/**
 * An instance's parameters as resolved at its scheduled time (`day`: the plan's day number).
 * `values`: one string per distinct value across the plan. A day's million values are mostly the same
 * few dates and hours, and each computed copy would be kept otherwise.
 */
export function instanceParams(instance: PlannedInstance, day: number, values?: Map<string, string>): Record<string, string> {
  const params: Record<string, string> = {};
  const context = { cycMs: day * DAY_MS + instance.minute * MINUTE_MS, zone: instance.task.zone, taskId: instance.task.id, instanceId: instance.id };
  for (const p of instance.task.parameters) {
    const value = p.evaluate(context);
    if (!values) params[p.name] = value;
    else {
      const shared = values.get(value);
      if (shared === undefined) values.set(value, value);
      params[p.name] = shared ?? value;
    }
  }
  return params;
}

const orderCache = new WeakMap<SchedulingGraph, ScheduledTask[]>();

function tasksInIdOrder(graph: SchedulingGraph): ScheduledTask[] {
  let order = orderCache.get(graph);
  if (!order) orderCache.set(graph, (order = [...graph.tasks.values()].sort((a, b) => compareIds(a.id, b.id))));
  return order;
}

/** An instance's upstream instances each once (two links can name the same one): the first edge is kept. */
function dedupe(instance: PlannedInstance, namedBy: Int32Array): void {
  const upstream = instance.upstream;
  if (upstream.length < 2) return;
  let kept = 0;
  for (let k = 0; k < upstream.length; k++) {
    const edge = upstream[k]!;
    let seen = false;
    if (edge.at >= 0) {
      // Same-day upstream instances by position; an instance can have hundreds of them.
      seen = namedBy[edge.at] === instance.position;
      namedBy[edge.at] = instance.position;
    } else {
      // Instances of other days are few: compared with those kept.
      for (let m = 0; m < kept && !seen; m++) seen = upstream[m]!.at < 0 && upstream[m]!.id === edge.id;
    }
    if (!seen) upstream[kept++] = edge;
  }
  upstream.length = kept;
}

/** Numeric ids in numeric order, others after them in text order. */
export function compareIds(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (Number.isInteger(na) && Number.isInteger(nb)) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}
