import { isMultiCycle } from '../model/dependencyWindow';
import type { Task } from './workspaceModel';

// Two short strings that tell the index, after an edit, whether the cross-file checks must run again:
// an edit that changes neither leaves the duplicate and graph checks as they were.

/** What duplicate checks look at: where a task is, what it is called, which id it has. */
export function identity(task: Task): string {
  return `${task.data.id}\u0000${task.data.name}\u0000${task.projectDir ?? ''}\u0000${task.file}`;
}

/** What the graph's checks read of a task: its id, its dependencies, and whether it runs several times a day. */
export function dependencySignature(task: Task): string {
  const multi = isMultiCycle(task.data.schedule.cycle);
  return `${task.data.id}|${multi}|${task.data.dependencies.map((d) => `${d.task}/${d.cycle}/${d.policy ?? ''}/${d.daysBack ?? ''}`).join(',')}`;
}
