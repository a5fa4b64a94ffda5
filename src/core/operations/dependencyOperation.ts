import type { Dependency } from '../model/taskSchema';
import { loopText } from '../validation/dependencyCycles';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { Task } from '../workspace/workspaceModel';
import { change, fail, skip, type TaskOperation } from './taskOperation';
import { recordIdentity } from './operationCatalog';

export type Cycle = Dependency['cycle'];

export interface DependencyEdits {
  add?: { task: string; cycle: Cycle }[];
  remove?: string[];
  /** Change the cycle setting of a common upstream dependency. */
  edit?: { task: string; cycle: Cycle }[];
}

/** Upstream dependencies every selected task has, with the same settings (what the dialog lists). */
export function commonDependencies(tasks: readonly Task[]): { task: string; cycle: Cycle }[] {
  if (tasks.length === 0) return [];
  const key = (d: { task: string; cycle: Cycle }) => `${d.task}\u0000${d.cycle}`;
  let common = new Map(tasks[0]!.data.dependencies.map((d) => [key(d), { task: d.task, cycle: d.cycle }]));
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
      let deps = task.data.dependencies.map((d) => ({ task: d.task, cycle: d.cycle }));
      const removed = new Set([...(edits.remove ?? [])]);
      deps = deps.filter((d) => !removed.has(d.task));
      for (const e of edits.edit ?? []) deps = deps.map((d) => (d.task === e.task ? { ...d, cycle: e.cycle } : d));
      for (const a of edits.add ?? []) {
        if (a.task === task.data.id) return fail('a task cannot depend on itself (use crossCycle: self for its previous cycle)');
        if (!deps.some((d) => d.task === a.task && d.cycle === a.cycle)) deps.push(a);
      }
      const loop = (edits.add ?? []).map((a) => pathBetween(index, a.task, task.data.id)).find((p) => p);
      if (loop) return fail(`depending on ${loop[0]} would close a dependency cycle: ${loopText([task.data.id, ...loop])}`);
      const before = task.data.dependencies.map((d) => `${d.task}/${d.cycle}`).join(',');
      const after = deps.map((d) => `${d.task}/${d.cycle}`).join(',');
      if (before === after) return skip('no change to its dependencies');
      return change(`upstream [${task.data.dependencies.map(show).join(', ')}] → [${deps.map(show).join(', ')}]`, {
        kind: 'edit',
        edits: [{ path: ['dependencies'], value: deps.map((d) => (d.cycle === 'previous' ? d : { task: d.task })) }],
      });
    },
  };
}

function show(d: { task: string; cycle: Cycle }): string {
  return d.cycle === 'previous' ? `${d.task} (previous cycle)` : d.task;
}

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
