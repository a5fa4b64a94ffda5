import * as l10n from '@vscode/l10n';
import { dayNumber } from '../core/time/civilTime';
import { baselineLine, baselineStatuses } from '../core/engine/baselineStatus';
import { planDay } from '../core/engine/dayPlan';
import { buildSchedulingGraph } from '../core/engine/schedulingGraph';
import { buildTimeline } from '../core/engine/timelineModel';
import { todayIn } from '../core/time/wallClock';
import { UsageError } from './usageError';
import { parseWorkspaceArgs } from './workspaceArgs';

/**
 * `nightshift baselines <workspace> [--date D] [--pessimistic] [--json]`: each baseline's predicted
 * finish against its committed time, and its finish with every task at its p90 minutes; exit 1 when
 * one is predicted to breach (with --pessimistic, also when its p90 case does), so CI can stop a
 * change that makes it late.
 */
export function runBaselines(args: string[]): number {
  const { values, load } = parseWorkspaceArgs(args, { date: { type: 'string' }, json: { type: 'boolean' }, pessimistic: { type: 'boolean' } });
  if (values.date !== undefined && Number.isNaN(dayNumber(values.date))) throw new UsageError(l10n.t('--{0} "{1}" is not a date (YYYY-MM-DD)', 'date', values.date));
  const index = load();
  const graph = buildSchedulingGraph(index);
  const date = values.date ?? todayIn(index.projects()[0]?.config.timezone ?? 'UTC');
  const plan = planDay(graph, date, { params: false });
  const statuses = baselineStatuses(index, graph, buildTimeline(graph, plan), buildTimeline(graph, plan, { pessimistic: true }));
  if (values.json) {
    process.stdout.write(`${JSON.stringify(statuses.map((s) => ({ baseline: s.baseline, status: s.status, predictedFinish: s.predictedFinish, pessimisticStatus: s.pessimisticStatus, pessimisticFinish: s.pessimisticFinish, committed: s.committed, criticalPath: s.criticalPath, project: s.project, margin: s.margin, priority: s.priority, notes: s.notes })))}\n`);
  } else {
    process.stdout.write(statuses.length ? `${statuses.map(baselineLine).join('\n')}\n` : `${l10n.t('No baselines are declared (baselines: in nightshift.yaml).')}\n`);
  }
  // --pessimistic: CI stops a change whose p90 case breaches too.
  return statuses.some((s) => s.status === 'breached' || (values.pessimistic && s.pessimisticStatus === 'breached')) ? 1 : 0;
}
