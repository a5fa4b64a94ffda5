import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateWorkspace } from '../../scripts/generateWorkspace';
import { parseTaskFile } from '../../src/core/model/parseTaskFile';
import { useLanguage } from '../../src/core/text/language';
import { loadWorkspace } from '../../src/core/workspace/diskWorkspace';
import { findIndexedFiles } from '../../src/core/workspace/workspaceWalk';
import { ParallelTaskParse } from '../../src/core/workspace/parallelTaskParse';
import { WorkspaceIndex } from '../../src/core/workspace/workspaceIndex';

/** Every task's data, place and spans, and every diagnostic, in file order. */
function snapshot(index: WorkspaceIndex): string {
  const tasks = [...index.tasks()].map((t) => ({ file: t.file, folder: t.folder, projectDir: t.projectDir, data: t.data, spans: t.spans && { keys: t.spans.keys, at: [...t.spans.at], appendAt: t.spans.appendAt, same: t.spans.text === index.textOf(t.file) } }));
  return JSON.stringify({ tasks, diagnostics: [...index.diagnostics()].sort(([a], [b]) => (a < b ? -1 : 1)) });
}

/** The same files indexed one by one on this thread, each parsed by the index itself. */
function sequential(root: string): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const file of findIndexedFiles(root)) index.setFile(file, readFileSync(file, 'utf8'));
  return index;
}

describe('parsing task files on a helper thread', function () {
  this.timeout(180_000);
  let root: string;
  let tasks: string[];
  before(() => {
    root = join(mkdtempSync(join(tmpdir(), 'nightshift-parallel-')), 'ws');
    generateWorkspace({ tasks: 900, out: root, seed: 7 });
    tasks = findIndexedFiles(root).filter((f) => f.endsWith('.task.yaml'));
    // Bad files among the good: YAML that is not, a schema error, an id YAML reads as another, an unknown key.
    writeFileSync(tasks[3]!, 'id: [unclosed\n');
    writeFileSync(tasks[40]!, 'id: "x40"\nname: x40\ntype: SQL\nschedule: { cycle: fortnight }\n');
    writeFileSync(tasks[41]!, 'id: 0041\nname: x41\ntype: SQL\n');
    writeFileSync(tasks[500]!, `${readFileSync(tasks[500]!, 'utf8')}surprise: 1\n`);
    // Texts that must cross to the helper and back unchanged: a byte-order mark, CRLF, astral characters.
    writeFileSync(tasks[600]!, `\ufeff${readFileSync(tasks[600]!, 'utf8').replace(/\n/g, '\r\n').replace(/^description: .*$/m, 'description: "日报 𝒳 🚀"')}`);
  });
  after(() => {
    useLanguage('en');
    rmSync(join(root, '..'), { recursive: true, force: true });
  });

  it('indexes a workspace exactly as parsing each file in turn does, bad files included', () => {
    assert.ok(tasks.length >= 900);
    assert.equal(snapshot(loadWorkspace(root)), snapshot(sequential(root)));
  });

  it('gives each file its own parse, in order, with the helper taking blocks once it runs', async () => {
    // Jobs of 256 files: the 900 go to the helper in four, each of them its texts alone.
    const parser = new ParallelTaskParse({ minFiles: 1, jobFiles: 256 });
    try {
      const texts = tasks.map((f) => readFileSync(f, 'utf8'));
      parser.parse(tasks.slice(0, 64), texts.slice(0, 64));
      // Let the helper start and load, so that the next job finds it waiting.
      await new Promise((r) => setTimeout(r, 3000));
      const before = parser.helperFiles;
      const parses = parser.parse(tasks, texts);
      assert.ok(parser.helperFiles > before, 'the helper parsed none of the files');
      parses.forEach((parse, i) => assert.deepEqual(parse, parseTaskFile(tasks[i]!, texts[i]!), tasks[i]));
    } finally {
      parser.close();
    }
  });

  it('writes the messages of the files it parses in the language the index is read in', async () => {
    const parser = new ParallelTaskParse({ minFiles: 1 });
    const texts = tasks.map((f) => readFileSync(f, 'utf8'));
    try {
      parser.parse(tasks.slice(0, 64), texts.slice(0, 64));
      await new Promise((r) => setTimeout(r, 3000));
      useLanguage('zh-cn');
      const before = parser.helperFiles;
      const parses = parser.parse(tasks, texts);
      assert.ok(parser.helperFiles > before, 'the helper parsed none of the files');
      parses.forEach((parse, i) => assert.deepEqual(parse, parseTaskFile(tasks[i]!, texts[i]!), tasks[i]));
      assert.match(JSON.stringify(parses.map((p) => p?.diagnostics)), /[\u4e00-\u9fff]/);
    } finally {
      useLanguage('en');
      parser.close();
    }
  });

  it('parses everything itself when the helper cannot start, or dies, or hangs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nightshift-helpers-'));
    const texts = tasks.map((f) => readFileSync(f, 'utf8'));
    const expected = tasks.map((f, i) => parseTaskFile(f, texts[i]!));
    // Claims a block, then never posts it (a hang), or throws on its first job (a crash).
    const claiming = (then: string) => `const { workerData } = require('node:worker_threads');
      workerData.port.on('message', (job) => { const state = new Int32Array(job.shared); const b = Atomics.add(state, 0, 1); Atomics.store(state, 1 + b, 1); ${then} });`;
    writeFileSync(join(dir, 'hangs.js'), claiming('for (;;) {}'));
    writeFileSync(join(dir, 'dies.js'), claiming("throw new Error('helper died');"));
    writeFileSync(join(dir, 'broken.js'), 'this is not javascript');
    try {
      for (const entry of ['missing.js', 'broken.js', 'dies.js', 'hangs.js']) {
        const parser = new ParallelTaskParse({ minFiles: 1, entry: join(dir, entry), timeoutMs: 1500 });
        try {
          if (entry !== 'missing.js') await new Promise((r) => setTimeout(r, 1500));
          const parses = parser.parse(tasks, texts);
          parses.forEach((parse, i) => assert.deepEqual(parse, expected[i], `${entry}: ${tasks[i]}`));
          assert.deepEqual(parser.parse(tasks.slice(0, 10), texts.slice(0, 10)), expected.slice(0, 10), entry);
        } finally {
          parser.close();
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
