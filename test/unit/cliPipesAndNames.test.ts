import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nightshift, PROJECT_YAML, task, writeFiles } from './fixtures';
import { minuteTasksWorkspace } from './largeWorkspace';
import { cliBundle } from './testBundles';

describe('command line: pipes and project names', function () {
  this.timeout(60_000);

  it('output piped to a reader that stops early (head) ends quietly, without an EPIPE stack trace', async () => {
    // 100 tasks × 288 instances: megabytes of preview, far more than a pipe buffers.
    const root = minuteTasksWorkspace(100);
    const child = spawn(process.execPath, [cliBundle(), 'preview', root, '--date', '2024-01-02'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    // Like `head -1`: read the first chunk, then close the pipe.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(stderr, '');
    assert.equal(code, 0);
  });

  it('--folder with a project name two projects share is an error naming both project folders', () => {
    const root = mkdtempSync(join(tmpdir(), 'nightshift-names-'));
    writeFiles(root, {
      'one/nightshift.yaml': PROJECT_YAML,
      'one/tasks/a.task.yaml': task('1', 'a'),
      'two/nightshift.yaml': PROJECT_YAML,
      'two/tasks/b.task.yaml': task('2', 'b'),
      'other/nightshift.yaml': PROJECT_YAML.replace('project: demo', 'project: other'),
      'other/tasks/c.task.yaml': task('3', 'c'),
    });
    const { code, stderr } = nightshift('list', root, '--folder', 'demo/');
    assert.equal(code, 2);
    assert.match(stderr, new RegExp(`--folder "demo/": 2 projects are named "demo" \\(${join(root, 'one')}, ${join(root, 'two')}\\)`));
    const other = nightshift('list', root, '--folder', 'other/');
    assert.equal(other.code, 0, other.stderr);
    assert.match(other.stdout, /^3 +c /m);
    assert.match(nightshift('list', root, '--folder', 'nope/').stderr, /--folder "nope\/": no project is named "nope"/);
    // The operations resolve --folder, move --to and project --to the same way, never the first of two.
    const tags = nightshift('tags', root, '--folder', 'demo/', '--mode', 'append', '--tag', 'x', '--as', 'alice');
    assert.equal(tags.code, 2);
    assert.match(tags.stderr, /--folder "demo\/": 2 projects are named "demo"/);
    assert.match(nightshift('move', root, '--tasks', '3', '--to', 'demo/x', '--as', 'alice').stderr, /--to "demo\/x": 2 projects are named "demo"/);
    assert.match(nightshift('project', root, '--tasks', '3', '--to', 'demo', '--as', 'alice').stderr, /--to "demo": 2 projects are named "demo"/);
  });
});
