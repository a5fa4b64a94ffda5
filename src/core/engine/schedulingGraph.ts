import * as l10n from '@vscode/l10n';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { compileParameter, type CompiledParameter } from '../model/parameterExpression';
import { DEFAULT_EXPECTED_MINUTES, type DependencyPolicy } from '../model/taskSchema';
import type { DataphinLink } from './dataphinRules';
import { taskCalendar, type TaskCalendar } from './taskCalendar';

export interface UpstreamLink {
  task: string;
  /** On the upstream's previous cycle (a `cycle: previous` dependency, or crossCycle children / ids). */
  previous: boolean;
  /** In a Dataphin project: the dependency's window and policy, resolved by Dataphin's rules. */
  dataphin?: DataphinLink;
}

/** A task as the engine sees it: its calendar, its upstream links and its compiled parameters. */
export interface ScheduledTask {
  id: string;
  name: string;
  file: string;
  projectDir?: string;
  /** IANA zone of the project's wall clock. */
  zone: string;
  calendar: TaskCalendar;
  selfDependent: boolean;
  links: UpstreamLink[];
  parameters: { name: string; evaluate: CompiledParameter }[];
  expectedMinutes: number;
  /** The 90th percentile of its observed runs (the expected minutes when none were imported). */
  p90Minutes: number;
}

export interface ExcludedTask {
  task: string;
  file: string;
  reason: string;
}

/** The workspace's tasks prepared once for planning any number of days. */
export interface SchedulingGraph {
  tasks: ReadonlyMap<string, ScheduledTask>;
  /** Tasks with no scheduled instances (one-time) or that cannot be scheduled, with why. */
  excluded: readonly ExcludedTask[];
  /** Direct downstream task ids of each task (through any link). */
  dependents: ReadonlyMap<string, readonly string[]>;
  /** Parameters left out of every instance because their expression is invalid. */
  parameterProblems: readonly { task: string; file: string; name: string; error: string }[];
}

/** A dependency as the engine follows it, by the project's scheduler. */
export function linkOf(d: { task: string; cycle: 'same' | 'previous' | 'last24h'; policy?: DependencyPolicy; daysBack?: number }, dataphin: boolean): UpstreamLink {
  return {
    task: d.task,
    previous: d.cycle !== 'same',
    ...(dataphin ? { dataphin: { window: d.cycle, ...(d.daysBack !== undefined ? { daysBack: d.daysBack } : {}), ...(d.policy ? { policy: d.policy } : {}) } } : {}),
  };
}

export function buildSchedulingGraph(index: WorkspaceIndex): SchedulingGraph {
  const tasks = new Map<string, ScheduledTask>();
  const excluded: ExcludedTask[] = [];
  const parameterProblems: { task: string; file: string; name: string; error: string }[] = [];
  const compiled = new Map<string, ReturnType<typeof compileParameter>>();
  const sameCycleDownstream = new Map<string, string[]>();
  const onChildren: ScheduledTask[] = [];

  for (const task of index.tasks()) {
    const data = task.data;
    if (index.task(data.id) !== task) {
      excluded.push({ task: data.id, file: task.file, reason: l10n.t('duplicate id: {0} has it too', index.task(data.id)!.file) });
      continue;
    }
    const project = task.projectDir ? index.project(task.projectDir) : undefined;
    const dataphin = project?.config.scheduler === 'dataphin';
    const calendar = taskCalendar(data.schedule, project?.config.timezone ?? 'UTC', dataphin ? { calendars: project!.config.calendars } : undefined);
    if (!calendar.ok) {
      excluded.push({ task: data.id, file: task.file, reason: calendar.reason });
      continue;
    }
    const parameters: ScheduledTask['parameters'] = [];
    for (const [name, value] of Object.entries(data.parameters)) {
      // Compiled once per value and syntax (a Dataphin project's globals make its values its own).
      const key = dataphin ? `${project!.dir}\u0000${value}` : value;
      let result = compiled.get(key);
      if (!result) compiled.set(key, (result = compileParameter(value, dataphin ? { scheduler: 'dataphin', globals: project!.config.globals } : undefined)));
      if (result.ok) parameters.push({ name, evaluate: result.evaluate });
      else parameterProblems.push({ task: data.id, file: task.file, name, error: result.error });
    }
    const links: UpstreamLink[] = data.dependencies.filter((d) => d.task !== data.id).map((d) => linkOf(d, dataphin));
    const cross = data.schedule.crossCycle;
    if (Array.isArray(cross)) for (const id of cross) if (id !== data.id) links.push(linkOf({ task: id, cycle: 'previous' }, dataphin));
    for (const d of data.dependencies) {
      const list = sameCycleDownstream.get(d.task);
      if (list) list.push(data.id);
      else sameCycleDownstream.set(d.task, [data.id]);
    }
    const scheduled: ScheduledTask = {
      id: data.id,
      name: data.name,
      file: task.file,
      ...(task.projectDir ? { projectDir: task.projectDir } : {}),
      zone: project?.config.timezone ?? 'UTC',
      calendar: calendar.calendar,
      selfDependent: cross === 'self',
      links,
      parameters,
      expectedMinutes: data.expectedMinutes ?? DEFAULT_EXPECTED_MINUTES,
      p90Minutes: Math.max(data.expectedP90Minutes ?? 0, data.expectedMinutes ?? DEFAULT_EXPECTED_MINUTES),
    };
    tasks.set(data.id, scheduled);
    if (cross === 'children') onChildren.push(scheduled);
  }

  // crossCycle: children — the previous-cycle instances of the task's direct downstream tasks.
  for (const task of onChildren) {
    for (const child of sameCycleDownstream.get(task.id) ?? []) {
      if (child !== task.id && !task.links.some((l) => l.task === child && l.previous)) task.links.push({ task: child, previous: true });
    }
  }

  const dependents = new Map<string, string[]>();
  for (const task of tasks.values()) {
    for (const link of task.links) {
      const list = dependents.get(link.task);
      if (list) {
        if (list[list.length - 1] !== task.id) list.push(task.id);
      } else {
        dependents.set(link.task, [task.id]);
      }
    }
  }
  return { tasks, excluded, dependents, parameterProblems };
}
