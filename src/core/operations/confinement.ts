import { lstatSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * A path the core was about to write, move or delete lies outside where it may: its project, or the
 * workspace's `.nightshift/`. Raised before any I/O; the message names where the path came from.
 */
export class ConfinementError extends Error {}

/**
 * The path with symbolic links resolved as far as it exists: the deepest existing ancestor's real path
 * plus the rest. A link inside a project that points outside must not carry a write out with it.
 */
function realish(path: string): string {
  const absolute = resolve(path);
  let existing = absolute;
  const rest: string[] = [];
  for (;;) {
    try {
      // The native call: one realpath(3) instead of Node's lstat of every component.
      return resolve(realpathSync.native(existing), ...rest.reverse());
    } catch {
      // A link whose target does not exist (yet) could be made to lead anywhere: never inside.
      if (isLink(existing)) return DANGLING;
      const parent = dirname(existing);
      if (parent === existing) return absolute;
      rest.push(basename(existing));
      existing = parent;
    }
  }
}

const DANGLING = '\0a dangling link';

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * `realish` of a folder, memoized in `realDirs` when given, but only for a folder that exists as a
 * folder (not a link): what does not exist yet may be made a link by the very next write of a revert
 * or recovery (a moved code file that is a link), and a path below it would then lead out; a real
 * folder stays one, since no change of a batch replaces a folder.
 */
function realDirOf(dir: string, realDirs: Map<string, string> | undefined): string {
  let real = realDirs?.get(dir);
  if (real === undefined) {
    const folder = realDirs !== undefined && isRealFolder(dir);
    // A real folder's real path is its folder's plus its name: one lstat a level (the levels above
    // shared by its siblings) instead of a realpath(3) of every component from the root.
    const parent = dirname(dir);
    const realParent = folder && parent !== dir && dir === resolve(dir) ? realDirOf(parent, realDirs) : undefined;
    real = realParent !== undefined && realParent !== DANGLING ? resolve(realParent, basename(dir)) : realish(dir);
    if (folder) realDirs!.set(dir, real);
  }
  return real;
}

function isRealFolder(path: string): boolean {
  try {
    const stat = lstatSync(path);
    return stat.isDirectory() && !stat.isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * `realish` of a path whose folder's real path is memoized: one lstat of the path itself instead of a
 * realpath(3) that reads every component again. A batch over 10,000 tasks in a few hundred folders
 * asks this of every task; each existing folder is resolved once (see realDirOf).
 */
function realishBelowMemo(path: string, realDirs: Map<string, string>): string {
  const absolute = resolve(path);
  const parent = dirname(absolute);
  if (parent === absolute) return realish(absolute);
  try {
    if (lstatSync(absolute).isSymbolicLink()) return realish(absolute);
  } catch (error) {
    // Not there (yet): where it would be is its folder's real path plus its name, as realish says.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return realish(absolute);
  }
  const realParent = realDirOf(parent, realDirs);
  return realParent === DANGLING ? DANGLING : resolve(realParent, basename(absolute));
}

/**
 * Whether `path` is `dir` or below it, links resolved. `realDirs` memoizes the real paths of the
 * folders asked about (the projects, and the folders of the paths asked about), which one batch asks
 * about for every task.
 */
export function isInside(path: string, dir: string, realDirs?: Map<string, string>): boolean {
  const realDir = realDirOf(dir, realDirs);
  return realInside(realDirs ? realishBelowMemo(path, realDirs) : realish(path), realDir);
}

/** Whether real path `real` is `realDir` or below it; a dangling link on either side is never inside. */
function realInside(real: string, realDir: string): boolean {
  if (real === DANGLING || realDir === DANGLING) return false;
  const rel = relative(realDir, real);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * Whether folder `dir`, links resolved, is `root` or below it, and whether that answer holds for every
 * file in it that is not itself a link (`dir` is a real folder, memoized in `realDirs`): a batch asks it
 * once per folder instead of once per task.
 */
export function folderInside(dir: string, root: string, realDirs: Map<string, string>): { inside: boolean; settled: boolean } {
  const realRoot = realDirOf(root, realDirs);
  return { inside: realInside(realDirOf(dir, realDirs), realRoot), settled: realDirs.has(dir) };
}

/** `path` unchanged when it lies strictly below one of `roots`; otherwise a ConfinementError naming `source`. */
export function confined(path: string, roots: readonly string[], source: string): string {
  const absolute = resolve(path);
  if (roots.some((root) => absolute !== resolve(root) && isInside(absolute, root))) return absolute;
  throw new ConfinementError(`${source}: ${path} lies outside ${roots.length === 1 ? roots[0] : `every one of ${roots.join(', ')}`}; refused`);
}
