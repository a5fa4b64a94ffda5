import { stringify } from 'yaml';
import { planDay, type DayPlan } from '../../src/core/engine/dayPlan';
import { buildSchedulingGraph, type SchedulingGraph } from '../../src/core/engine/schedulingGraph';
import { WorkspaceIndex } from '../../src/core/workspace/workspaceIndex';
import { PROJECT_YAML } from './fixtures';

export interface TaskSpec {
  id: string;
  schedule?: Record<string, unknown>;
  dependencies?: { task: string; cycle?: 'same' | 'previous' | 'last24h'; policy?: string; daysBack?: number }[];
  parameters?: Record<string, string>;
  expectedMinutes?: number;
}

/** An in-memory workspace of one project holding these tasks, prepared for planning. */
export function graphOf(...tasks: TaskSpec[]): SchedulingGraph {
  return graphIn(PROJECT_YAML, tasks);
}

/** The same, in a project of this nightshift.yaml (a Dataphin one, say). */
export function graphIn(projectYaml: string, tasks: readonly TaskSpec[]): SchedulingGraph {
  const index = new WorkspaceIndex();
  index.setFile('/ws/demo/nightshift.yaml', projectYaml);
  for (const t of tasks) {
    index.setFile(`/ws/demo/tasks/t${t.id}.task.yaml`, stringify({ name: `t${t.id}`, type: 'SQL', owner: 'alice', ...t }));
  }
  return buildSchedulingGraph(index);
}

export function plan(graph: SchedulingGraph, date: string): DayPlan {
  return planDay(graph, date);
}

/**
 * The upstream of each instance of a task, written short: an instance of the plan's day as
 * `task@HH:mm`, of another day as `task@YYYY-MM-DDTHH:mm`.
 */
export function upstreamOf(p: DayPlan, task: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const i of p.byTask.get(task) ?? []) out[short(p, i.id)] = i.upstream.map((e) => short(p, e.id));
  return out;
}

export function short(p: DayPlan, id: string): string {
  return id.replace(`@${p.date}T`, '@');
}

export function times(p: DayPlan, task: string): string[] {
  return (p.byTask.get(task) ?? []).map((i) => i.scheduledAt.slice(11));
}

/** `HH:mm` of every `step` minutes from `from` to `to` inclusive. */
export function clockRange(from: string, to: string, step: number): string[] {
  const m = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3));
  const out: string[] = [];
  for (let t = m(from); t <= m(to); t += step) out.push(`${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`);
  return out;
}

export const HOURLY = { cycle: 'hour', start: '00:00', end: '23:59', interval: 1 };
export const EVERY_30_MIN = { cycle: 'minute', start: '00:00', end: '23:59', interval: 30 };
export const SIX_HOURLY = { cycle: 'hour', start: '00:00', end: '23:59', interval: 6 };

/** A small seeded random generator, so a property test's workspaces are the same on every run. */
export function lcg(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}
