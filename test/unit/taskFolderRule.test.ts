import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { folderPathProblem, windowsReservedName } from '../../src/core/operations/folderNames';
import { findIndexedFiles } from '../../src/core/workspace/workspaceWalk';
import { isIndexedPath, isScannedFolder } from '../../src/core/workspace/taskFolderRule';
import { copyOfSamples, nightshift, PROJECT_YAML, task, writeFiles } from './fixtures';

describe('one rule for which folders hold tasks', () => {
  it('skips hidden, build-output and dependency folders, except a project\'s edit locks', () => {
    for (const path of ['p/tasks/a.task.yaml', 'p/nightshift.yaml', 'p/.nightshift/locks/1.lock', 'distribution/a.task.yaml', 'p/a.b/x.task.yaml']) assert.equal(isIndexedPath(path), true, path);
    for (const path of ['.git/a.task.yaml', 'p/.hidden/a.task.yaml', 'node_modules/x/a.task.yaml', 'p/dist/a.task.yaml', 'p/out/nightshift.yaml', 'p/.nightshift/a.task.yaml', 'dist/.nightshift/locks/1.lock', 'p/.nightshift/write-locks/1.lock']) {
      assert.equal(isIndexedPath(path), false, path);
    }
    assert.deepEqual(['p', 'p/.nightshift', 'p/.nightshift/locks', 'p/.nightshift/records', '.git', 'p/out', 'dist/.nightshift'].map(isScannedFolder), [true, true, true, false, false, false, false]);
  });

  it('the command line\'s scan follows it', () => {
    const root = mkdtempSync(join(tmpdir(), 'nightshift-rule-'));
    writeFiles(root, {
      'p/nightshift.yaml': PROJECT_YAML,
      'p/tasks/a.task.yaml': task('1', 'a'),
      'p/.nightshift/locks/1.lock': 'holder: bob\n',
      'p/.nightshift/stray.task.yaml': task('2', 'stray'),
      'p/tasks/.hidden/b.task.yaml': task('3', 'b'),
      'p/tasks/dist/c.task.yaml': task('4', 'c'),
      'p/tasks/out/d.task.yaml': task('5', 'd'),
      'node_modules/pkg/nightshift.yaml': PROJECT_YAML,
    });
    assert.deepEqual(findIndexedFiles(root).map((f) => relative(root, f)), ['p/nightshift.yaml', 'p/.nightshift/locks/1.lock', 'p/tasks/a.task.yaml']);
  });

  it('move and project-ownership targets it skips are refused, with the reason', () => {
    for (const [path, reason] of [['.git', /hidden folder/], ['a/.hidden', /hidden folder/], ['node_modules', /build-output or dependency folder/], ['x/dist/y', /"dist" is a build-output/], ['out', /"out" is a build-output/]] as const) {
      assert.match(folderPathProblem(path) ?? '(accepted)', reason, path);
    }
    assert.equal(folderPathProblem('distribution/outbound/x.y'), undefined);
    assert.equal(folderPathProblem('a/.../b'), 'folder "a/.../b": "..." is a hidden folder (its name starts with "."), where Nightshift does not look for tasks');
  });

  it('Windows-reserved names are refused as folder and file names, in any case, with or without an extension', () => {
    for (const name of ['CON', 'con', 'Prn', 'AUX', 'nul', 'NUL.txt', 'com1', 'COM9', 'lpt1', 'LPT9.task.yaml', 'aux.tar.gz']) {
      assert.match(windowsReservedName(name) ?? '(accepted)', /is a device name Windows reserves/, name);
      assert.match(folderPathProblem(`ods/${name}`) ?? '(accepted)', /is a device name Windows reserves/, name);
    }
    for (const name of ['console', 'com10', 'com0', 'lpt', 'nullable', 'auxiliary', 'my.con']) assert.equal(windowsReservedName(name), undefined, name);
  });

  it('the command line refuses a move into a skipped or reserved folder and leaves the task where it was', function () {
    this.timeout(60_000);
    const root = copyOfSamples();
    const file = join(root, 'finance_dw/tasks/ods/logs/ods_log_hourly.task.yaml');
    for (const target of ['finance_dw/.hidden', 'finance_dw/dist', 'finance_dw/nul']) {
      const { code, stderr } = nightshift('move', root, '--tasks', '10001', '--to', target, '--as', 'alice');
      assert.notEqual(code, 0, target);
      assert.match(stderr, /hidden folder|build-output|device name Windows reserves/, target);
      assert.ok(existsSync(file), target);
    }
    const project = nightshift('project', root, '--tasks', '10001', '--to', 'marketing_dw', '--target-folder', 'out', '--as', 'alice');
    assert.notEqual(project.code, 0);
    assert.match(project.stderr + project.stdout, /"out" is a build-output or dependency folder/);
    assert.ok(existsSync(file));
  });
});
