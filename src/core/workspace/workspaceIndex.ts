import * as l10n from '@vscode/l10n';
import { parse as parseYaml } from 'yaml';
import { parseProjectFile } from '../model/parseProjectFile';
import { parseTaskFile, type ParsedFile } from '../model/parseTaskFile';
import type { TaskFile } from '../model/taskSchema';
import type { Diagnostic } from '../model/diagnostic';
import { checkCycles, checkPolicyWindows, checkProjectGlobals, checkDuplicates, checkTask, ProblemSink } from './workspaceChecks';
import { isMultiCycle } from '../model/dependencyWindow';
import { fileKind, lockedTaskId } from './fileKinds';
import { buildFolderTree, findFolder, type FolderNode } from './folderTree';
import { dirname, joinPath, relativeInside, toPosixPath } from './paths';
import { emptyChange, folderKey, type IndexChange, type Project, type Task, type TaskLock } from './workspaceModel';

/** Where a task file's parse may come from instead of parsing it again: another index, a persistent cache. */
export interface ParsedTaskSource {
  /** The parse of `text` at `path`, when this source holds that very text there; else undefined. */
  parsedTask(path: string, text: string): ParsedFile<TaskFile> | undefined;
}

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
  private readonly tasksByName = new Map<string, Task[]>();
  private readonly duplicateNames = new Set<string>();
  private readonly texts = new Map<string, string>();
  /** One copy of each short string the tasks' data holds (owners, types, times, ids, tags, …). */
  private readonly strings = new Map<string, string>();
  private readonly parseDiagnostics = new Map<string, Diagnostic[]>();
  private mergedCache?: Map<string, Diagnostic[]>;
  /** Files edited in place since `mergedCache` was built. */
  private readonly dirtyFiles = new Set<string>();
  // Cross-file checks are incremental: a task's own checks are redone when its file, the projects or
  // the set of ids change; cycle detection when the dependency graph changes.
  private readonly taskChecks = new Map<string, { stamp: string; problems: Diagnostic[] }>();
  private cycleChecks?: { version: string; problems: Map<string, Diagnostic[]> };
  private projectsVersion = 0;
  private idsVersion = 0;
  private graphVersion = 0;
  private identityVersion = 0;
  private duplicateChecks?: { stamp: string; problems: Map<string, Diagnostic[]> };
  private dependentsCache?: Map<string, Task[]>;
  private readonly treeCache = new Map<string, FolderNode>();

  constructor(private readonly options: IndexOptions = {}) {}

  /** Adds or replaces a file; returns what changed. Files of no interest are ignored. */
  /**
   * `reuse`: a source that may hold this file's parse (the workspace on disk, when this index is the
   * same workspace at a Git revision; the persistent cache); then its parse is taken instead of
   * parsing again. Parsed data is never changed once made, so the two may share it.
   */
  setFile(rawPath: string, text: string, reuse?: ParsedTaskSource): IndexChange {
    const path = toPosixPath(rawPath);
    const kind = fileKind(path, this.options.sharedLockDir);
    if (!kind) return emptyChange();
    const before = this.tasksByFile.get(path);
    const versions = [this.idsVersion, this.graphVersion] as const;
    const identityVersion = this.identityVersion;
    const change = this.removeEntry(path);
    this.texts.set(path, text);
    try {
      if (kind === 'project') this.addProject(path, text, change);
      else if (kind === 'task') this.addTask(path, text, change, reuse?.parsedTask(path, text));
      else this.addLock(path, text, change);
    } catch (error) {
      // Whatever a file holds, it is a problem of that file: the index and the files after it go on.
      // Each add parses before it changes anything, so a throw leaves no half-added entry.
      this.parseDiagnostics.set(path, [wholeFileProblem(path, 'error', 'unreadable', l10n.t('cannot be indexed: {0}', errorText(error)))]);
    }
    const after = this.tasksByFile.get(path);
    // The usual edit keeps the id and the dependencies: then neither the ids nor the graph changed.
    const sameGraph = !!before && !!after && dependencySignature(before) === dependencySignature(after);
    const sameIdentity = !!before && !!after && identity(before) === identity(after);
    if (sameGraph) [this.idsVersion, this.graphVersion] = versions;
    if (sameIdentity) this.identityVersion = identityVersion;
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

  /** The text a file had when the index last read it. */
  /** This index's parse of a task file, when it holds `text` at `path` (a ParsedTaskSource for another index). */
  parsedTask(rawPath: string, text: string): ParsedFile<TaskFile> | undefined {
    const path = toPosixPath(rawPath);
    if (this.texts.get(path) !== text || !this.parseDiagnostics.has(path)) return undefined;
    const task = this.tasksByFile.get(path);
    return { diagnostics: this.parseDiagnostics.get(path)!, ...(task ? { data: task.data, ...(task.spans ? { spans: task.spans } : {}) } : {}) };
  }

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
    const textOf = (file: string) => this.texts.get(file) ?? '';
    if (this.mergedCache) {
      // After in-place edits only: redo those files' entries, keep every other.
      const stamp = this.checksStamp();
      for (const file of this.dirtyFiles) {
        const list = this.fileDiagnostics(file, stamp, textOf);
        if (list.length) this.mergedCache.set(file, list);
        else this.mergedCache.delete(file);
      }
      this.dirtyFiles.clear();
      return this.mergedCache;
    }
    const all = new Map<string, Diagnostic[]>();
    const add = (file: string, list: readonly Diagnostic[]) => {
      if (list.length === 0) return;
      const existing = all.get(file);
      if (existing) existing.push(...list);
      else all.set(file, [...list]);
    };
    for (const [file, list] of this.parseDiagnostics) add(file, list);

    const stamp = this.checksStamp();
    for (const task of this.tasksByFile.values()) add(task.file, this.ownChecks(task, stamp, textOf));

    // The graph's checks: cycles, and Dataphin policies, which depend on the upstream's cycle too.
    const graphStamp = `${this.graphVersion}/${this.projectsVersion}`;
    if (this.cycleChecks?.version !== graphStamp) {
      const sink = new ProblemSink(textOf);
      checkCycles(this.tasksById, sink);
      checkPolicyWindows(this.tasksById, (t) => !!t.projectDir && this.projectsByDir.get(t.projectDir)?.config.scheduler === 'dataphin', sink);
      this.cycleChecks = { version: graphStamp, problems: sink.byFile };
    }
    for (const [file, list] of this.cycleChecks.problems) add(file, list);

    const identities = `${this.projectsVersion}/${this.identityVersion}`;
    if (this.duplicateChecks?.stamp !== identities) {
      const sink = new ProblemSink(textOf);
      checkDuplicates([...this.projectsByDir.values()], [...this.duplicateNames].map((k) => this.tasksByName.get(k)!), this.tasksById, sink);
      for (const project of this.projectsByDir.values()) checkProjectGlobals(project, sink);
      this.duplicateChecks = { stamp: identities, problems: sink.byFile };
    }
    for (const [file, list] of this.duplicateChecks.problems) add(file, list);

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
    this.projectsVersion++;
    this.reassignTasks(change, dir);
  }

  private addTask(path: string, text: string, change: IndexChange, reused?: ParsedFile<TaskFile>): void {
    const parsed = reused ?? parseTaskFile(path, text);
    if (parsed.data) internStrings(parsed.data, this.strings);
    this.parseDiagnostics.set(path, parsed.diagnostics);
    if (!parsed.data) return;
    const task: Task = { file: path, data: parsed.data, folder: '', ...(parsed.spans ? { spans: parsed.spans } : {}) };
    this.place(task);
    this.tasksByFile.set(path, task);
    this.indexName(task);
    this.taskChecks.delete(path);
    this.graphVersion++;
    this.identityVersion++;
    const sameId = this.tasksById.get(task.data.id);
    if (sameId) {
      sameId.push(task);
      sameId.sort((a, b) => (a.file < b.file ? -1 : 1));
    } else {
      this.tasksById.set(task.data.id, [task]);
      this.idsVersion++;
    }
    noteTask(change, task);
  }

  private addLock(path: string, text: string, change: IndexChange): void {
    const taskId = lockedTaskId(path, this.options.sharedLockDir);
    if (taskId === undefined) {
      this.parseDiagnostics.set(path, [wholeFileProblem(path, 'warning', 'lock-name', l10n.t('this lock file\'s name is not a task id in percent-encoding (as Nightshift names locks), so it locks no task; remove it'))]);
      return;
    }
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
    const kind = fileKind(path, this.options.sharedLockDir);
    if (kind === 'project') {
      const dir = dirname(path);
      if (this.projectsByDir.delete(dir)) {
        this.projectsVersion++;
        change.projects.add(dir);
        this.reassignTasks(change, dir);
      }
    } else if (kind === 'task') {
      const task = this.tasksByFile.get(path);
      this.taskChecks.delete(path);
      if (task) {
        this.tasksByFile.delete(path);
        this.unindexName(task);
        const sameId = this.tasksById.get(task.data.id)?.filter((t) => t !== task) ?? [];
        if (sameId.length) {
          this.tasksById.set(task.data.id, sameId);
        } else {
          this.tasksById.delete(task.data.id);
          this.idsVersion++;
        }
        this.graphVersion++;
        this.identityVersion++;
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

  private indexName(task: Task): void {
    if (!task.projectDir) return;
    const key = `${task.projectDir}\u0000${task.data.name}`;
    const same = this.tasksByName.get(key);
    if (!same) return void this.tasksByName.set(key, [task]);
    same.push(task);
    this.duplicateNames.add(key);
  }

  private unindexName(task: Task): void {
    if (!task.projectDir) return;
    const key = `${task.projectDir}\u0000${task.data.name}`;
    const rest = (this.tasksByName.get(key) ?? []).filter((t) => t !== task);
    if (rest.length === 0) this.tasksByName.delete(key);
    else this.tasksByName.set(key, rest);
    if (rest.length < 2) this.duplicateNames.delete(key);
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
      this.unindexName(task);
      this.place(task);
      this.indexName(task);
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
    this.mergedCache = undefined;
    this.dirtyFiles.clear();
    this.dependentsCache = undefined;
    this.treeCache.clear();
  }

  /**
   * One task edited in place (same file, id, name and dependencies): only its own problems can have
   * changed, and its folder still holds it at the same place.
   */
  private invalidateTask(before: Task, after: Task): void {
    this.dependentsCache = undefined;
    if (this.mergedCache) this.dirtyFiles.add(after.file);
    const tree = after.projectDir ? this.treeCache.get(after.projectDir) : undefined;
    if (!tree) return;
    const node = findFolder(tree, after.folder);
    const at = node ? node.tasks.indexOf(before) : -1;
    if (node && at >= 0) node.tasks[at] = after;
    else this.treeCache.delete(after.projectDir!);
  }

  /** Problems of one file: its parse, its own checks, and its share of the cycle and duplicate checks. */
  private fileDiagnostics(file: string, stamp: string, textOf: (file: string) => string): Diagnostic[] {
    const list = [...(this.parseDiagnostics.get(file) ?? [])];
    const task = this.tasksByFile.get(file);
    if (task) list.push(...this.ownChecks(task, stamp, textOf));
    list.push(...(this.cycleChecks?.problems.get(file) ?? []), ...(this.duplicateChecks?.problems.get(file) ?? []));
    return list;
  }

  /** What a task's own checks depend on besides its file: the projects and the set of ids. */
  private checksStamp(): string {
    return `${this.projectsVersion}/${this.idsVersion}`;
  }

  /** A task's own checks, cached until its file or `checksStamp()` changes. */
  private ownChecks(task: Task, stamp: string, textOf: (file: string) => string): Diagnostic[] {
    let cached = this.taskChecks.get(task.file);
    if (cached?.stamp !== stamp) {
      const sink = new ProblemSink(textOf);
      checkTask(task, task.projectDir ? this.projectsByDir.get(task.projectDir) : undefined, this.tasksById, sink);
      cached = { stamp, problems: sink.byFile.get(task.file) ?? [] };
      this.taskChecks.set(task.file, cached);
    }
    return cached.problems;
  }
}

function wholeFileProblem(file: string, severity: Diagnostic['severity'], code: string, message: string): Diagnostic {
  return { file, line: 1, column: 1, severity, code, message };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What duplicate checks look at: where a task is, what it is called, which id it has. */
function identity(task: Task): string {
  return `${task.data.id}\u0000${task.data.name}\u0000${task.projectDir ?? ''}\u0000${task.file}`;
}

/** A task as a node of the same-cycle dependency graph. */
/** What the graph's checks read of a task: its id, its dependencies, and whether it runs several times a day. */
function dependencySignature(task: Task): string {
  const multi = isMultiCycle(task.data.schedule.cycle);
  return `${task.data.id}|${multi}|${task.data.dependencies.map((d) => `${d.task}/${d.cycle}/${d.policy ?? ''}/${d.daysBack ?? ''}`).join(',')}`;
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

/**
 * Replaces the strings that repeat across tasks (owners, type, status, the schedule's words and times,
 * tags, upstream ids) by the index's one copy of each: each parse made its own. Only those fields, not
 * a walk of everything: indexing pays for this on every file.
 */
function internStrings(data: TaskFile, strings: Map<string, string>): void {
  const record = data as unknown as Record<string, unknown>;
  for (const key of INTERNED_KEYS) {
    const value = record[key];
    if (typeof value === 'string') record[key] = internOne(value, strings);
  }
  const schedule = data.schedule as unknown as Record<string, unknown>;
  for (const key of INTERNED_SCHEDULE_KEYS) {
    const value = schedule[key];
    if (typeof value === 'string') schedule[key] = internOne(value, strings);
  }
  for (let i = 0; i < data.tags.length; i++) data.tags[i] = internOne(data.tags[i]!, strings);
  for (const dependency of data.dependencies) {
    dependency.task = internOne(dependency.task, strings);
    if (typeof dependency.cycle === 'string') (dependency as { cycle: string }).cycle = internOne(dependency.cycle, strings);
  }
}

const INTERNED_KEYS = ['type', 'owner', 'opsOwner', 'status', 'lastSubmission', 'createdAt', 'updatedAt'] as const;
const INTERNED_SCHEDULE_KEYS = ['method', 'cycle', 'start', 'end', 'time', 'crossCycle'] as const;

function internOne(text: string, strings: Map<string, string>): string {
  const known = strings.get(text);
  if (known !== undefined) return known;
  strings.set(text, text);
  return text;
}
