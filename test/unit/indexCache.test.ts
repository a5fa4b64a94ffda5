import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { loadWorkspace } from '../../src/core/workspace/diskWorkspace';
import { findIndexedFiles } from '../../src/core/workspace/workspaceWalk';
import { indexCacheFile, loadWorkspaceCached } from '../../src/core/workspace/indexCache';
import { WorkspaceIndex } from '../../src/core/workspace/workspaceIndex';
import { lcg } from './engineFixtures';
import { copyOfSamples, nightshift, nightshiftIn } from './fixtures';
import { cliBundle } from './testBundles';

/** What a reader of the index sees: every task's data and place, and every diagnostic. */
function snapshot(index: WorkspaceIndex): string {
  const tasks = [...index.tasks()].map((t) => ({ file: t.file, folder: t.folder, projectDir: t.projectDir, data: t.data, spans: t.spans && { keys: t.spans.keys, at: [...t.spans.at], appendAt: t.spans.appendAt, same: t.spans.text === index.textOf(t.file) } }));
  const diagnostics = [...index.diagnostics()].sort(([a], [b]) => (a < b ? -1 : 1));
  const locks = [...index.tasks()].flatMap((t) => index.lock(t.data.id) ?? []).sort((a, b) => (a.file < b.file ? -1 : 1));
  return JSON.stringify({ tasks: tasks.sort((a, b) => (a.file < b.file ? -1 : 1)), diagnostics, projects: index.projects().map((p) => p.config), locks });
}

/** Files older than the cache's racy window, so their size and mtime are trusted. */
function age(root: string): void {
  const hourAgo = new Date(Date.now() - 3_600_000);
  for (const f of findIndexedFiles(root)) utimesSync(f, hourAgo, hourAgo);
}

describe('the persistent index cache', function () {
  this.timeout(120_000);
  const cacheDir = () => mkdtempSync(join(tmpdir(), 'nightshift-cache-'));

  it('an unchanged workspace comes from the cache, every file of it, and reads exactly as without it', () => {
    const root = copyOfSamples();
    writeFileSync(join(root, 'finance_dw/tasks/broken.task.yaml'), 'id: [unclosed\n');
    age(root);
    const dir = cacheDir();
    const cold = loadWorkspaceCached(root, dir);
    assert.equal(cold.cached, 0);
    const warm = loadWorkspaceCached(root, dir);
    assert.equal(warm.parsed, 0);
    assert.equal(warm.cached, findIndexedFiles(root).filter((f) => f.endsWith('.task.yaml')).length);
    assert.equal(snapshot(warm.index), snapshot(loadWorkspace(root)));
  });

  it('a changed, added or deleted file is read again and only it is parsed; same size and mtime within 2 s of the cache is compared', () => {
    const root = copyOfSamples();
    age(root);
    const dir = cacheDir();
    loadWorkspaceCached(root, dir);
    const file = join(root, 'finance_dw/tasks/dwd/orders/dwd_payments_di.task.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('expectedMinutes: 12', 'expectedMinutes: 13'));
    writeFileSync(join(root, 'finance_dw/tasks/dwd/orders/extra.task.yaml'), 'id: "77777"\nname: extra\ntype: SQL\n');
    rmSync(join(root, 'finance_dw/tasks/dws/daily/dws_balance_daily.task.yaml'));
    const next = loadWorkspaceCached(root, dir);
    assert.equal(next.parsed, 2);
    assert.equal(next.index.task('10007')!.data.expectedMinutes, 13);
    assert.equal(snapshot(next.index), snapshot(loadWorkspace(root)));
    // The same size, the mtime put back: a write an mtime cannot tell, caught because the cache was written within 2 s of it.
    const mtime = statSync(file).mtime;
    writeFileSync(file, readFileSync(file, 'utf8').replace('expectedMinutes: 13', 'expectedMinutes: 14'));
    utimesSync(file, mtime, mtime);
    assert.equal(loadWorkspaceCached(root, dir).index.task('10007')!.data.expectedMinutes, 14);
  });

  it('project and lock files come from the cache too, problems and all, and a changed one is read again', () => {
    const root = copyOfSamples();
    const locks = join(root, 'finance_dw/.nightshift/locks');
    mkdirSync(locks, { recursive: true });
    writeFileSync(join(locks, '10007.lock'), 'holder: alice\nacquiredAt: 2026-11-30T08:00:00.000Z\n');
    writeFileSync(join(locks, '%E0%A4%A.lock'), 'holder: nobody\n');
    const project = join(root, 'marketing_dw/nightshift.yaml');
    const good = readFileSync(project, 'utf8');
    writeFileSync(project, good.replace('mode: dev-prod', 'mode: nonsense'));
    age(root);
    const dir = cacheDir();
    loadWorkspaceCached(root, dir);
    const warm = loadWorkspaceCached(root, dir);
    assert.equal(warm.index.lock('10007')?.holder, 'alice');
    assert.ok([...warm.index.diagnostics().get(project) ?? []].length > 0, 'the project file\'s problem, from the cache');
    assert.equal(snapshot(warm.index), snapshot(loadWorkspace(root)));
    writeFileSync(join(locks, '10007.lock'), 'holder: bob\n');
    writeFileSync(project, good);
    const next = loadWorkspaceCached(root, dir);
    assert.equal(next.index.lock('10007')?.holder, 'bob');
    assert.equal(next.index.diagnostics().get(project), undefined);
    assert.equal(snapshot(next.index), snapshot(loadWorkspace(root)));
  });

  it('the index takes a project\'s and a lock\'s parse from a source that holds that very text', () => {
    const root = copyOfSamples();
    const source = loadWorkspace(root);
    const projectFile = join(root, 'finance_dw/nightshift.yaml');
    const text = readFileSync(projectFile, 'utf8');
    const given = source.parsedProject(projectFile, text)!;
    assert.ok(given.data);
    const index = new WorkspaceIndex();
    index.setFile(projectFile, text, { parsedTask: () => undefined, parsedProject: () => given, parsedLock: () => ({ holder: 'from the source' }) });
    assert.equal(index.projects()[0]!.config, given.data, 'the very object given, not a parse of its own');
    assert.equal(source.parsedProject(projectFile, `${text}\n# edited\n`), undefined, 'another text: no parse to give');
    const lockFile = join(root, 'finance_dw/.nightshift/locks/10007.lock');
    index.setFile(lockFile, 'holder: alice\n', { parsedTask: () => undefined, parsedLock: () => ({ holder: 'from the source' }) });
    assert.equal(index.lock('10007')?.holder, 'from the source');
    assert.deepEqual(index.parsedLock(lockFile, 'holder: alice\n'), { holder: 'from the source' });
    assert.equal(index.parsedLock(lockFile, 'holder: bob\n'), undefined);
  });

  it('bit flips anywhere in the cache never give a wrong index: the cache is not read and is written anew', () => {
    const root = copyOfSamples();
    age(root);
    const dir = cacheDir();
    loadWorkspaceCached(root, dir);
    const file = indexCacheFile(dir, root);
    const good = readFileSync(file);
    const expected = snapshot(loadWorkspace(root));
    const next = lcg(7);
    // The checksum's own bytes, the first byte after it, the last, the trailer's length and its last byte, then anywhere.
    const fixed = [0, 3, 4, good.length - 1, good.length - 4, good.length - 5];
    for (let i = 0; i < 60 + fixed.length; i++) {
      const bytes = Buffer.from(good);
      const at = fixed[i] ?? Math.floor(next() * bytes.length);
      bytes[at]! ^= 1 << Math.floor(next() * 8);
      writeFileSync(file, bytes);
      const loaded = loadWorkspaceCached(root, dir);
      assert.equal(loaded.cached, 0, `flip at byte ${at}: the cache must not be used`);
      assert.equal(snapshot(loaded.index), expected, `flip at byte ${at}`);
      assert.equal(loadWorkspaceCached(root, dir).parsed, 0, 'rewritten whole after the flip');
    }
    // Truncated, empty, not a cache at all, or a cache of the format before (a checksum, then node:v8's serialization).
    const before = serialize({ format: 'nightshift-index-cache/3', root, options: '', writtenAt: Date.now(), entries: new Map() });
    for (const bytes of [good.subarray(0, good.length >> 1), Buffer.alloc(0), Buffer.from('hello'), Buffer.concat([Buffer.alloc(4), before])]) {
      writeFileSync(file, bytes);
      assert.equal(snapshot(loadWorkspaceCached(root, dir).index), expected);
      assert.equal(loadWorkspaceCached(root, dir).parsed, 0, 'rewritten in this format');
    }
  });

  it('another task root is another cache; two workspaces never share one', () => {
    const root = copyOfSamples();
    age(root);
    const dir = cacheDir();
    loadWorkspaceCached(root, dir);
    assert.equal(loadWorkspaceCached(root, dir, { taskRootOverride: 'nowhere' }).cached, 0);
    assert.equal(loadWorkspaceCached(root, dir, { taskRootOverride: 'nowhere' }).index.taskCount(), loadWorkspace(root, { taskRootOverride: 'nowhere' }).taskCount());
    const other = copyOfSamples();
    assert.notEqual(indexCacheFile(dir, root), indexCacheFile(dir, other));
  });

  it('the CLI uses it by default in XDG_CACHE_HOME, --cache-dir elsewhere, --no-cache not at all', () => {
    const root = copyOfSamples();
    const xdg = cacheDir();
    const env = { XDG_CACHE_HOME: xdg };
    assert.equal(nightshiftIn(env, 'validate', root).code, 0);
    assert.equal(readdirSync(join(xdg, 'nightshift/index')).filter((f) => f.endsWith('.bin')).length, 1);
    const elsewhere = cacheDir();
    assert.equal(nightshiftIn(env, 'validate', root, '--cache-dir', elsewhere).code, 0);
    assert.equal(readdirSync(elsewhere).length, 1);
    const none = cacheDir();
    assert.equal(nightshiftIn({ XDG_CACHE_HOME: none }, 'list', root, '--no-cache', '--json').code, 0);
    assert.deepEqual(readdirSync(none), []);
    assert.equal(nightshift('validate', root, '--no-cache', '--cache-dir', none).code, 2);
    // A cache folder that cannot be made (a file is in its way) costs time, never the command.
    const blocked = join(cacheDir(), 'a-file');
    writeFileSync(blocked, 'not a folder');
    const out = nightshift('validate', root, '--cache-dir', join(blocked, 'index'));
    assert.equal(out.code, 0, out.stderr);
  });

  it('two processes filling one cache at once leave a cache that reads right', async () => {
    const root = copyOfSamples();
    age(root);
    const dir = cacheDir();
    const { spawn } = await import('node:child_process');
    const run = () =>
      new Promise<number>((resolve) => {
        const child = spawn(process.execPath, [cliBundle(), 'validate', root, '--cache-dir', dir], { stdio: 'ignore' });
        child.on('exit', (code) => resolve(code ?? -1));
      });
    assert.deepEqual(await Promise.all([run(), run(), run()]), [0, 0, 0]);
    assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), [], 'no temporary file left');
    const warm = loadWorkspaceCached(root, dir);
    assert.equal(snapshot(warm.index), snapshot(loadWorkspace(root)));
  });

  it('a cache folder on a full disk costs the command nothing: the index is right, no temporary file is left', function () {
    if (process.getuid?.() !== 0) this.skip(); // mounting a small tmpfs needs root
    const root = copyOfSamples();
    const dir = cacheDir();
    // The samples' cache is about 70 KB: it cannot fit.
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=32k', 'tmpfs', dir]).status !== 0) this.skip();
    try {
      const loaded = loadWorkspaceCached(root, dir);
      assert.equal(snapshot(loaded.index), snapshot(loadWorkspace(root)));
      assert.deepEqual(readdirSync(dir), []);
    } finally {
      spawnSync('umount', [dir]);
    }
  });
});
