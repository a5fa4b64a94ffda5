import { planDay } from './dayPlan';
import { linkOf, type SchedulingGraph } from './schedulingGraph';
import type { DependencyPolicy } from '../model/taskSchema';

export interface PreviewRow {
  /** The downstream instance's scheduled time, and the upstream instances it would wait for. */
  at: string;
  upstream: string[];
}

/**
 * Dataphin's 节点依赖周期预览 for one dependency not yet written: each instance of `downId` on `date`
 * with the instances of the upstream it would wait for under `setting` (the other dependencies left
 * out), by the task's project's rules. Undefined when either task has no schedule.
 */
export function dependencyPreview(
  graph: SchedulingGraph,
  downId: string,
  setting: { task: string; cycle: 'same' | 'previous' | 'last24h'; policy?: DependencyPolicy; daysBack?: number },
  dataphin: boolean,
  date: string,
): PreviewRow[] | undefined {
  const down = graph.tasks.get(downId);
  const up = graph.tasks.get(setting.task);
  if (!down || !up || down === up) return undefined;
  const alone: SchedulingGraph = {
    tasks: new Map([
      [down.id, { ...down, selfDependent: false, links: [linkOf(setting, dataphin)] }],
      [up.id, up],
    ]),
    excluded: [],
    dependents: new Map(),
    parameterProblems: [],
  };
  const plan = planDay(alone, date, { tasks: new Set([down.id]), params: false });
  return (plan.byTask.get(down.id) ?? []).map((i) => ({ at: i.scheduledAt, upstream: i.upstream.filter((e) => e.task === up.id).map((e) => e.id.slice(e.id.indexOf('@') + 1)) }));
}
