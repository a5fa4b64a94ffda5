import { basename, dirname, relative, resolve, sep } from 'node:path';
import { PROJECT_FILE_NAME, TASK_FILE_SUFFIX } from '../model/fileNames';
import type { FileChange } from './batchRecords';
import { ConfinementError, isInside } from './confinement';

/** Where a batch's changes may write: the workspace's projects, and a shared lock folder if one is set. */
export interface ChangeScope {
  projectDirs: readonly string[];
  sharedLockDir?: string;
  /** Real paths of the folders above, as first resolved for this scope. */
  realDirs?: Map<string, string>;
  /** The project folders resolved once, deepest first (a batch checks every path against them). */
  resolved?: { dir: string; absolute: string }[];
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
  scope.resolved ??= scope.projectDirs.map((dir) => ({ dir, absolute: resolve(dir) })).sort((a, b) => b.absolute.length - a.absolute.length);
  // The deepest project folder above it: the first in that order.
  const named = scope.resolved.find((p) => absolute.startsWith(p.absolute + sep))?.dir;
  return named !== undefined && isInside(absolute, named, scope.realDirs) ? named : undefined;
}

/** The path's folders below its project, for the rule that none of them is hidden (`.git`, `.nightshift`). */
function segmentsBelow(path: string, projectDir: string): string[] {
  return relative(resolve(projectDir), resolve(path)).split(sep);
}

function taskFileProblem(path: string, scope: ChangeScope): string | undefined {
  const project = projectOf(path, scope);
  if (!project) return `${path} is not inside a project of this workspace`;
  if (!basename(path).endsWith(TASK_FILE_SUFFIX)) return `${path} is not a task file (*${TASK_FILE_SUFFIX})`;
  if (segmentsBelow(path, project).some((s) => s.startsWith('.'))) return `${path} is in a hidden folder`;
  return undefined;
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
  const problems = [
    ['before', c.before, (p: string) => taskFileProblem(p, scope)],
    ['after', c.after, (p: string) => taskFileProblem(p, scope)],
    ['code.from', c.code?.from, (p: string) => codeFileProblem(p, c.before, scope)],
    ['code.to', c.code?.to, (p: string) => codeFileProblem(p, c.after ?? c.before, scope)],
    ['lock', c.lock, (p: string) => lockFileProblem(p, scope)],
  ] as const;
  for (const [field, path, check] of problems) {
    if (path === undefined) continue;
    // An edit in place names one path twice: checked once (links resolved) is enough.
    if (field === 'after' && path === c.before) continue;
    if (typeof path !== 'string' || path.includes('\0')) throw new ConfinementError(`${source}: ${field} is not a path; refused`);
    const problem = check(path);
    if (problem) throw new ConfinementError(`${source}: ${field}: ${problem}; refused`);
  }
  if (c.pending) {
    const project = scope.projectDirs.find((p) => resolve(p) === resolve(c.pending!.projectDir));
    if (!project || !isInside(pendingListPath(project), project, scope.realDirs)) {
      throw new ConfinementError(`${source}: pending.projectDir: ${c.pending.projectDir} is not a project of this workspace, or its .nightshift/ leads out of it; refused`);
    }
  }
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
