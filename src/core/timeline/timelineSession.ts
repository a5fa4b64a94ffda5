import * as l10n from '@vscode/l10n';
import { criticalPath, buildTimeline, timingOf, type Timeline } from '../engine/timelineModel';
import { instanceById, instanceParams, planDay } from '../engine/dayPlan';
import { buildSchedulingGraph, type SchedulingGraph } from '../engine/schedulingGraph';
import { startExplanation, instanceName } from '../engine/startExplanation';
import { taskClosure } from '../engine/taskClosure';
import type { InstanceDetail, TimelineRequest } from './timelineRequest';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { layoutTimeline, type TimelineLayout } from './timelineLayout';
import { TimelineChunks } from './timelineChunks';
import { dayNumber, stampOf } from '../time/civilTime';

/** Tasks a focus shows at most; what lies beyond is named, not drawn. */
export const FOCUS_CAP = 2000;
const KEPT_DAYS = 3;
/** Layouts kept by request: the one on screen and the one prepared ahead of the next request. */
const KEPT_LAYOUTS = 2;

export interface TimelineViewData {
  layout: TimelineLayout;
  focusNote: string;
  engineMs: number;
}

interface Laid {
  layout: TimelineLayout;
  timeline: Timeline;
  focusNote: string;
  chunks?: TimelineChunks;
}

/**
 * The timeline behind one panel: the scheduling graph built once per index change, a few days'
 * timings kept, and the last layout, which instance details refer to by index.
 */
export class TimelineSession {
  private graph?: SchedulingGraph;
  private readonly days = new Map<string, Timeline>();
  private readonly layouts = new Map<string, Laid>();
  private current?: Laid;

  constructor(private readonly index: () => WorkspaceIndex) {}

  invalidate(): void {
    this.graph = undefined;
    this.days.clear();
    this.layouts.clear();
    this.current = undefined;
  }

  /**
   * Plans and lays out a day ahead of its request (the panel's default: the whole day by folder), so
   * opening the timeline only draws. It leaves the layout on screen as it is: details refer to it.
   */
  warm(date: string): void {
    this.laidOut({ date, grouping: 'folder' });
  }

  view(request: TimelineRequest): TimelineViewData {
    const started = performance.now();
    const laid = this.laidOut(request);
    this.current = laid;
    return { layout: laid.layout, focusNote: laid.focusNote, engineMs: performance.now() - started };
  }

  /** The chunks of the layout last viewed. */
  chunks(): TimelineChunks | undefined {
    const current = this.current;
    return current ? (current.chunks ??= new TimelineChunks(current.layout)) : undefined;
  }

  /** The index in the layout last viewed of a task's instance at a scheduled stamp (`YYYY-MM-DDTHH:mm`), or -1. */
  instanceAt(task: string, at: string): number {
    const layout = this.current?.layout;
    const lane = layout ? layout.laneTask.indexOf(task) : -1;
    if (!layout || lane < 0) return -1;
    const day = dayNumber(layout.date);
    for (let i = layout.laneFirst[lane]!; i < layout.laneFirst[lane + 1]!; i++) if (stampOf(day, layout.scheduled[i]!) === at) return i;
    return -1;
  }

  private laidOut(request: TimelineRequest): Laid {
    const key = JSON.stringify([request.date, request.grouping, request.focus ?? null]);
    const kept = this.layouts.get(key);
    if (kept) return kept;
    const timeline = this.timelineOn(request.date);
    const graph = this.graph!;
    let tasks: Set<string> | undefined;
    let focusNote = '';
    if (request.focus) {
      const { depth, direction } = request.focus;
      const task = this.resolveTask(graph, request.focus.task);
      const closure = taskClosure(graph, [task], {
        upstream: direction !== 'downstream',
        downstream: direction !== 'upstream',
        depth,
        cap: FOCUS_CAP,
      });
      tasks = closure.ids;
      const name = graph.tasks.get(task)?.name ?? task;
      const count = closure.ids.size === 1 ? l10n.t('1 task') : l10n.t('{0} tasks', closure.ids.size);
      const levels = depth === 1 ? l10n.t('1 level') : l10n.t('{0} levels', depth);
      const within = { both: l10n.t('{0} within {1} up and down', count, levels), upstream: l10n.t('{0} within {1} upstream', count, levels), downstream: l10n.t('{0} within {1} downstream', count, levels) }[direction];
      const parts = [`${name}: ${within}`];
      if (closure.beyondDepth) parts.push(l10n.t('{0} more beyond that depth', closure.beyondDepth));
      if (closure.cut) parts.push(l10n.t('{0} cut by the cap of {1}', closure.cut, FOCUS_CAP));
      focusNote = graph.tasks.has(task) ? parts.join(l10n.t('; ')) : this.unscheduledNote(request.focus.task, task);
    }
    const layout = layoutTimeline(this.index(), graph, timeline, { grouping: request.grouping, ...(tasks ? { tasks } : {}) });
    const laid: Laid = { layout, timeline, focusNote };
    this.layouts.set(key, laid);
    if (this.layouts.size > KEPT_LAYOUTS) this.layouts.delete(this.layouts.keys().next().value!);
    return laid;
  }

  /** The instance at `index` of the last layout, its parameters resolved now. */
  detail(index: number): InstanceDetail | undefined {
    const current = this.current;
    if (!current || !Number.isInteger(index) || index < 0 || index >= current.layout.planAt.length) return undefined;
    const { layout, timeline } = current;
    const instance = timeline.plan.instances[layout.planAt[index]!]!;
    const id = instance.id;
    const timing = timingOf(timeline, instance);
    const graph = this.graph!;
    // Drawn index of a plan position, when drawn.
    const drawn = (p: number | undefined) => (p === undefined || p < 0 ? -1 : layout.drawnAt[p]!);
    const at = (x: string, p = instanceById(timeline.plan, x)?.position) => {
      const i = drawn(p);
      const { name, at: scheduledAt } = instanceName(graph, x);
      return { ...(i < 0 ? {} : { index: i }), name, at: scheduledAt };
    };
    // Downstream from the whole day, not the drawing: a focus on the upstream side draws none of them.
    const downstream: InstanceDetail['downstream'] = [];
    for (const other of timeline.plan.instances) {
      for (const e of other.upstream) if (e.at === instance.position) downstream.push({ ...at(other.id, other.position), id: other.id, crossCycle: e.crossCycle });
    }
    return {
      index,
      id,
      task: instance.task.id,
      name: instance.task.name,
      scheduledAt: instance.scheduledAt,
      kind: instance.kind,
      ...(timing?.start !== undefined ? { start: timing.start, end: timing.end! } : {}),
      ...(timing?.blocked ? { blocked: timing.blocked } : {}),
      params: instanceParams(instance, timeline.plan.day),
      upstream: instance.upstream.map((e) => ({ ...at(e.id, e.at), id: e.id, crossCycle: e.crossCycle })),
      downstream,
      criticalPath: criticalPath(timeline, id).map((x) => ({ ...at(x), id: x })),
      explanation: startExplanation(graph, timeline, id),
    };
  }

  /** Why a focus shows nothing: no such task, or a task with no scheduled instances. */
  private unscheduledNote(text: string, task: string): string {
    const known = this.index().task(task) ?? [...this.index().tasks()].find((t) => t.data.name === text);
    if (!known) return l10n.t('no task is named or has the id "{0}"', text);
    const excluded = this.graph!.excluded.find((x) => x.task === known.data.id);
    if (excluded) return l10n.t('{0} has no scheduled instances: {1}', known.data.name, excluded.reason);
    if (known.data.schedule.method === 'one-time') return l10n.t('{0} has no scheduled instances: it is a one-time task', known.data.name);
    return l10n.t('{0} has no scheduled instances', known.data.name);
  }

  /** A focus names a task by id or, failing that, by name. */
  private resolveTask(graph: SchedulingGraph, text: string): string {
    if (graph.tasks.has(text)) return text;
    for (const task of graph.tasks.values()) if (task.name === text) return task.id;
    return text;
  }

  private timelineOn(date: string): Timeline {
    const graph = (this.graph ??= buildSchedulingGraph(this.index()));
    let timeline = this.days.get(date);
    if (!timeline) {
      timeline = buildTimeline(graph, planDay(graph, date, { params: false }));
      this.days.set(date, timeline);
      if (this.days.size > KEPT_DAYS) this.days.delete(this.days.keys().next().value!);
    }
    return timeline;
  }
}
