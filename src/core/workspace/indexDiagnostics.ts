import type { Diagnostic } from '../model/diagnostic';
import { checkCycles, checkDuplicates, checkPolicyWindows, checkProjectGlobals, checkTask, ProblemSink } from './workspaceChecks';
import type { Project, Task } from './workspaceModel';

/** What the checks read of the index. */
export interface DiagnosticsSource {
  readonly parseDiagnostics: ReadonlyMap<string, readonly Diagnostic[]>;
  readonly tasksByFile: ReadonlyMap<string, Task>;
  readonly tasksById: Map<string, Task[]>;
  readonly projectsByDir: ReadonlyMap<string, Project>;
  /** The groups of tasks of one project that share a name. */
  sameNames(): Task[][];
  textOf(file: string): string;
}

/**
 * The index's problems, parse and cross-file, computed incrementally: a task's own checks are redone
 * when its file, the projects or the set of ids change; cycle and policy checks when the dependency
 * graph changes; duplicate checks when an identity (id, name, place) changes. The store bumps the
 * versions as files come and go; after in-place edits only the edited files' entries are redone.
 */
export class IndexDiagnostics {
  readonly versions = { projects: 0, ids: 0, graph: 0, identity: 0 };
  private merged?: Map<string, Diagnostic[]>;
  /** Files edited in place since `merged` was built. */
  private readonly dirty = new Set<string>();
  private readonly taskChecks = new Map<string, { stamp: string; problems: Diagnostic[] }>();
  private cycleChecks?: { version: string; problems: Map<string, Diagnostic[]> };
  private duplicateChecks?: { stamp: string; problems: Map<string, Diagnostic[]> };

  constructor(private readonly index: DiagnosticsSource) {}

  /** A task file's own checks are stale (it changed or went). */
  forgetTask(file: string): void {
    this.taskChecks.delete(file);
  }

  /** Anything may have changed: the next `all()` merges everything again (from what is still current). */
  invalidate(): void {
    this.merged = undefined;
    if (this.dirty.size) this.dirty.clear();
  }

  /** One task edited in place: only its own entry needs redoing. */
  edited(file: string): void {
    if (this.merged) this.dirty.add(file);
  }

  /** Every problem of every file, parse and cross-file alike, by file. */
  all(): ReadonlyMap<string, readonly Diagnostic[]> {
    if (this.merged) {
      const stamp = this.checksStamp();
      for (const file of this.dirty) {
        const list = this.fileDiagnostics(file, stamp);
        if (list.length) this.merged.set(file, list);
        else this.merged.delete(file);
      }
      this.dirty.clear();
      return this.merged;
    }
    const all = new Map<string, Diagnostic[]>();
    const add = (file: string, list: readonly Diagnostic[]) => {
      if (list.length === 0) return;
      const existing = all.get(file);
      if (existing) existing.push(...list);
      else all.set(file, [...list]);
    };
    for (const [file, list] of this.index.parseDiagnostics) add(file, list);
    const stamp = this.checksStamp();
    for (const task of this.index.tasksByFile.values()) add(task.file, this.ownChecks(task, stamp));
    for (const [file, list] of this.graphChecks()) add(file, list);
    for (const [file, list] of this.identityChecks()) add(file, list);
    this.merged = all;
    return all;
  }

  /** The graph's checks: cycles, and Dataphin policies, which depend on the upstream's cycle too. */
  private graphChecks(): Map<string, Diagnostic[]> {
    const version = `${this.versions.graph}/${this.versions.projects}`;
    if (this.cycleChecks?.version !== version) {
      const sink = new ProblemSink((file) => this.index.textOf(file));
      const { tasksById, projectsByDir } = this.index;
      checkCycles(tasksById, sink);
      checkPolicyWindows(tasksById, (t) => !!t.projectDir && projectsByDir.get(t.projectDir)?.config.scheduler === 'dataphin', sink);
      this.cycleChecks = { version, problems: sink.byFile };
    }
    return this.cycleChecks.problems;
  }

  /** Duplicate project names, task ids and names in a project, and the projects' globals. */
  private identityChecks(): Map<string, Diagnostic[]> {
    const stamp = `${this.versions.projects}/${this.versions.identity}`;
    if (this.duplicateChecks?.stamp !== stamp) {
      const sink = new ProblemSink((file) => this.index.textOf(file));
      const projects = [...this.index.projectsByDir.values()];
      checkDuplicates(projects, this.index.sameNames(), this.index.tasksById, sink);
      for (const project of projects) checkProjectGlobals(project, sink);
      this.duplicateChecks = { stamp, problems: sink.byFile };
    }
    return this.duplicateChecks.problems;
  }

  /** Problems of one file: its parse, its own checks, and its share of the cycle and duplicate checks. */
  private fileDiagnostics(file: string, stamp: string): Diagnostic[] {
    const list = [...(this.index.parseDiagnostics.get(file) ?? [])];
    const task = this.index.tasksByFile.get(file);
    if (task) list.push(...this.ownChecks(task, stamp));
    list.push(...(this.cycleChecks?.problems.get(file) ?? []), ...(this.duplicateChecks?.problems.get(file) ?? []));
    return list;
  }

  /** What a task's own checks depend on besides its file: the projects and the set of ids. */
  private checksStamp(): string {
    return `${this.versions.projects}/${this.versions.ids}`;
  }

  /** A task's own checks, cached until its file or `checksStamp()` changes. */
  private ownChecks(task: Task, stamp: string): Diagnostic[] {
    let cached = this.taskChecks.get(task.file);
    if (cached?.stamp !== stamp) {
      const sink = new ProblemSink((file) => this.index.textOf(file));
      checkTask(task, task.projectDir ? this.index.projectsByDir.get(task.projectDir) : undefined, this.index.tasksById, sink);
      cached = { stamp, problems: sink.byFile.get(task.file) ?? [] };
      this.taskChecks.set(task.file, cached);
    }
    return cached.problems;
  }
}
