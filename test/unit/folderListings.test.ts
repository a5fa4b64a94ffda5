import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { folderListings, type FolderListing } from '../../src/core/workspace/folderListings';
import { indexCacheFile, IndexCacheSession, loadWorkspaceCached } from '../../src/core/workspace/indexCache';
import { findIndexedFiles } from '../../src/core/workspace/workspaceWalk';
import { PROJECT_YAML, task, writeFiles } from './fixtures';

/** Every folder below `dir` (and it) dated an hour back, as a workspace checked out a while ago. */
function ageFolders(dir: string): void {
  const hourAgo = new Date(Date.now() - 3_600_000);
  for (const entry of readdirSync(dir, { withFileTypes: true })) if (entry.isDirectory()) ageFolders(join(dir, entry.name));
  utimesSync(dir, hourAgo, hourAgo);
}

function workspace(): string {
  const root = mkdtempSync(join(tmpdir(), 'nightshift-listings-'));
  writeFiles(root, {
    'p/nightshift.yaml': PROJECT_YAML,
    'p/tasks/a/one.task.yaml': task('1', 'one'),
    'p/tasks/a/two.task.yaml': task('2', 'two'),
    'p/tasks/b/three.task.yaml': task('3', 'three'),
    'p/tasks/b/deep/four.task.yaml': task('4', 'four'),
    'p/tasks/.hidden/no.task.yaml': task('5', 'no'),
    'other/x.task.yaml': task('6', 'x'),
  });
  return root;
}

/** A walk that trusts the last one's listings (all of them old enough), next to a walk that lists everything. */
function walkTrusting(root: string, known: ReadonlyMap<string, FolderListing> | undefined): { files: string[]; fresh: string[]; listed: number; found: Map<string, FolderListing> } {
  const listings = folderListings(known, Date.now() + 60_000);
  const files = findIndexedFiles(root, undefined, undefined, listings).map((f) => relative(root, f));
  return { files, fresh: findIndexedFiles(root).map((f) => relative(root, f)), listed: listings.listed, found: listings.found };
}

describe('a warm walk lists only the folders that changed', () => {
  it('finds what a full walk finds after each kind of change, listing only the changed folders again', () => {
    const root = workspace();
    let last = walkTrusting(root, undefined);
    assert.deepEqual(last.files, last.fresh);
    const folders = last.found.size;
    assert.equal(last.listed, folders, 'the first walk lists every folder');
    const step = (what: string, change: () => void, listedAtMost: number) => {
      change();
      const next = walkTrusting(root, last.found);
      assert.deepEqual(next.files, next.fresh, what);
      assert.ok(next.listed <= listedAtMost, `${what}: listed ${next.listed} folders, at most ${listedAtMost} changed`);
      last = next;
    };
    step('nothing changed', () => undefined, 0);
    step('a file added to a folder', () => writeFileSync(join(root, 'p/tasks/a/new.task.yaml'), task('7', 'new')), 1);
    step('a folder added, with a task in it', () => writeFiles(root, { 'p/tasks/b/deep/deeper/five.task.yaml': task('8', 'five') }), 2);
    step('a file removed', () => rmSync(join(root, 'p/tasks/a/two.task.yaml')), 1);
    step('a folder renamed', () => renameSync(join(root, 'p/tasks/b/deep'), join(root, 'p/tasks/b/moved')), 3);
    step('a folder removed', () => rmSync(join(root, 'p/tasks/b/moved'), { recursive: true }), 1);
    step('a folder replaced by a link (never followed)', () => {
      rmSync(join(root, 'p/tasks/a'), { recursive: true });
      symlinkSync(join(root, 'other'), join(root, 'p/tasks/a'));
    }, 1);
    step('a hidden folder filled', () => writeFileSync(join(root, 'p/tasks/.hidden/more.task.yaml'), task('9', 'more')), 0);
  });

  it('a folder whose mtime was set back after a change (tar, rsync) is listed again: its ctime moved', () => {
    const root = workspace();
    const folder = join(root, 'p/tasks/b');
    ageFolders(root);
    const first = walkTrusting(root, undefined);
    const { mtime } = statSync(folder);
    writeFileSync(join(folder, 'sneaked.task.yaml'), task('7', 'sneaked'));
    utimesSync(folder, mtime, mtime);
    assert.equal(statSync(folder).mtimeMs, first.found.get(folder.replace(/\\/g, '/'))!.mtimeMs, 'the mtime is as kept');
    const next = walkTrusting(root, first.found);
    assert.ok(next.files.includes(join('p/tasks/b/sneaked.task.yaml')), next.files.join(', '));
    assert.deepEqual(next.files, next.fresh);
  });

  it('a folder changed within the racy window before the listings were kept is listed again', () => {
    const root = workspace();
    const listings = folderListings(undefined, 0);
    findIndexedFiles(root, undefined, undefined, listings);
    // Kept with a cache written just now: every folder changed within 2 s of it, none trusted.
    const again = folderListings(listings.found, Date.now() - 2000);
    findIndexedFiles(root, undefined, undefined, again);
    assert.equal(again.listed, listings.found.size);
  });

  it('the index cache keeps the listings, and a new task in an old folder is found on a warm open', () => {
    const root = workspace();
    ageFolders(root);
    const hourAgo = new Date(Date.now() - 3_600_000);
    for (const f of findIndexedFiles(root)) utimesSync(f, hourAgo, hourAgo);
    const dir = mkdtempSync(join(tmpdir(), 'nightshift-cache-'));
    const tasks = loadWorkspaceCached(root, dir).index.taskCount();
    const session = new IndexCacheSession(indexCacheFile(dir, root), root.replace(/\\/g, '/'));
    const listings = session.folderListings([root], []);
    assert.ok(listings.known && listings.known.size > 0, 'the cache holds the folders it was walked with');
    assert.equal(new IndexCacheSession(indexCacheFile(dir, root), root.replace(/\\/g, '/')).folderListings([root], ['**/b']).known, undefined, 'other exclude globs: not used');
    mkdirSync(join(root, 'p/tasks/a/later'));
    writeFileSync(join(root, 'p/tasks/a/later/six.task.yaml'), task('10', 'six'));
    const warm = loadWorkspaceCached(root, dir);
    assert.equal(warm.index.taskCount(), tasks + 1);
    assert.equal(warm.cached, tasks, 'the others from the cache');
    assert.ok(warm.index.taskByFile(join(root, 'p/tasks/a/later/six.task.yaml')));
  });
});
