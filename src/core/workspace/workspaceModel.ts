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
