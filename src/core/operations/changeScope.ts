import { basename, dirname, relative, resolve, sep } from 'node:path';
import { PROJECT_FILE_NAME, TASK_FILE_SUFFIX } from '../model/fileNames';
import type { FileChange } from './batchRecords';
import { ConfinementError, folderInside, isInside } from './confinement';

/** Where a batch's changes may write: the workspace's projects, and a shared lock folder if one is set. */
export interface ChangeScope {
  projectDirs: readonly string[];
  sharedLockDir?: string;
  /** Real paths of the folders above, as first resolved for this scope. */
  realDirs?: Map<string, string>;
  /** The project folders resolved once, deepest first (a batch checks every path against them). */
  resolved?: { dir: string; absolute: string }[];
  /** What each real folder says of the task files in it (see taskFolderOf). */
  taskFolders?: Map<string, TaskFolder>;
}

/** A folder's part of the task-file rule: the project it lies in (links resolved), and whether it is hidden. */
interface TaskFolder {
  project: string | undefined;
  hidden: boolean;
}

export function scopeOf(index: { projects(): readonly { dir: string }[] }, locks: { sharedFolder?: string | undefined }): ChangeScope {
  return { projectDirs: index.projects().map((p) => p.dir), ...(locks.sharedFolder ? { sharedLockDir: locks.sharedFolder } : {}), realDirs: new Map() };
}

/**
 * The project a path lies in: the one it names (the deepest project folder above it), and only if,
 * links resolved, it is still inside that project. A link from one project into another, or out of
 * the workspace, gives no project.
 */
function projectOf(path: string, scope: ChangeScope): string | undefined {
  const absolute = resolve(path);
  const named = projectNaming(absolute, scope, false);
  return named !== undefined && isInside(absolute, named, scope.realDirs) ? named : undefined;
}

/** The deepest project folder strictly above `absolute` (or, with `orItself`, that is it), links not resolved. */
function projectNaming(absolute: string, scope: ChangeScope, orItself: boolean): string | undefined {
  scope.resolved ??= scope.projectDirs.map((dir) => ({ dir, absolute: resolve(dir) })).sort((a, b) => b.absolute.length - a.absolute.length);
  // The first in that order is the deepest.
  return scope.resolved.find((p) => absolute.startsWith(p.absolute + sep) || (orItself && absolute === p.absolute))?.dir;
}

/** The path's folders below its project, for the rule that none of them is hidden (`.git`, `.nightshift`). */
function segmentsBelow(path: string, projectDir: string): string[] {
  return relative(resolve(projectDir), resolve(path)).split(sep);
}

function taskFileProblem(path: string, scope: ChangeScope): string | undefined {
  const absolute = resolve(path);
  const folder = taskFolderOf(dirname(absolute), scope);
  // The folder's answer holds for every file in it: a task file that is a link is refused where it is
  // read, right before it is written (readTaskFileIfExists), with no window in between.
  const project = folder ? folder.project : projectOf(absolute, scope);
  if (!project) return `${path} is not inside a project of this workspace`;
  const name = basename(absolute);
  if (!name.endsWith(TASK_FILE_SUFFIX)) return `${path} is not a task file (*${TASK_FILE_SUFFIX})`;
  if (folder ? folder.hidden || name.startsWith('.') : segmentsBelow(path, project).some((s) => s.startsWith('.'))) return `${path} is in a hidden folder`;
  return undefined;
}

/**
 * What a folder says of every task file in it, worked out once per scope: a batch over 10,000 tasks in
 * a few hundred folders asks this of every task. Only a real folder's answer is kept (the rule of
 * realDirOf); undefined without the scope's memo, or for a folder that is not one: the caller then
 * checks the path whole.
 */
function taskFolderOf(dir: string, scope: ChangeScope): TaskFolder | undefined {
  if (!scope.realDirs) return undefined;
  scope.taskFolders ??= new Map();
  const known = scope.taskFolders.get(dir);
  if (known) return known;
  const named = projectNaming(dir, scope, true);
  if (named === undefined) return { project: undefined, hidden: false };
  const { inside, settled } = folderInside(dir, named, scope.realDirs);
  if (!settled) return undefined;
  const folder = { project: inside ? named : undefined, hidden: segmentsBelow(dir, named).some((s) => s.startsWith('.')) };
  scope.taskFolders.set(dir, folder);
  return folder;
}

/** A code file: inside its task's folder (the `code:` rule), never a task, project or hidden file. */
function codeFileProblem(path: string, taskFile: string | undefined, scope: ChangeScope): string | undefined {
  const project = projectOf(path, scope);
  if (!project) return `${path} is not inside a project of this workspace`;
  const name = basename(path);
  if (name.endsWith(TASK_FILE_SUFFIX) || name === PROJECT_FILE_NAME) return `${path} is a task or project file, not a code file`;
  if (segmentsBelow(path, project).some((s) => s.startsWith('.'))) return `${path} is hidden or in a hidden folder`;
  if (taskFile !== undefined && !isInside(path, dirname(taskFile), scope.realDirs)) return `${path} is not in its task's folder`;
  return undefined;
}

function lockFileProblem(path: string, scope: ChangeScope): string | undefined {
  const dir = resolve(dirname(path));
  if (!path.endsWith('.lock')) return `${path} is not a lock file`;
  const project = scope.projectDirs.find((p) => dir === resolve(p, '.nightshift', 'locks'));
  // A project's lock folder must really be in the project (not a link out); a shared one is where the team set it.
  const allowed = project !== undefined ? isInside(path, project, scope.realDirs) : scope.sharedLockDir !== undefined && dir === resolve(scope.sharedLockDir);
  return allowed ? undefined : `${path} is not in a lock folder of this workspace`;
}

/**
 * Checks every path of a change before any I/O: task files inside the workspace's projects (links
 * resolved, and in the project they name), code files in their task's folder and never a task,
 * project or hidden file, lock files in a lock folder, pending lists of those projects. A record is a
 * file in the repository that anyone may edit; what it names is never followed outside. Throws a
 * ConfinementError naming the record's field.
 */
export function checkChangeScope(c: FileChange, scope: ChangeScope, source: string): void {
  check(source, 'before', c.before, (p) => taskFileProblem(p, scope));
  // An edit in place names one path twice: checked once (links resolved) is enough.
  if (c.after !== c.before) check(source, 'after', c.after, (p) => taskFileProblem(p, scope));
  // A record's `code` may be anything (null included): only its paths are checked.
  if (c.code !== undefined) {
    check(source, 'code.from', c.code?.from, (p) => codeFileProblem(p, c.before, scope));
    check(source, 'code.to', c.code?.to, (p) => codeFileProblem(p, c.after ?? c.before, scope));
  }
  check(source, 'lock', c.lock, (p) => lockFileProblem(p, scope));
  if (c.pending) {
    const project = scope.projectDirs.find((p) => resolve(p) === resolve(c.pending!.projectDir));
    if (!project || !isInside(pendingListPath(project), project, scope.realDirs)) {
      throw new ConfinementError(`${source}: pending.projectDir: ${c.pending.projectDir} is not a project of this workspace, or its .nightshift/ leads out of it; refused`);
    }
  }
}

/** One field's path, if the record has it: refused when it is not a path or `problem` finds one. */
function check(source: string, field: string, path: unknown, problem: (path: string) => string | undefined): void {
  if (path === undefined) return;
  if (typeof path !== 'string' || path.includes('\0')) throw new ConfinementError(`${source}: ${field} is not a path; refused`);
  const found = problem(path);
  if (found) throw new ConfinementError(`${source}: ${field}: ${found}; refused`);
}

function pendingListPath(projectDir: string): string {
  return resolve(projectDir, '.nightshift', 'pending-publish.yaml');
}

/** Every path a change would write, for a revert's preview. */
export function changePaths(c: FileChange): string[] {
  const paths = [c.before, c.after, c.code?.from, c.code?.to, c.lock].filter((p): p is string => typeof p === 'string');
  if (c.pending) paths.push(pendingListPath(c.pending.projectDir));
  return [...new Set(paths)];
}
