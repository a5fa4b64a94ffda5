import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readThroughCache } from '../../src/core/workspace/cachedFileRead';
import { IndexCacheSession, indexCacheFile, loadWorkspaceCached } from '../../src/core/workspace/indexCache';
import { fileStatOf } from '../../src/core/workspace/workspaceScan';
import { findIndexedFiles } from '../../src/core/workspace/workspaceWalk';
import { toPosixPath } from '../../src/core/workspace/paths';
import { copyOfSamples } from './fixtures';

/** The read the command line's warm open and the window's indexing pass share. */
describe('reading a file through the index cache', function () {
  this.timeout(60_000);
  let root: string;
  let cacheDir: string;
  beforeEach(() => {
    root = copyOfSamples();
    const hourAgo = new Date(Date.now() - 3_600_000);
    for (const f of findIndexedFiles(root)) utimesSync(f, hourAgo, hourAgo);
    cacheDir = mkdtempSync(join(tmpdir(), 'nightshift-cache-'));
    loadWorkspaceCached(root, cacheDir);
  });
  afterEach(() => rmSync(cacheDir, { recursive: true, force: true }));
  const session = () => new IndexCacheSession(indexCacheFile(cacheDir, root), toPosixPath(root), {});

  it('a file the cache vouches for comes from it; a changed one from the disk, with its size and mtime', () => {
    const [file] = findIndexedFiles(root).filter((f) => f.endsWith('.task.yaml'));
    const stat = fileStatOf(statSync(file!));
    const cached = readThroughCache(file!, file!, session(), stat);
    assert.ok(cached && 'text' in cached);
    // What the cache gives is its own text, not the file's: a file rewritten with the same size and
    // mtime is (as documented) trusted, which tells the two apart here.
    const reference = `${cacheDir}/reference`;
    execFileSync('touch', ['-r', file!, reference]);
    writeFileSync(file!, cached.text.replace('type:', 'tipe:'));
    execFileSync('touch', ['-r', reference, file!]);
    assert.deepEqual(readThroughCache(file!, file!, session(), fileStatOf(statSync(file!))), { text: cached.text, size: stat.size, mtimeMs: stat.mtimeMs });
    writeFileSync(file!, `${cached.text}# changed\n`);
    const changed = readThroughCache(file!, file!, session());
    assert.ok(changed && 'text' in changed && changed.text.endsWith('# changed\n') && changed.size === stat.size + 10);
  });

  it('a file gone since the walk found it is left out, not reported', () => {
    const [file] = findIndexedFiles(root).filter((f) => f.endsWith('.task.yaml'));
    const stat = fileStatOf(statSync(file!));
    rmSync(file!);
    // With the walk's stat, a file the cache vouches for is as the walk saw it (it is never read).
    assert.ok('text' in readThroughCache(file!, file!, session(), stat)!);
    assert.equal(readThroughCache(file!, file!, session()), undefined);
    assert.equal(readThroughCache(file!, file!, session(), { ...stat, size: stat.size + 1 }), undefined);
    assert.equal(readThroughCache(file!, file!, undefined), undefined);
    const warm = loadWorkspaceCached(root, cacheDir);
    assert.equal(warm.index.taskByFile(file!), undefined);
    assert.equal(warm.index.diagnostics().get(file!), undefined);
  });
});
