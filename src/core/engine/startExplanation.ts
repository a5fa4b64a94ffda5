import { clockOfMinute, MINUTES_PER_DAY } from '../time/civilTime';
import type { SchedulingGraph } from './schedulingGraph';
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
  return day === 0 ? clock : `${clock} (${day > 0 ? '+' : ''}${day}d)`;
}

/**
 * Why an instance starts when it does, in one sentence that follows the critical path by name:
 * "starts at 06:10, not at its scheduled 05:00: it waits for dws_x (05:30), which ends at 06:10;
 * dws_x waits for ods_y …". Names, times, and the reason an instance will not run at all.
 */
export function startExplanation(graph: SchedulingGraph, timeline: Timeline, id: string): string {
  const plan = timeline.plan;
  const instance = plan.byId.get(id);
  const timing = timeline.timing.get(id);
  if (!instance || !timing) return '';
  const self = instance.task.name;
  const why = instance.why ? ` (${instance.why})` : '';
  if (timing.blocked === 'paused') return `${self} is paused on this day${why}: the instance is generated but does not run, and holds back its downstream instances.`;
  if (instance.why) return `${self} runs as a dry-run on this day (${instance.why}): it succeeds at once without running its code.`;
  if (timing.blocked === 'dependency-cycle') return `${self} is in a dependency cycle: none of the cycle's instances can start.`;
  if (timing.blocked === 'upstream-paused') {
    const up = timing.waitsFor ? instanceName(graph, timing.waitsFor) : undefined;
    return `${self} will not run: it waits for ${up ? `${up.name} (${up.at.slice(11)})` : 'an upstream instance'}, which is paused or held back by a paused instance.`;
  }
  const scheduled = minuteText(instance.minute);
  if (!timing.waitsFor) return `${self} starts at its scheduled time, ${scheduled}: every upstream instance ends by then${instance.upstream.length ? '' : ' (it has none)'}.`;
  const path = criticalPath(timeline, id);
  const steps: string[] = [];
  // From the instance back along its critical path: each waits for the one before it.
  for (let i = path.length - 1; i > 0; i--) {
    const here = instanceName(graph, path[i]!);
    const up = instanceName(graph, path[i - 1]!);
    const upTiming = timeline.timing.get(path[i - 1]!);
    const end = upTiming?.end !== undefined ? minuteText(upTiming.end) : 'on time';
    steps.push(`${i === path.length - 1 ? 'it' : here.name} waits for ${up.name} (scheduled ${up.at.slice(11)}), which ends at ${end}`);
  }
  const first = instanceName(graph, path[0]!);
  const firstTiming = timeline.timing.get(path[0]!);
  const origin = firstTiming?.waitsFor === undefined ? `; ${first.name} starts at its scheduled time` : '';
  return `${self} starts at ${minuteText(timing.start!)}, not at its scheduled ${scheduled}: ${steps.join('; ')}${origin}.`;
}
