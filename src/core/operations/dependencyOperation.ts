import * as l10n from '@vscode/l10n';
import type { Dependency, DependencyPolicy } from '../model/taskSchema';
import { loopText } from '../workspace/dependencyCycles';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { Task } from '../workspace/workspaceModel';
import { change, fail, skip, type TaskOperation } from './taskOperation';
import { recordIdentity } from './operationCatalog';

export type Cycle = Dependency['cycle'];

/** One upstream and its dependency settings: the cycle, and in a Dataphin project the policy and N days back. */
export interface DependencySetting {
  task: string;
  cycle: Cycle;
  policy?: DependencyPolicy;
  daysBack?: number;
}

export interface DependencyEdits {
  add?: DependencySetting[];
  remove?: string[];
  /** Change the settings (cycle, policy) of a common upstream dependency. */
  edit?: DependencySetting[];
}

/** A dependency's settings as one key: "the same dependent object and dependency settings" (upstream, cycle, policy). */
function settingKey(d: DependencySetting): string {
  return `${d.task}\u0000${d.cycle}\u0000${d.policy ?? ''}\u0000${d.daysBack ?? ''}`;
}

function settingOf(d: DependencySetting): DependencySetting {
  return { task: d.task, cycle: d.cycle, ...(d.policy ? { policy: d.policy } : {}), ...(d.daysBack !== undefined ? { daysBack: d.daysBack } : {}) };
}

/** Upstream dependencies every selected task has, with the same settings (what the dialog lists). */
export function commonDependencies(tasks: readonly Task[]): DependencySetting[] {
  if (tasks.length === 0) return [];
  const key = settingKey;
  let common = new Map(tasks[0]!.data.dependencies.map((d) => [key(d), settingOf(d)]));
  for (const t of tasks.slice(1)) {
    const own = new Set(t.data.dependencies.map(key));
    common = new Map([...common].filter(([k]) => own.has(k)));
  }
  return [...common.values()];
}

/**
 * Batch dependency configuration: adds, removes and edits apply to every selected task; removing or
 * editing only touches upstreams common to all of them; a change that would close a cycle is refused.
 */
export function configureDependenciesOperation(edits: DependencyEdits, selection: readonly Task[]): TaskOperation {
  const common = commonDependencies(selection);
  const isCommon = (id: string) => common.some((d) => d.task === id);
  return {
    ...recordIdentity('configureDependencies'),
    title: 'Batch Dependency Configuration',
    parameters: { ...edits },
    checkBatch(_tasks, { index }) {
      for (const d of [...(edits.add ?? []), ...(edits.edit ?? [])]) if (!index.task(d.task)) return `no task has the id "${d.task}"`;
      for (const id of [...(edits.remove ?? []), ...(edits.edit ?? []).map((e) => e.task)]) {
        if (!isCommon(id)) return `${id} is not an upstream dependency common to all selected tasks`;
      }
      return undefined;
    },
    decide(task, { index }) {
      const project = task.projectDir ? index.project(task.projectDir) : undefined;
      if (project?.config.scheduler !== 'dataphin') {
        const dataphinOnly = [...(edits.add ?? []), ...(edits.edit ?? [])].find((d) => d.policy || d.daysBack !== undefined || d.cycle === 'last24h');
        if (dataphinOnly) return fail(l10n.t('{0} is Dataphin\'s; project {1} follows DataWorks', dataphinOnly.cycle === 'last24h' ? l10n.t('the last-24-hours cycle') : dataphinOnly.policy ? l10n.t('a dependency policy') : l10n.t('N days back'), project?.config.project ?? '(none)'));
      }
      let deps: DependencySetting[] = task.data.dependencies.map(settingOf);
      const removed = new Set([...(edits.remove ?? [])]);
      deps = deps.filter((d) => !removed.has(d.task));
      for (const e of edits.edit ?? []) deps = deps.map((d) => (d.task === e.task ? settingOf(e) : d));
      for (const a of edits.add ?? []) {
        if (a.task === task.data.id) return fail(l10n.t('a task cannot depend on itself (use crossCycle: self for its previous cycle)'));
        if (!deps.some((d) => settingKey(d) === settingKey(a))) deps.push(settingOf(a));
      }
      const loop = (edits.add ?? []).map((a) => pathBetween(index, a.task, task.data.id)).find((p) => p);
      if (loop) return fail(l10n.t('depending on {0} would close a dependency cycle: {1}', loop[0] ?? '', loopText([task.data.id, ...loop])));
      const before = task.data.dependencies.map(settingKey).join(',');
      const after = deps.map(settingKey).join(',');
      if (before === after) return skip(l10n.t('no change to its dependencies'));
      return change(`upstream [${task.data.dependencies.map(show).join(', ')}] → [${deps.map(show).join(', ')}]`, {
        kind: 'edit',
        // The default cycle (same) is left out, as users write it.
        edits: [{ path: ['dependencies'], value: deps.map(({ task, cycle, ...rest }) => (cycle === 'same' ? { task, ...rest } : { task, cycle, ...rest })) }],
      });
    },
  };
}

/** A dependency as the preview names it: `1001 (previous cycle, last)`. */
export function dependencyText(d: DependencySetting): string {
  const settings = [
    d.cycle === 'previous' ? (d.daysBack !== undefined ? `${d.daysBack} days back` : 'previous cycle') : d.cycle === 'last24h' ? 'last 24 hours' : '',
    d.policy ?? '',
  ].filter(Boolean);
  return settings.length ? `${d.task} (${settings.join(', ')})` : d.task;
}

const show = dependencyText;

/** Upstream path from `from` to `to` following dependencies (from depends on … depends on to), if any. */
function pathBetween(index: WorkspaceIndex, from: string, to: string): string[] | undefined {
  const parent = new Map<string, string | null>([[from, null]]);
  const queue = [from];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    if (id === to) {
      const path: string[] = [];
      for (let at: string | null = id; at !== null; at = parent.get(at)!) path.unshift(at);
      return path;
    }
    for (const d of index.task(id)?.data.dependencies ?? []) {
      if (!parent.has(d.task)) {
        parent.set(d.task, id);
        queue.push(d.task);
      }
    }
  }
  return undefined;
}
