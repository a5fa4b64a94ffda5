import { dateOfDay, dayNumber } from '../time/civilTime';
import { planDay } from './dayPlan';
import type { SchedulingGraph } from './schedulingGraph';
import { instanceName, minuteText, startExplanation } from './startExplanation';
import { taskClosure } from './taskClosure';
import type { InstanceKind } from './taskCalendar';
import { buildTimeline, timingOf } from './timelineModel';

/** One instance as O&M lists it: what a person asks of it, by name. */
export interface OpsInstance {
  id: string;
  scheduledAt: string;
  kind: InstanceKind;
  /** Predicted start and end (clock times, marked when on another day), or why it will not run. */
  start?: string;
  end?: string;
  blocked?: string;
  /** Its upstream instances, by task name and scheduled time. */
  waitsFor: { id: string; name: string; at: string; crossCycle: boolean }[];
  params: Record<string, string>;
  /** Why it starts when it does. */
  explanation: string;
}

export interface OpsDay {
  /** Scheduled date and its business date. */
  date: string;
  bizdate: string;
  instances: OpsInstance[];
}

/** At most this many days in one O&M view: each is a plan of the task's upstream closure. */
export const MAX_OPS_DAYS = 62;

/**
 * A task's instances over scheduled dates `from`..`to`, the console's O&M list: each day planned for
 * the task and everything upstream of it (what decides its start), with the predicted timing,
 * what each instance waits for and its parameters resolved.
 */
export function taskInstances(graph: SchedulingGraph, taskId: string, from: string, to: string): OpsDay[] {
  const task = graph.tasks.get(taskId);
  if (!task) {
    const excluded = graph.excluded.find((e) => e.task === taskId);
    throw new Error(excluded ? `the task has no scheduled instances: ${excluded.reason}` : `no task has the id "${taskId}"`);
  }
  const first = dayNumber(from);
  const last = dayNumber(to);
  if (Number.isNaN(first) || Number.isNaN(last)) throw new Error(`"${Number.isNaN(first) ? from : to}" is not a date (YYYY-MM-DD)`);
  if (last < first) throw new Error(`the range ends (${to}) before it starts (${from})`);
  if (last - first >= MAX_OPS_DAYS) throw new Error(`O&M shows at most ${MAX_OPS_DAYS} days at once`);
  const upstream = taskClosure(graph, [taskId], { upstream: true }).ids;
  const days: OpsDay[] = [];
  for (let day = first; day <= last; day++) {
    const plan = planDay(graph, dateOfDay(day), { tasks: upstream });
    const timeline = buildTimeline(graph, plan);
    const instances = (plan.byTask.get(taskId) ?? []).map((instance): OpsInstance => {
      const timing = timingOf(timeline, instance);
      return {
        id: instance.id,
        scheduledAt: instance.scheduledAt,
        kind: instance.kind,
        ...(timing?.start !== undefined ? { start: minuteText(timing.start), end: minuteText(timing.end!) } : {}),
        ...(timing?.blocked ? { blocked: timing.blocked } : {}),
        waitsFor: instance.upstream.map((e) => ({ id: e.id, ...instanceName(graph, e.id), crossCycle: e.crossCycle })).map(({ task: _task, ...rest }) => rest),
        params: instance.params,
        explanation: startExplanation(graph, timeline, instance.id),
      };
    });
    days.push({ date: plan.date, bizdate: plan.bizdate, instances });
  }
  return days;
}
