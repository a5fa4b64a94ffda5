import * as l10n from '@vscode/l10n';
import { parseProjectFile } from '../model/parseProjectFile';
import { parseTaskFile, type ParsedFile } from '../model/parseTaskFile';
import type { TaskFile } from '../model/taskSchema';
import type { ProjectFile } from '../model/projectSchema';
import { wholeFileProblem, type Diagnostic } from '../model/diagnostic';
import { IndexDiagnostics } from './indexDiagnostics';
import { TaskNames } from './taskNames';
import { readLockText, type LockHolder } from './lockFile';
import { internStrings } from './internedStrings';
import { dependencySignature, identity } from './taskSignatures';
import { fileKind, lockedTaskId } from './fileKinds';
import { buildFolderTree, findFolder, type FolderNode } from './folderTree';
import { dirname, joinPath, relativeInside, toPosixPath } from './paths';
import type { ParsedFileSource } from './parsedFileSource';
import { placeTask } from './taskPlacement';
import { dependentsByUpstream, emptyChange, mergeChange, noteTask, type IndexChange, type Project, type Task, type TaskLock } from './workspaceModel';

export interface IndexOptions {
  /** Overrides every project's taskRoot (the nightshift.taskRoot setting). */
  taskRootOverride?: string;
  /** The team's shared lock folder ('/'-separated, absolute), whose `.lock` files are locks too. */
  sharedLockDir?: string;
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
  /** Tasks by project and name, and the keys that more than one task shares: duplicates without a scan. */
  private readonly names = new TaskNames();
  private readonly texts = new Map<string, string>();
  /** One copy of each short string the tasks' data holds (owners, types, times, ids, tags, …). */
  private readonly strings = new Map<string, string>();
  private readonly parseDiagnostics = new Map<string, Diagnostic[]>();
  private readonly checks = new IndexDiagnostics({
    parseDiagnostics: this.parseDiagnostics,
    tasksByFile: this.tasksByFile,
    tasksById: this.tasksById,
    projectsByDir: this.projectsByDir,
    sameNames: () => this.names.duplicates(),
    textOf: (file) => this.texts.get(file) ?? '',
  });
  private dependentsCache?: Map<string, Task[]>;
  private readonly treeCache = new Map<string, FolderNode>();

  constructor(private readonly options: IndexOptions = {}) {}

  /**
   * Adds or replaces a file; returns what changed. Files of no interest are ignored. `reuse`: a source
   * that may hold this file's parse (the workspace on disk for the same workspace at a Git revision;
   * the persistent cache), taken instead of parsing again; parsed data is never changed once made.
   */
  setFile(rawPath: string, text: string, reuse?: ParsedFileSource): IndexChange {
    const path = toPosixPath(rawPath);
    const kind = fileKind(path, this.options.sharedLockDir);
    if (!kind) return emptyChange();
    const before = this.tasksByFile.get(path);
    // Only a file read before can keep the graph's and ids' versions (most files of a pass are new).
    const versions = before && { ...this.checks.versions };
    const change = this.removeEntry(path);
    this.texts.set(path, text);
    try {
      if (kind === 'project') this.addProject(path, text, change, reuse?.parsedProject?.(path, text));
      else if (kind === 'task') this.addTask(path, text, change, reuse?.parsedTask(path, text), reuse?.stringsShared);
      else this.addLock(path, text, change, reuse?.parsedLock?.(path, text));
    } catch (error) {
      // Whatever a file holds, it is a problem of that file: the index and the files after it go on.
      // Each add parses before it changes anything, so a throw leaves no half-added entry.
      this.parseDiagnostics.set(path, [wholeFileProblem(path, 'error', 'unreadable', l10n.t('cannot be indexed: {0}', error instanceof Error ? error.message : String(error)))]);
    }
    const after = this.tasksByFile.get(path);
    // The usual edit keeps the id and the dependencies: then neither the ids nor the graph changed.
    const sameGraph = !!before && !!after && dependencySignature(before) === dependencySignature(after);
    const sameIdentity = !!before && !!after && identity(before) === identity(after);
    if (sameGraph) Object.assign(this.checks.versions, { ids: versions!.ids, graph: versions!.graph });
    if (sameIdentity) this.checks.versions.identity = versions!.identity;
    if (sameGraph && sameIdentity) this.invalidateTask(before!, after!);
    else this.invalidate();
    return change;
  }

  /**
   * A file that exists but cannot be read (no permission, an I/O error): whatever it held is dropped,
   * and it stays as a problem at its path until it is read again or deleted.
   */
  setUnreadable(rawPath: string, reason: string): IndexChange {
    const path = toPosixPath(rawPath);
    const change = this.removeEntry(path);
    this.texts.set(path, '');
    this.parseDiagnostics.set(path, [wholeFileProblem(path, 'error', 'unreadable', l10n.t('cannot be read ({0}); it is left out until it can be read', reason))]);
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

  /** This index's parse of a task file, when it holds `text` at `path` (a ParsedFileSource for another index). */
  parsedTask(rawPath: string, text: string): ParsedFile<TaskFile> | undefined {
    const path = toPosixPath(rawPath);
    if (this.texts.get(path) !== text || !this.parseDiagnostics.has(path)) return undefined;
    const task = this.tasksByFile.get(path);
    return { diagnostics: this.parseDiagnostics.get(path)!, ...(task ? { data: task.data, ...(task.spans ? { spans: task.spans } : {}) } : {}) };
  }

  /** This index's parse of a project file, when it holds `text` at `path`. */
  parsedProject(rawPath: string, text: string): ParsedFile<ProjectFile> | undefined {
    const path = toPosixPath(rawPath);
    if (this.texts.get(path) !== text || !this.parseDiagnostics.has(path)) return undefined;
    const project = this.projectsByDir.get(dirname(path));
    return { diagnostics: this.parseDiagnostics.get(path)!, ...(project?.file === path ? { data: project.config } : {}) };
  }

  /** This index's reading of a lock file, when it holds `text` at `path` and the file locks a task. */
  parsedLock(rawPath: string, text: string): LockHolder | undefined {
    const path = toPosixPath(rawPath);
    const taskId = this.texts.get(path) === text ? lockedTaskId(path, this.options.sharedLockDir) : undefined;
    const lock = taskId === undefined ? undefined : this.locksByTask.get(taskId);
    return lock?.file === path ? { holder: lock.holder, ...(lock.acquiredAt !== undefined ? { acquiredAt: lock.acquiredAt } : {}) } : undefined;
  }

  /** The text a file had when the index last read it. */
  textOf(rawPath: string): string | undefined {
    return this.texts.get(toPosixPath(rawPath));
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

  /** The project with this name (with duplicate names, an error, the first in `projects()` order). */
  projectNamed(name: string): Project | undefined {
    return this.projects().find((p) => p.config.project === name);
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
    this.dependentsCache ??= dependentsByUpstream(this.tasksByFile.values());
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
    return this.checks.all();
  }

  private addProject(path: string, text: string, change: IndexChange, reused?: ParsedFile<ProjectFile>): void {
    const parsed = reused ?? parseProjectFile(path, text);
    this.parseDiagnostics.set(path, parsed.diagnostics);
    if (!parsed.data) return;
    const dir = dirname(path);
    const taskRoot = this.options.taskRootOverride || parsed.data.taskRoot;
    this.projectsByDir.set(dir, { dir, file: path, config: parsed.data, taskRootDir: joinPath(dir, taskRoot) });
    this.checks.versions.projects++;
    this.reassignTasks(change, dir);
  }

  private addTask(path: string, text: string, change: IndexChange, reused?: ParsedFile<TaskFile>, stringsShared = false): void {
    const parsed = reused ?? parseTaskFile(path, text);
    if (parsed.data && !(reused && stringsShared)) internStrings(parsed.data, this.strings);
    this.parseDiagnostics.set(path, parsed.diagnostics);
    if (!parsed.data) return;
    const task: Task = { file: path, data: parsed.data, folder: '', ...(parsed.spans ? { spans: parsed.spans } : {}) };
    placeTask(task, this.projectsByDir);
    this.tasksByFile.set(path, task);
    this.names.add(task);
    this.checks.forgetTask(path);
    this.checks.versions.graph++;
    this.checks.versions.identity++;
    const sameId = this.tasksById.get(task.data.id);
    if (sameId) {
      sameId.push(task);
      sameId.sort((a, b) => (a.file < b.file ? -1 : 1));
    } else {
      this.tasksById.set(task.data.id, [task]);
      this.checks.versions.ids++;
    }
    noteTask(change, task);
  }

  private addLock(path: string, text: string, change: IndexChange, reused?: LockHolder): void {
    const taskId = lockedTaskId(path, this.options.sharedLockDir);
    if (taskId === undefined) {
      this.parseDiagnostics.set(path, [wholeFileProblem(path, 'warning', 'lock-name', l10n.t('this lock file\'s name is not a task id in percent-encoding (as Nightshift names locks), so it locks no task; remove it'))]);
      return;
    }
    const { holder, acquiredAt } = reused ?? readLockText(text);
    this.locksByTask.set(taskId, { taskId, file: path, holder, ...(acquiredAt !== undefined ? { acquiredAt } : {}) });
    change.tasks.add(taskId);
  }

  private removeEntry(path: string): IndexChange {
    const change = emptyChange();
    if (!this.texts.delete(path)) return change;
    this.parseDiagnostics.delete(path);
    const kind = fileKind(path, this.options.sharedLockDir);
    if (kind === 'project') {
      const dir = dirname(path);
      if (this.projectsByDir.delete(dir)) {
        this.checks.versions.projects++;
        change.projects.add(dir);
        this.reassignTasks(change, dir);
      }
    } else if (kind === 'task') {
      const task = this.tasksByFile.get(path);
      this.checks.forgetTask(path);
      if (task) {
        this.tasksByFile.delete(path);
        this.names.remove(task);
        const sameId = this.tasksById.get(task.data.id)?.filter((t) => t !== task) ?? [];
        if (sameId.length) {
          this.tasksById.set(task.data.id, sameId);
        } else {
          this.tasksById.delete(task.data.id);
          this.checks.versions.ids++;
        }
        this.checks.versions.graph++;
        this.checks.versions.identity++;
        noteTask(change, task);
      }
    } else if (kind === 'lock') {
      const taskId = lockedTaskId(path, this.options.sharedLockDir);
      if (taskId && this.locksByTask.get(taskId)?.file === path) {
        this.locksByTask.delete(taskId);
        change.tasks.add(taskId);
      }
    }
    return change;
  }

  /**
   * A project folder came, went or changed: only the tasks below it can belong elsewhere now (a task
   * belongs to the nearest project above it). Re-placing every task instead made indexing 40 projects
   * of 100,000 tasks cost O(projects x tasks) whenever a project was read after its tasks.
   */
  private reassignTasks(change: IndexChange, projectDir: string): void {
    const below = projectDir.endsWith('/') ? projectDir : `${projectDir}/`;
    for (const task of this.tasksByFile.values()) {
      if (!task.file.startsWith(below)) continue;
      const before = task.projectDir;
      this.names.remove(task);
      placeTask(task, this.projectsByDir);
      this.names.add(task);
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
    this.checks.invalidate();
    this.dependentsCache = undefined;
    // Clearing makes a new table even when empty: an indexing pass invalidates once a file.
    if (this.treeCache.size) this.treeCache.clear();
  }

  /**
   * One task edited in place (same file, id, name and dependencies): only its own problems can have
   * changed, and its folder still holds it at the same place.
   */
  private invalidateTask(before: Task, after: Task): void {
    this.dependentsCache = undefined;
    this.checks.edited(after.file);
    const tree = after.projectDir ? this.treeCache.get(after.projectDir) : undefined;
    if (!tree) return;
    const node = findFolder(tree, after.folder);
    const at = node ? node.tasks.indexOf(before) : -1;
    if (node && at >= 0) node.tasks[at] = after;
    else this.treeCache.delete(after.projectDir!);
  }
}
