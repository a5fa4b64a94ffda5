import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');

/** The build keeps src/core free of VS Code and of the browser: tsconfig.core.json, run by check-types. */
describe('the core boundary (tsconfig.core.json)', function () {
  this.timeout(120_000);
  const probe = join(ROOT, 'src/core/zzBoundaryProbe.ts');
  const check = () => spawnSync(process.execPath, [TSC, '--noEmit', '-p', join(ROOT, 'tsconfig.core.json')], { cwd: ROOT, encoding: 'utf8' });
  afterEach(() => rmSync(probe, { force: true }));

  it('a core file that uses the vscode API fails the type check', () => {
    writeFileSync(probe, "import * as vscode from 'vscode';\nexport const shown = vscode.window.showInformationMessage;\n");
    const out = check();
    assert.notEqual(out.status, 0);
    assert.match(out.stdout, /zzBoundaryProbe\.ts.*vscode-is-not-for-core/);
  });

  it('a core file that touches window or document fails it', () => {
    writeFileSync(probe, 'export const where = window.location.href;\nexport const body = document.body;\n');
    const out = check();
    assert.notEqual(out.status, 0);
    assert.match(out.stdout, /Cannot find name 'window'/);
    assert.match(out.stdout, /Cannot find name 'document'/);
  });

  it('the core as it is passes', () => {
    const out = check();
    assert.equal(out.status, 0, out.stdout);
  });
});
