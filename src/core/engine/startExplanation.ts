import * as l10n from '@vscode/l10n';
import { clockOfMinute, MINUTES_PER_DAY } from '../time/civilTime';
import type { SchedulingGraph } from './schedulingGraph';
import { instanceById } from './dayPlan';
import { criticalPath, type Timeline } from './timelineModel';

/** `<taskId>@<YYYY-MM-DDTHH:mm>` as a person reads it: the task's name and the scheduled time. */
export function instanceName(graph: SchedulingGraph, id: string): { task: string; name: string; at: string } {
  const at = id.lastIndexOf('@');
  const task = at < 0 ? id : id.slice(0, at);
  return { task, name: graph.tasks.get(task)?.name ?? task, at: at < 0 ? '' : id.slice(at + 1) };
}

/** Minutes after the plan day's midnight as a clock time, marked when on the day before or after. */
export function minuteText(minute: number): string {
  const day = Math.floor(minute / MINUTES_PER_DAY);
  const clock = clockOfMinute(((minute % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY);
  return day === 0 ? clock : `${clock} (${l10n.t('{0}d', `${day > 0 ? '+' : ''}${day}`)})`;
}

/**
 * Why an instance starts when it does, in one sentence that follows the critical path by name:
 * "starts at 06:10, not at its scheduled 05:00: it waits for dws_x (05:30), which ends at 06:10;
 * dws_x waits for ods_y …". Names, times, and the reason an instance will not run at all.
 */
export function startExplanation(graph: SchedulingGraph, timeline: Timeline, id: string): string {
  const plan = timeline.plan;
  const instance = instanceById(plan, id);
  const timing = timeline.timing.get(id);
  if (!instance || !timing) return '';
  const self = instance.task.name;
  const why = instance.why ? ` (${instance.why})` : '';
  if (timing.blocked === 'paused') return l10n.t('{0} is paused on this day{1}: the instance is generated but does not run, and holds back its downstream instances.', self, why);
  if (instance.why) return l10n.t('{0} runs as a dry-run on this day ({1}): it succeeds at once without running its code.', self, instance.why);
  if (timing.blocked === 'dependency-cycle') return l10n.t('{0} is in a dependency cycle: none of the cycle\'s instances can start.', self);
  if (timing.blocked === 'upstream-paused') {
    const up = timing.waitsFor ? instanceName(graph, timing.waitsFor) : undefined;
    return l10n.t('{0} will not run: it waits for {1}, which is paused or held back by a paused instance.', self, up ? `${up.name} (${up.at.slice(11)})` : l10n.t('an upstream instance'));
  }
  const scheduled = minuteText(instance.minute);
  if (!timing.waitsFor) return instance.upstream.length ? l10n.t('{0} starts at its scheduled time, {1}: every upstream instance ends by then.', self, scheduled) : l10n.t('{0} starts at its scheduled time, {1}: every upstream instance ends by then (it has none).', self, scheduled);
  const path = criticalPath(timeline, id);
  const steps: string[] = [];
  // From the instance back along its critical path: each waits for the one before it.
  for (let i = path.length - 1; i > 0; i--) {
    const here = instanceName(graph, path[i]!);
    const up = instanceName(graph, path[i - 1]!);
    const upTiming = timeline.timing.get(path[i - 1]!);
    const end = upTiming?.end !== undefined ? minuteText(upTiming.end) : l10n.t('on time');
    steps.push(l10n.t('{0} waits for {1} (scheduled {2}), which ends at {3}', i === path.length - 1 ? l10n.t('it') : here.name, up.name, up.at.slice(11), end));
  }
  const first = instanceName(graph, path[0]!);
  const firstTiming = timeline.timing.get(path[0]!);
  if (firstTiming?.waitsFor === undefined) steps.push(l10n.t('{0} starts at its scheduled time', first.name));
  return l10n.t('{0} starts at {1}, not at its scheduled {2}: {3}.', self, minuteText(timing.start!), scheduled, steps.join(l10n.t('; ')));
}
