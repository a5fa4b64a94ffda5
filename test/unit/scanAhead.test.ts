import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanAhead } from '../../src/core/workspace/scanAhead';
import { scanWorkspace, statOf, type WorkspaceScan } from '../../src/core/workspace/workspaceScan';
import { copyOfSamples } from './fixtures';

/** A scan as plain data, to compare one made on a helper with one made here. */
function plain(scan: WorkspaceScan): string {
  return JSON.stringify({ files: scan.files, stats: scan.files.map((_, i) => statOf(scan, i) ?? null), unreadable: scan.unreadable });
}

/** A helper entry of a test's own: a script in a file of its own. */
function entryFile(source: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'nightshift-scan-entry-')), 'entry.js');
  writeFileSync(file, source);
  return file;
}

describe('scanning a workspace on a helper thread while the cache opens', function () {
  this.timeout(60_000);
  let root: string;
  const globs = ['**/build/**', '**/.git'];
  before(() => {
    root = copyOfSamples();
    // Left out by the globs: a folder at any depth, with task files in it.
    mkdirSync(join(root, 'finance_dw/tasks/build/deep'), { recursive: true });
    writeFileSync(join(root, 'finance_dw/tasks/build/deep/x.task.yaml'), 'id: 1\n');
    mkdirSync(join(root, 'finance_dw/.git'), { recursive: true });
    writeFileSync(join(root, 'finance_dw/.git/y.task.yaml'), 'id: 2\n');
  });

  it('the helper\'s scan is the one made here: the same files, stats and exclusions', () => {
    const here = scanWorkspace([root], globs);
    assert.ok(here.files.some((f) => f.endsWith('.task.yaml')));
    assert.ok(!here.files.some((f) => f.includes('/build/') || f.includes('/.git/')), 'excluded folders are not walked');
    assert.ok(here.files.every((_, i) => statOf(here, i)?.isFile), 'every file found is statted');
    const ahead = new ScanAhead([root], globs);
    const scan = ahead.result();
    assert.equal(ahead.byHelper, true, 'made on the helper');
    assert.equal(plain(scan), plain(here));
  });

  it('the bundled helper (dist/, as the extension and the CLI start it) gives the same scan', function () {
    const bundled = join(__dirname, '../../dist/workspaceScanWorker.js');
    // `npm test` builds first; a bare mocha run before any build has no bundle to try.
    if (!existsSync(bundled)) this.skip();
    const ahead = new ScanAhead([root], globs, { entry: bundled });
    const scan = ahead.result();
    assert.equal(ahead.byHelper, true, 'made on the bundled helper');
    assert.equal(plain(scan), plain(scanWorkspace([root], globs)));
  });

  it('no helper bundle, a helper that throws, one that crashes or one that hangs: the scan is made here, the same', () => {
    const here = plain(scanWorkspace([root], globs));
    const cases: [string, string | undefined][] = [
      ['no entry', undefined],
      ['throws at once', entryFile("throw new Error('broken helper');\n")],
      ['exits', entryFile('process.exit(3);\n')],
      ['hangs', entryFile('setInterval(() => undefined, 1000);\n')],
      ['posts nothing', entryFile("const { workerData } = require('node:worker_threads'); workerData.port.once('message', (r) => { const s = new Int32Array(r.shared); Atomics.store(s, 1, 1); Atomics.notify(s, 1); });\n")],
    ];
    for (const [what, entry] of cases) {
      const started = Date.now();
      const ahead = new ScanAhead([root], globs, { entry, stallMs: 300 });
      assert.equal(plain(ahead.result()), here, what);
      assert.equal(ahead.byHelper, false, what);
      assert.ok(Date.now() - started < 5_000, `${what}: a dead helper costs a stall's wait, not more`);
    }
  });
});
