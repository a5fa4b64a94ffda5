import * as l10n from '@vscode/l10n';
import type { Baseline } from '../model/projectSchema';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { Task } from '../workspace/workspaceModel';
import type { DayPlan } from './dayPlan';
import type { SchedulingGraph } from './schedulingGraph';
import { instanceName } from './startExplanation';
import { criticalPath, timingOf, type Timeline } from './timelineModel';
import { blockedCodeText } from './instanceKindText';
import { baselineStateText } from './baselineStateText';

export type BaselineState = 'safe' | 'warning' | 'breached';

export interface BaselineStatus {
  baseline: string;
  project: string;
  status: BaselineState;
  /** The latest predicted finish among the guarded instances ("hh:mm", past 24:00 when the next day). */
  predictedFinish: string | null;
  /** The same with every task at its 90th-percentile minutes (expectedP90Minutes), when asked for. */
  pessimisticStatus?: BaselineState;
  pessimisticFinish?: string | null;
  committed: string;
  margin: number;
  priority: number;
  /** The latest guarded instance and the chain of instances that makes it finish then, by name. */
  instance: string | null;
  criticalPath: { id: string; name: string; at: string }[];
  /** Guarded tasks with no instance that day, or that will not run. */
  notes: string[];
}

export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

function clock(minute: number): string {
  const h = Math.floor(minute / 60);
  return `${String(h).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** The tasks a baseline guards: its `tasks`, or every task of its project with its `tag`. */
export function guardedTasks(index: WorkspaceIndex, projectDir: string, b: Baseline): Task[] {
  return [...index.tasks()].filter((t) => t.projectDir === projectDir && (b.tasks ? b.tasks.includes(t.data.id) : t.data.tags.includes(b.tag!)));
}

/** safe, warning (within the margin of the committed time) or breached (after it, or never). */
export function finishState(end: number | undefined, b: Baseline): BaselineState {
  const committed = minutesOf(b.committed);
  return end === undefined || end > committed ? 'breached' : end > committed - b.margin ? 'warning' : 'safe';
}

interface Finish {
  latest?: { id: string; end: number };
  notes: string[];
  status: BaselineState;
}

function finishOn(guarded: readonly Task[], timeline: Timeline, b: Baseline): Finish {
  const plan: DayPlan = timeline.plan;
  const notes: string[] = [];
  let latest: Finish['latest'];
  let blocked = false;
  for (const task of guarded) {
    const instances = plan.byTask.get(task.data.id) ?? [];
    if (!instances.length) notes.push(l10n.t('{0} has no instance on {1}', task.data.name, plan.date));
    for (const i of instances) {
      const timing = timingOf(timeline, i);
      if (timing?.end === undefined) {
        blocked = true;
        notes.push(`${task.data.name} ${i.scheduledAt.slice(11)} ${l10n.t('will not run ({0})', timing?.blocked ? blockedCodeText(timing.blocked) : l10n.t('unknown'))}`);
        continue;
      }
      if (!latest || timing.end > latest.end) latest = { id: i.id, end: timing.end };
    }
  }
  const status: BaselineState = blocked ? 'breached' : latest ? finishState(latest.end, b) : 'safe';
  return { ...(latest ? { latest } : {}), notes, status };
}

/**
 * Each baseline of each project on the timeline's day: the guarded instances' predicted finishes
 * (the timeline model: upstream closure and expected minutes), and safe, warning (within the margin
 * of the committed time) or breached (after it), with the critical path of the latest one. With the
 * pessimistic timeline (every task at its 90th-percentile minutes), the same again as the worse case.
 */
export function baselineStatuses(index: WorkspaceIndex, graph: SchedulingGraph, timeline: Timeline, pessimistic?: Timeline): BaselineStatus[] {
  const out: BaselineStatus[] = [];
  for (const project of index.projects()) {
    for (const b of project.config.baselines as Baseline[]) {
      const guarded = guardedTasks(index, project.dir, b);
      const { latest, notes, status } = finishOn(guarded, timeline, b);
      const worse = pessimistic ? finishOn(guarded, pessimistic, b) : undefined;
      out.push({
        baseline: b.name,
        project: project.config.project,
        status,
        predictedFinish: latest ? clock(latest.end) : null,
        ...(worse ? { pessimisticStatus: worse.status, pessimisticFinish: worse.latest ? clock(worse.latest.end) : null } : {}),
        committed: b.committed,
        margin: b.margin,
        priority: b.priority,
        instance: latest?.id ?? null,
        criticalPath: latest ? criticalPath(timeline, latest.id).map((id) => ({ id, ...instanceName(graph, id) })).map(({ task: _t, ...rest }) => rest) : [],
        notes,
      });
    }
  }
  return out;
}

/** One line: "report_0800 (fin): breached — predicted 08:40, committed 08:00; …". */
export function baselineLine(s: BaselineStatus): string {
  const path = s.criticalPath.map((c) => `${c.name} ${c.at.slice(11)}`).join(' → ');
  const nothing = l10n.t('nothing');
  const worse = s.pessimisticStatus ? l10n.t(', at p90 {0} ({1})', s.pessimisticFinish ?? nothing, baselineStateText(s.pessimisticStatus)) : '';
  const line = l10n.t('{0} ({1}): {2} — predicted {3}{4}, committed {5} (margin {6} min)', s.baseline, s.project, baselineStateText(s.status), s.predictedFinish ?? nothing, worse, s.committed, s.margin);
  const sep = l10n.t('; ');
  return `${line}${path ? `${sep}${l10n.t('critical path {0}', path)}` : ''}${s.notes.length ? `${sep}${s.notes.join(sep)}` : ''}`;
}

/** States by their code on the timeline (index + 1): a worse state has a higher code. */
const STATES: readonly BaselineState[] = ['safe', 'warning', 'breached'];

/** A baseline as the timeline draws it: its committed time as a line, in its worst guarded state. */
export interface BaselineDeadline {
  name: string;
  project: string;
  /** Minutes after the day's midnight (past 1440 for a time the next day, as DataWorks allows). */
  minute: number;
  margin: number;
  state: BaselineState;
}

/**
 * What the timeline marks: each baseline's deadline, and each guarded instance's state against the
 * strictest baseline that guards it (1 safe, 2 warning, 3 breached; a blocked one is breached).
 */
export function baselineMarks(index: WorkspaceIndex, timeline: Timeline): { deadlines: BaselineDeadline[]; stateOf: Map<string, number> } {
  const deadlines: BaselineDeadline[] = [];
  const stateOf = new Map<string, number>();
  for (const project of index.projects()) {
    for (const b of project.config.baselines as Baseline[]) {
      let worst = 0;
      for (const task of guardedTasks(index, project.dir, b)) {
        for (const i of timeline.plan.byTask.get(task.data.id) ?? []) {
          const code = STATES.indexOf(finishState(timingOf(timeline, i).end, b)) + 1;
          worst = Math.max(worst, code);
          stateOf.set(i.id, Math.max(stateOf.get(i.id) ?? 0, code));
        }
      }
      const state = STATES[worst - 1] ?? 'safe';
      deadlines.push({ name: b.name, project: project.config.project, minute: minutesOf(b.committed), margin: b.margin, state });
    }
  }
  return { deadlines, stateOf };
}
