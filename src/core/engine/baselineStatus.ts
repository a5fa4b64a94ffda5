import type { Baseline } from '../model/projectSchema';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { DayPlan } from './dayPlan';
import type { SchedulingGraph } from './schedulingGraph';
import { instanceName } from './startExplanation';
import { criticalPath, type Timeline } from './timelineModel';

export type BaselineState = 'safe' | 'warning' | 'breached';

export interface BaselineStatus {
  baseline: string;
  project: string;
  status: BaselineState;
  /** The latest predicted finish among the guarded instances ("hh:mm", past 24:00 when the next day). */
  predictedFinish: string | null;
  committed: string;
  margin: number;
  priority: number;
  /** The latest guarded instance and the chain of instances that makes it finish then, by name. */
  instance: string | null;
  criticalPath: { id: string; name: string; at: string }[];
  /** Guarded tasks with no instance that day, or that will not run. */
  notes: string[];
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

function clock(minute: number): string {
  const h = Math.floor(minute / 60);
  return `${String(h).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/**
 * Each baseline of each project on the timeline's day: the guarded instances' predicted finishes
 * (the timeline model: upstream closure and expected minutes), and safe, warning (within the margin
 * of the committed time) or breached (after it), with the critical path of the latest one.
 */
export function baselineStatuses(index: WorkspaceIndex, graph: SchedulingGraph, timeline: Timeline): BaselineStatus[] {
  const plan: DayPlan = timeline.plan;
  const out: BaselineStatus[] = [];
  for (const project of index.projects()) {
    for (const b of project.config.baselines as Baseline[]) {
      const guarded = [...index.tasks()].filter((t) => t.projectDir === project.dir && (b.tasks ? b.tasks.includes(t.data.id) : t.data.tags.includes(b.tag!)));
      const notes: string[] = [];
      let latest: { id: string; end: number } | undefined;
      for (const task of guarded) {
        const instances = plan.byTask.get(task.data.id) ?? [];
        if (!instances.length) notes.push(`${task.data.name} has no instance on ${plan.date}`);
        for (const i of instances) {
          const timing = timeline.timing.get(i.id);
          if (timing?.end === undefined) {
            notes.push(`${task.data.name} ${i.scheduledAt.slice(11)} will not run (${timing?.blocked ?? 'unknown'})`);
            continue;
          }
          if (!latest || timing.end > latest.end) latest = { id: i.id, end: timing.end };
        }
      }
      const committed = minutesOf(b.committed);
      const blocked = notes.some((n) => / will not run /.test(n));
      const status: BaselineState = blocked || (latest && latest.end > committed) ? 'breached' : latest && latest.end > committed - b.margin ? 'warning' : 'safe';
      out.push({
        baseline: b.name,
        project: project.config.project,
        status,
        predictedFinish: latest ? clock(latest.end) : null,
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
  return `${s.baseline} (${s.project}): ${s.status} — predicted ${s.predictedFinish ?? 'nothing'}, committed ${s.committed} (margin ${s.margin} min)${path ? `; critical path ${path}` : ''}${s.notes.length ? `; ${s.notes.join('; ')}` : ''}`;
}

