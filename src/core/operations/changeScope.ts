import { basename, dirname, resolve, sep } from 'node:path';
import { PROJECT_FILE_NAME } from '../model/projectSchema';
import { TASK_FILE_SUFFIX } from '../model/taskSchema';
import type { FileChange } from './batchRecords';
import { ConfinementError, isInside } from './confinement';

/** Where a batch's changes may write: the workspace's projects, and a shared lock folder if one is set. */
export interface ChangeScope {
  projectDirs: readonly string[];
  sharedLockDir?: string;
  /** Real paths of the folders above, as first resolved for this scope. */
  realDirs?: Map<string, string>;
}

export function scopeOf(index: { projects(): readonly { dir: string }[] }, locks: { sharedFolder?: string | undefined }): ChangeScope {
  return { projectDirs: index.projects().map((p) => p.dir), ...(locks.sharedFolder ? { sharedLockDir: locks.sharedFolder } : {}), realDirs: new Map() };
}

function inProject(path: string, scope: ChangeScope): string | undefined {
  const absolute = resolve(path);
  // The lexical test first: most paths are plainly inside one project and need one real-path check.
  const likely = [...scope.projectDirs].sort((a, b) => Number(absolute.startsWith(resolve(b) + sep)) - Number(absolute.startsWith(resolve(a) + sep)));
  return likely.find((dir) => absolute !== resolve(dir) && isInside(absolute, dir, scope.realDirs));
}

function underNightshift(path: string, projectDir: string, scope: ChangeScope): boolean {
  return isInside(path, resolve(projectDir, '.nightshift'), scope.realDirs);
}

function taskFileProblem(path: string, scope: ChangeScope): string | undefined {
  const project = inProject(path, scope);
  if (!project) return `${path} is not inside a project of this workspace`;
  if (!basename(path).endsWith(TASK_FILE_SUFFIX)) return `${path} is not a task file (*${TASK_FILE_SUFFIX})`;
  if (underNightshift(path, project, scope)) return `${path} is inside .nightshift/`;
  return undefined;
}

function codeFileProblem(path: string, scope: ChangeScope): string | undefined {
  const project = inProject(path, scope);
  if (!project) return `${path} is not inside a project of this workspace`;
  const name = basename(path);
  if (name.endsWith(TASK_FILE_SUFFIX) || name === PROJECT_FILE_NAME) return `${path} is a task or project file, not a code file`;
  if (underNightshift(path, project, scope)) return `${path} is inside .nightshift/`;
  return undefined;
}

function lockFileProblem(path: string, scope: ChangeScope): string | undefined {
  const dir = resolve(dirname(path));
  if (!path.endsWith('.lock')) return `${path} is not a lock file`;
  const allowed = scope.projectDirs.some((p) => dir === resolve(p, '.nightshift', 'locks')) || (scope.sharedLockDir !== undefined && dir === resolve(scope.sharedLockDir));
  return allowed && isInside(path, dir, scope.realDirs) ? undefined : `${path} is not in a lock folder of this workspace`;
}

/**
 * Checks every path of a change before any I/O: task files and code files inside the workspace's
 * projects (code never a task or project file), lock files in a lock folder, pending lists of those
 * projects. A record is a file in the repository that anyone may edit; what it names is never
 * followed outside. Throws a ConfinementError naming the record's field.
 */
export function checkChangeScope(c: FileChange, scope: ChangeScope, source: string): void {
  const problems = [
    ['before', c.before, taskFileProblem],
    ['after', c.after, taskFileProblem],
    ['code.from', c.code?.from, codeFileProblem],
    ['code.to', c.code?.to, codeFileProblem],
    ['lock', c.lock, lockFileProblem],
  ] as const;
  for (const [field, path, check] of problems) {
    if (path === undefined) continue;
    if (typeof path !== 'string' || path.includes('\0')) throw new ConfinementError(`${source}: ${field} is not a path; refused`);
    const problem = check(path, scope);
    if (problem) throw new ConfinementError(`${source}: ${field}: ${problem}; refused`);
  }
  if (c.pending && !scope.projectDirs.some((p) => resolve(p) === resolve(c.pending!.projectDir))) {
    throw new ConfinementError(`${source}: pending.projectDir: ${c.pending.projectDir} is not a project of this workspace; refused`);
  }
}

/** Every path a change would write, for a revert's preview. */
export function changePaths(c: FileChange): string[] {
  const paths = [c.before, c.after, c.code?.from, c.code?.to, c.lock].filter((p): p is string => typeof p === 'string');
  if (c.pending) paths.push(`${c.pending.projectDir}${sep}.nightshift${sep}pending-publish.yaml`);
  return [...new Set(paths)];
}
