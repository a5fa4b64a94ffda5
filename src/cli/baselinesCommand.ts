import { dayNumber } from '../core/engine/civilTime';
import { baselineLine, baselineStatuses } from '../core/engine/baselineStatus';
import { planDay } from '../core/engine/dayPlan';
import { buildSchedulingGraph } from '../core/engine/schedulingGraph';
import { buildTimeline } from '../core/engine/timelineModel';
import { todayIn } from '../core/engine/wallClock';
import { UsageError } from './usageError';
import { parseWorkspaceArgs } from './workspaceArgs';

/**
 * `nightshift baselines <workspace> [--date D] [--json]`: each baseline's predicted finish against its
 * committed time; exit 1 when one is predicted to breach, so CI can stop a change that makes it late.
 */
export function runBaselines(args: string[]): number {
  const { values, load } = parseWorkspaceArgs(args, { date: { type: 'string' }, json: { type: 'boolean' } });
  if (values.date !== undefined && Number.isNaN(dayNumber(values.date))) throw new UsageError(`--date "${values.date}" is not a date (YYYY-MM-DD)`);
  const index = load();
  const graph = buildSchedulingGraph(index);
  const date = values.date ?? todayIn(index.projects()[0]?.config.timezone ?? 'UTC');
  const statuses = baselineStatuses(index, graph, buildTimeline(graph, planDay(graph, date, { params: false })));
  if (values.json) {
    process.stdout.write(`${JSON.stringify(statuses.map((s) => ({ baseline: s.baseline, status: s.status, predictedFinish: s.predictedFinish, committed: s.committed, criticalPath: s.criticalPath, project: s.project, margin: s.margin, priority: s.priority, notes: s.notes })))}\n`);
  } else {
    process.stdout.write(statuses.length ? `${statuses.map(baselineLine).join('\n')}\n` : 'No baselines are declared (baselines: in nightshift.yaml).\n');
  }
  return statuses.some((s) => s.status === 'breached') ? 1 : 0;
}
