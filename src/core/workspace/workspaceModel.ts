import type { ProjectFile } from '../model/projectSchema';
import type { FieldSpans } from '../yaml/fieldSpans';
import type { TaskFile } from '../model/taskSchema';

export interface Project {
  /** Folder holding nightshift.yaml. */
  dir: string;
  file: string;
  config: ProjectFile;
  /** Absolute folder of the task tree. */
  taskRootDir: string;
}

export interface Task {
  file: string;
  data: TaskFile;
  /** Project folder, when the file sits inside a project's task root. */
  projectDir?: string;
  /** Folder below the task root, '/'-separated, '' for the root itself. */
  folder: string;
  /** Where the file's simple top-level values sit, so an operation can splice instead of re-printing. */
  spans?: FieldSpans;
}

export interface TaskLock {
  taskId: string;
  file: string;
  holder: string;
  acquiredAt?: string;
}

/** What a file event changed, so views refresh only what moved. */
export interface IndexChange {
  /** Project folders whose project file or set of tasks changed. */
  projects: Set<string>;
  /** `${projectDir}\u0000${folder}` keys of folders whose direct content changed. */
  folders: Set<string>;
  /** Task ids whose own data changed (in place). */
  tasks: Set<string>;
}

export function folderKey(projectDir: string, folder: string): string {
  return `${projectDir}\u0000${folder}`;
}

export function emptyChange(): IndexChange {
  return { projects: new Set(), folders: new Set(), tasks: new Set() };
}

/** A task came, went or changed: its id and its folder are part of the change. */
export function noteTask(change: IndexChange, task: Task): void {
  change.tasks.add(task.data.id);
  if (task.projectDir) change.folders.add(folderKey(task.projectDir, task.folder));
}

/** Adds one change's projects, folders and tasks to another's. */
export function mergeChange(into: IndexChange, from: IndexChange): void {
  from.projects.forEach((p) => into.projects.add(p));
  from.folders.forEach((f) => into.folders.add(f));
  from.tasks.forEach((t) => into.tasks.add(t));
}

/** Each upstream id with the tasks that name it among their dependencies (same-cycle or previous-cycle). */
export function dependentsByUpstream(tasks: Iterable<Task>): Map<string, Task[]> {
  const map = new Map<string, Task[]>();
  for (const task of tasks) {
    for (const dep of task.data.dependencies) {
      const list = map.get(dep.task);
      if (list) list.push(task);
      else map.set(dep.task, [task]);
    }
  }
  return map;
}
