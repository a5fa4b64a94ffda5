import { strict as assert } from 'node:assert';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCacheFile, writeCacheFile, type CacheEntry, type CacheFile } from '../../src/core/workspace/indexCacheFormat';
import { loadWorkspace } from '../../src/core/workspace/diskWorkspace';
import { indexCacheFile, loadWorkspaceCached } from '../../src/core/workspace/indexCache';
import { findIndexedFiles } from '../../src/core/workspace/workspaceWalk';
import { copyOfSamples } from './fixtures';

const META = { format: 'test-format/1', root: '/w', options: '{}' };

function roundTrip(dir: string, cache: CacheFile): CacheFile | undefined {
  const file = join(dir, 'cache.bin');
  rmSync(file, { force: true });
  const out = openSync(file, 'wx');
  writeCacheFile(out, cache);
  closeSync(out);
  const input = openSync(file, 'r');
  try {
    return readCacheFile(input, META);
  } finally {
    closeSync(input);
  }
}

/** An entry as a reader sees it, the span offsets as a plain list. */
const plain = (entry: CacheEntry | undefined) => entry && { ...entry, ...(entry.task ? { task: { ...entry.task, ...(entry.task.spans ? { spans: { ...entry.task.spans, at: [...entry.task.spans.at] } } : {}) } } : {}) };

describe('the index cache file', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'nightshift-cache-format-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads back every text and path as written: Latin-1, Chinese, emoji, a lone surrogate, texts longer than a chunk and than the buffer', () => {
    const texts = ['', 'plain', 'café ü', '任务：每日汇总', 'a😀b', 'lone \ud83d here', 'x'.repeat(40_000), `${'é'.repeat(50_000)}任`, 'y'.repeat(1_500_000), '末尾'];
    const entries = new Map<string, CacheEntry>();
    for (let i = 0; i < 3_000; i++) {
      // Each long text once; thousands of short ones, so the parses take many pieces.
      const text = i < texts.length ? texts[i]! : texts[i % 6]!;
      const at = Int32Array.from({ length: (i % 4) * 3 }, (_, k) => i + k);
      const task = i % 3 === 0 ? { diagnostics: [], data: { id: `${i}`, name: `任务_${i}`, tags: ['a', 'é'] } as never, spans: { keys: i % 2 ? ['id', 'name'] : ['id'], at, appendAt: i } } : undefined;
      entries.set(`/w/项目/${i}/${text.slice(0, 3)}.task.yaml`, { size: i, mtimeMs: i + 0.25, text, ...(task ? { task } : i % 3 === 1 ? { lock: { holder: `用户${i}` } } : {}) });
    }
    const folders = { key: 'k', listings: new Map([['/w', { mtimeMs: 1.5, ctimeMs: 2.5, files: ['a'], folders: ['项目'] }]]) };
    const read = roundTrip(dir, { ...META, writtenAt: 123, entries, folders });
    assert.ok(read);
    assert.equal(read.writtenAt, 123);
    assert.deepEqual(read.folders, folders);
    assert.deepEqual([...read.entries.keys()], [...entries.keys()]);
    for (const [path, entry] of entries) assert.deepEqual(plain(read.entries.get(path)), plain(entry), path);
  });

  it('an empty cache, and a cache of another format, root or options', () => {
    assert.equal(roundTrip(dir, { ...META, writtenAt: 1, entries: new Map() })?.entries.size, 0);
    for (const other of [{ format: 'test-format/0' }, { root: '/v' }, { options: '{"language":"zh-cn"}' }]) {
      assert.equal(roundTrip(dir, { ...META, ...other, writtenAt: 1, entries: new Map([['/w/a.task.yaml', { size: 1, mtimeMs: 1, text: 'a' }]]) }), undefined);
    }
  });

  it('a damaged trailer that names more than the file holds is refused, not allocated', () => {
    roundTrip(dir, { ...META, writtenAt: 1, entries: new Map([['/w/a.task.yaml', { size: 1, mtimeMs: 1, text: 'a' }]]) });
    const file = join(dir, 'cache.bin');
    const bytes = readFileSync(file);
    const trailerLength = bytes.readUInt32BE(bytes.length - 4);
    const trailer = bytes.subarray(bytes.length - 4 - trailerLength, bytes.length - 4).toString('utf8');
    for (const damaged of [trailer.replace('"count":1', `"count":${2 ** 40}`), trailer.replace('"spanLength":0', '"spanLength":1e9'), trailer.replace('"chunks":[', '"chunks":[[3,1],')]) {
      assert.notEqual(damaged, trailer);
      const length = Buffer.alloc(4);
      length.writeUInt32BE(Buffer.byteLength(damaged));
      writeFileSync(file, Buffer.concat([bytes.subarray(0, bytes.length - 4 - trailerLength), Buffer.from(damaged), length]));
      const fd = openSync(file, 'r');
      assert.equal(readCacheFile(fd, META), undefined, damaged);
      closeSync(fd);
    }
  });

  it('a warm open gives every task the very data a parse gives, not only the same JSON', () => {
    const root = copyOfSamples();
    const hourAgo = new Date(Date.now() - 3_600_000);
    for (const f of findIndexedFiles(root)) utimesSync(f, hourAgo, hourAgo);
    const cacheDir = join(dir, 'cache');
    loadWorkspaceCached(root, cacheDir);
    const warm = loadWorkspaceCached(root, cacheDir);
    assert.ok(warm.cached > 0 && warm.parsed === 0);
    const cold = loadWorkspace(root);
    for (const task of cold.tasks()) assert.deepStrictEqual(warm.index.taskByFile(task.file)?.data, task.data, task.file);
    for (const project of cold.projects()) assert.deepStrictEqual(warm.index.project(project.dir)?.config, project.config, project.file);
    assert.deepStrictEqual(new Map(warm.index.diagnostics()), new Map(cold.diagnostics()));
    assert.ok(readFileSync(indexCacheFile(cacheDir, root)).length > 0);
  });
});
