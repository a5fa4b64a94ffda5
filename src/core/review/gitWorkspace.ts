import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileKind } from '../workspace/fileKinds';
import { isIndexedPath } from '../workspace/taskFolderRule';
import { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { ParsedFileSource } from '../workspace/parsedFileSource';

export class RevisionError extends Error {}

function git(cwd: string, args: string[], input?: string): Buffer {
  return execFileSync('git', args, { cwd, input, maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'pipe'] });
}

/**
 * The workspace as it is at a Git revision, read from Git's objects without a checkout: the project
 * and task files under the workspace folder at `rev`, indexed at the paths they would have on disk
 * (so tasks compare by id, and problems name real paths). One `git cat-file --batch` reads them all.
 * `into`: an index to add them to (each folder of a multi-root workspace, at the same revision).
 * `reuse`: the workspace as it is now, whose parse of a file the revision holds unchanged is taken
 * as it is (most files, in a review), so a diff parses only what changed.
 */
export function loadWorkspaceAtRevision(dir: string, rev: string, into = new WorkspaceIndex(), reuse?: ParsedFileSource): { index: WorkspaceIndex; commit: string } {
  const root = resolve(dir);
  let commit: string;
  let prefix: string;
  try {
    commit = git(root, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]).toString().trim();
    prefix = git(root, ['rev-parse', '--show-prefix']).toString().trim();
  } catch {
    throw new RevisionError(`"${rev}" is not a revision of the Git repository at ${root}`);
  }
  const listing = git(root, ['ls-tree', '-r', '-z', '--full-tree', commit, '--', prefix || '.']).toString();
  const entries: { path: string; sha: string }[] = [];
  for (const line of listing.split('\0')) {
    if (!line) continue;
    const tab = line.indexOf('\t');
    const [, type, sha] = line.slice(0, tab).split(' ');
    const repoPath = line.slice(tab + 1);
    if (type !== 'blob' || !repoPath.startsWith(prefix)) continue;
    const rel = repoPath.slice(prefix.length);
    const path = join(root, rel).replace(/\\/g, '/');
    if (!fileKind(path) || fileKind(path) === 'lock' || !isIndexedPath(rel)) continue;
    entries.push({ path, sha: sha! });
  }
  const index = into;
  if (entries.length === 0) return { index, commit };
  const out = git(root, ['cat-file', '--batch'], `${entries.map((e) => e.sha).join('\n')}\n`);
  let at = 0;
  for (const entry of entries) {
    const header = out.indexOf(10, at);
    const size = Number(out.subarray(at, header).toString().split(' ')[2]);
    index.setFile(entry.path, out.subarray(header + 1, header + 1 + size).toString('utf8'), reuse);
    at = header + 1 + size + 1;
  }
  return { index, commit };
}
