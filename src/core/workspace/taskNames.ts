import type { Task } from './workspaceModel';

/**
 * Tasks by project and name, and the keys more than one task shares: the duplicate-name check reads
 * the groups without scanning every task.
 */
export class TaskNames {
  private readonly byKey = new Map<string, Task[]>();
  private readonly shared = new Set<string>();

  add(task: Task): void {
    if (!task.projectDir) return;
    const key = `${task.projectDir}\u0000${task.data.name}`;
    const same = this.byKey.get(key);
    if (!same) return void this.byKey.set(key, [task]);
    same.push(task);
    this.shared.add(key);
  }

  remove(task: Task): void {
    if (!task.projectDir) return;
    const key = `${task.projectDir}\u0000${task.data.name}`;
    const rest = (this.byKey.get(key) ?? []).filter((t) => t !== task);
    if (rest.length === 0) this.byKey.delete(key);
    else this.byKey.set(key, rest);
    if (rest.length < 2) this.shared.delete(key);
  }

  /** The groups of tasks of one project that share a name. */
  duplicates(): Task[][] {
    return [...this.shared].map((key) => this.byKey.get(key)!);
  }
}
