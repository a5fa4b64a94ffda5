import { parse as parseYaml } from 'yaml';
import { parseProjectFile } from '../model/parseProjectFile';
import { parseTaskFile } from '../model/parseTaskFile';
import type { Diagnostic } from '../validation/diagnostic';
import { workspaceChecks } from '../validation/workspaceChecks';
import { fileKind, lockedTaskId } from './fileKinds';
import { buildFolderTree, type FolderNode } from './folderTree';
import { dirname, joinPath, relativeInside, toPosixPath } from './paths';
import { emptyChange, folderKey, type IndexChange, type Project, type Task, type TaskLock } from './workspaceModel';

export interface IndexOptions {
  /** Overrides every project's taskRoot (the nightshift.taskRoot setting). */
  taskRootOverride?: string;
}

/**
 * Every project, task and lock of a workspace, kept current one file event at a time.
 * It never touches the disk: the CLI feeds it files it read, the extension feeds it editor file events.
 */
export class WorkspaceIndex {
  private readonly projectsByDir = new Map<string, Project>();
  private readonly tasksByFile = new Map<string, Task>();
  private readonly tasksById = new Map<string, Task[]>();
  private readonly locksByTask = new Map<string, TaskLock>();
  private readonly texts = new Map<string, string>();
  private readonly parseDiagnostics = new Map<string, Diagnostic[]>();
  private semanticCache?: Map<string, Diagnostic[]>;
  private mergedCache?: Map<string, Diagnostic[]>;
  private dependentsCache?: Map<string, Task[]>;
  private readonly treeCache = new Map<string, FolderNode>();

  constructor(private readonly options: IndexOptions = {}) {}

  /** Adds or replaces a file; returns what changed. Files of no interest are ignored. */
  setFile(rawPath: string, text: string): IndexChange {
    const path = toPosixPath(rawPath);
    const kind = fileKind(path);
    if (!kind) return emptyChange();
    const change = this.removeEntry(path);
    this.texts.set(path, text);
    if (kind === 'project') this.addProject(path, text, change);
    else if (kind === 'task') this.addTask(path, text, change);
    else this.addLock(path, text, change);
    this.invalidate();
    return change;
  }

  deleteFile(rawPath: string): IndexChange {
    const change = this.removeEntry(toPosixPath(rawPath));
    this.invalidate();
    return change;
  }

  /** A deleted folder may come as one event: drop every file below it. */
  deleteFolder(rawPath: string): IndexChange {
    const change = emptyChange();
    for (const path of this.filesUnder(rawPath)) mergeChange(change, this.removeEntry(path));
    this.invalidate();
    return change;
  }

  /** Every indexed file below a folder. */
  filesUnder(rawDir: string): string[] {
    const dir = toPosixPath(rawDir);
    return [...this.texts.keys()].filter((path) => relativeInside(dir, path) !== undefined);
  }

  has(rawPath: string): boolean {
    return this.texts.has(toPosixPath(rawPath));
  }

  projects(): Project[] {
    return [...this.projectsByDir.values()].sort((a, b) => a.config.project.localeCompare(b.config.project));
  }

  project(dir: string): Project | undefined {
    return this.projectsByDir.get(dir);
  }

  tasks(): IterableIterator<Task> {
    return this.tasksByFile.values();
  }

  taskCount(): number {
    return this.tasksByFile.size;
  }

  taskByFile(file: string): Task | undefined {
    return this.tasksByFile.get(toPosixPath(file));
  }

  /** The task with this id; with duplicate ids (an error), the first by file path. */
  task(id: string): Task | undefined {
    return this.tasksById.get(id)?.[0];
  }

  tasksWithId(id: string): readonly Task[] {
    return this.tasksById.get(id) ?? [];
  }

  lock(taskId: string): TaskLock | undefined {
    return this.locksByTask.get(taskId);
  }

  /** Tasks that name `id` among their dependencies (same-cycle or previous-cycle). */
  dependents(id: string): readonly Task[] {
    if (!this.dependentsCache) {
      const map = new Map<string, Task[]>();
      for (const task of this.tasksByFile.values()) {
        for (const dep of task.data.dependencies) {
          const list = map.get(dep.task);
          if (list) list.push(task);
          else map.set(dep.task, [task]);
        }
      }
      this.dependentsCache = map;
    }
    return this.dependentsCache.get(id) ?? [];
  }

  folderTree(projectDir: string): FolderNode | undefined {
    const project = this.projectsByDir.get(projectDir);
    if (!project) return undefined;
    let tree = this.treeCache.get(projectDir);
    if (!tree) {
      tree = buildFolderTree([...this.tasksByFile.values()].filter((t) => t.projectDir === projectDir));
      this.treeCache.set(projectDir, tree);
    }
    return tree;
  }

  /** Every problem of every file, parse and cross-file alike, by file. */
  diagnostics(): ReadonlyMap<string, readonly Diagnostic[]> {
    if (this.mergedCache) return this.mergedCache;
    if (!this.semanticCache) {
      this.semanticCache = workspaceChecks({
        projects: [...this.projectsByDir.values()],
        tasks: [...this.tasksByFile.values()],
        tasksById: this.tasksById,
        textOf: (file) => this.texts.get(file) ?? '',
      });
    }
    const all = new Map<string, Diagnostic[]>();
    for (const source of [this.parseDiagnostics, this.semanticCache]) {
      for (const [file, list] of source) {
        if (list.length === 0) continue;
        const existing = all.get(file);
        all.set(file, existing ? [...existing, ...list] : [...list]);
      }
    }
    this.mergedCache = all;
    return all;
  }

  private addProject(path: string, text: string, change: IndexChange): void {
    const parsed = parseProjectFile(path, text);
    this.parseDiagnostics.set(path, parsed.diagnostics);
    if (!parsed.data) return;
    const dir = dirname(path);
    const taskRoot = this.options.taskRootOverride || parsed.data.taskRoot;
    this.projectsByDir.set(dir, { dir, file: path, config: parsed.data, taskRootDir: joinPath(dir, taskRoot) });
    this.reassignTasks(change);
  }

  private addTask(path: string, text: string, change: IndexChange): void {
    const parsed = parseTaskFile(path, text);
    this.parseDiagnostics.set(path, parsed.diagnostics);
    if (!parsed.data) return;
    const task: Task = { file: path, data: parsed.data, folder: '' };
    this.place(task);
    this.tasksByFile.set(path, task);
    const sameId = this.tasksById.get(task.data.id);
    if (sameId) {
      sameId.push(task);
      sameId.sort((a, b) => (a.file < b.file ? -1 : 1));
    } else {
      this.tasksById.set(task.data.id, [task]);
    }
    noteTask(change, task);
  }

  private addLock(path: string, text: string, change: IndexChange): void {
    const taskId = lockedTaskId(path);
    if (!taskId) return;
    let holder = 'unknown';
    let acquiredAt: string | undefined;
    try {
      const value = parseYaml(text) as { holder?: unknown; acquiredAt?: unknown } | null;
      if (value && typeof value.holder === 'string') holder = value.holder;
      if (value && typeof value.acquiredAt === 'string') acquiredAt = value.acquiredAt;
    } catch {
      // A half-written or foreign lock file still means the task is locked.
    }
    this.locksByTask.set(taskId, { taskId, file: path, holder, acquiredAt });
    change.tasks.add(taskId);
  }

  private removeEntry(path: string): IndexChange {
    const change = emptyChange();
    if (!this.texts.delete(path)) return change;
    this.parseDiagnostics.delete(path);
    const kind = fileKind(path);
    if (kind === 'project') {
      const dir = dirname(path);
      if (this.projectsByDir.delete(dir)) {
        change.projects.add(dir);
        this.reassignTasks(change);
      }
    } else if (kind === 'task') {
      const task = this.tasksByFile.get(path);
      if (task) {
        this.tasksByFile.delete(path);
        const sameId = this.tasksById.get(task.data.id)?.filter((t) => t !== task) ?? [];
        if (sameId.length) this.tasksById.set(task.data.id, sameId);
        else this.tasksById.delete(task.data.id);
        noteTask(change, task);
      }
    } else if (kind === 'lock') {
      const taskId = lockedTaskId(path);
      if (taskId && this.locksByTask.get(taskId)?.file === path) {
        this.locksByTask.delete(taskId);
        change.tasks.add(taskId);
      }
    }
    return change;
  }

  /** The project owning a task file: the nearest folder above it holding nightshift.yaml. */
  private place(task: Task): void {
    task.projectDir = undefined;
    task.folder = '';
    for (let dir = dirname(task.file); ; dir = dirname(dir)) {
      const project = this.projectsByDir.get(dir);
      if (project) {
        const folder = relativeInside(project.taskRootDir, dirname(task.file));
        if (folder !== undefined) {
          task.projectDir = project.dir;
          task.folder = folder;
        }
        return;
      }
      if (dir === '/' || dir === '' || dir === '.' || !dir.includes('/')) return;
    }
  }

  private reassignTasks(change: IndexChange): void {
    for (const task of this.tasksByFile.values()) {
      const before = task.projectDir;
      this.place(task);
      if (before !== task.projectDir) {
        if (before) change.projects.add(before);
        noteTask(change, task);
      }
    }
    for (const dir of this.projectsByDir.keys()) change.projects.add(dir);
  }

  /** Whether any problem of this file is an error (not just a warning). */
  hasErrors(file: string): boolean {
    return this.diagnostics().get(file)?.some((d) => d.severity === 'error') ?? false;
  }

  private invalidate(): void {
    this.semanticCache = undefined;
    this.mergedCache = undefined;
    this.dependentsCache = undefined;
    this.treeCache.clear();
  }
}

function noteTask(change: IndexChange, task: Task): void {
  change.tasks.add(task.data.id);
  if (task.projectDir) change.folders.add(folderKey(task.projectDir, task.folder));
}

function mergeChange(into: IndexChange, from: IndexChange): void {
  from.projects.forEach((p) => into.projects.add(p));
  from.folders.forEach((f) => into.folders.add(f));
  from.tasks.forEach((t) => into.tasks.add(t));
}
