import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileKind } from './fileKinds';
import { toPosixPath } from './paths';
import { WorkspaceIndex, type IndexOptions } from './workspaceIndex';

const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out']);

/** Paths of every file under `root` that the index reads, skipping VCS and dependency folders. */
export function findIndexedFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (SKIPPED_DIRS.has(entry.name) || (entry.name.startsWith('.') && entry.name !== '.nightshift' && entry.name !== 'locks')) continue;
        walk(path);
      } else if (entry.isFile() && fileKind(toPosixPath(path))) {
        found.push(path);
      }
    }
  };
  walk(resolve(root));
  return found.sort();
}

/** Reads a workspace folder from disk into a new index (the CLI's and the benchmarks' way in). */
export function loadWorkspace(root: string, options: IndexOptions = {}): WorkspaceIndex {
  const index = new WorkspaceIndex(options);
  for (const file of findIndexedFiles(root)) index.setFile(file, readFileSync(file, 'utf8'));
  return index;
}
