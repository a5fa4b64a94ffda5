import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { revertBatch } from '../../src/core/operations/batchRevert';
import { scopeOf } from '../../src/core/operations/changeScope';
import { readPending } from '../../src/core/operations/pendingList';
import { publishPending } from '../../src/core/operations/publishPending';
import { submitOperation } from '../../src/core/operations/submitOperation';
import { submittedContentHash } from '../../src/core/model/submittedContent';
import { loadWorkspace } from '../../src/core/workspace/diskWorkspace';
import { nightshift } from './fixtures';
import { BASIC_PROJECT, statuses, taskYaml, workspace } from './operationFixtures';

const DEV_PROD = BASIC_PROJECT.replace('mode: basic', 'mode: dev-prod');
const draft = (id: string, name: string, extra = '') => taskYaml(id, name, extra).replace('status: developing\npublished: true', 'status: developing\npublished: false');

function lifecycle(project = BASIC_PROJECT) {
  return workspace({
    'fin/nightshift.yaml': project,
    // 1 is published; 2 depends on it; 3 depends on 4, a draft nobody submits; 5 has a bad parameter.
    'fin/tasks/a.task.yaml': taskYaml('1', 'a'),
    'fin/tasks/b.task.yaml': draft('2', 'b', 'dependencies:\n  - task: "1"\n'),
    'fin/tasks/c.task.yaml': draft('3', 'c', 'dependencies:\n  - task: "4"\n'),
    'fin/tasks/d.task.yaml': draft('4', 'd').replace('status: developing', 'status: draft'),
    'fin/tasks/e.task.yaml': draft('5', 'e').replace('bizdate: ${bdp.system.bizdate}', 'bizdate: $[yyyymmdd'),
  });
}

describe('Submit', function () {
  this.timeout(60_000);
  it('a task that passes is submitted and, in a basic project, published; the fields say when, by whom and what was submitted', async () => {
    const ws = lifecycle();
    const record = await ws.run((tasks) => submitOperation('first version', tasks), ['2']);
    assert.deepEqual(statuses(record), ['2:succeeded:submitted; published']);
    assert.equal(record.kind, 'submit');
    assert.equal(record.operation, 'submit');
    const data = parse(ws.read('fin/tasks/b.task.yaml'));
    assert.equal(data.status, 'submitted');
    assert.equal(data.lastSubmission, 'succeeded');
    assert.equal(data.published, true);
    assert.deepEqual(data.submission, { at: '2026-11-21T08:00:00Z', by: 'alice', reasons: [] });
    const task = ws.index().task('2')!;
    assert.equal(data.submittedHash, submittedContentHash(task.data));
    assert.equal(task.data.status, 'submitted');
    assert.deepEqual(ws.index().diagnostics().get(task.file) ?? [], []);
  });

  it('one task fails with its reasons (an unsubmitted upstream, a bad parameter) while another succeeds; the failure is recorded in the file', async () => {
    const ws = lifecycle();
    const record = await ws.run((tasks) => submitOperation('', tasks), ['2', '3', '5']);
    const [b, c, e] = record.results;
    assert.equal(b!.status, 'succeeded');
    assert.equal(c!.status, 'failed');
    assert.match(c!.reason, /^submission failed: upstream d \(4\) is draft: submit it first, or with this task$/);
    assert.equal(e!.status, 'failed');
    assert.match(e!.reason, /parameters\.bizdate/);
    const data = parse(ws.read('fin/tasks/c.task.yaml'));
    assert.equal(data.status, 'developing');
    assert.equal(data.lastSubmission, 'failed');
    assert.equal(data.submittedHash, undefined);
    assert.match(data.submission.reasons[0], /upstream d \(4\) is draft/);
    // Submitted together, the upstream counts.
    const together = await ws.run((tasks) => submitOperation('', tasks), ['3', '4']);
    assert.deepEqual(together.results.map((r) => r.status), ['succeeded', 'succeeded']);
  });

  it('an edit, by hand or by a checkout, makes a submitted task developing again; a comment or the submission itself does not', async () => {
    const ws = lifecycle();
    await ws.run((tasks) => submitOperation('', tasks), ['2']);
    const file = join(ws.root, 'fin/tasks/b.task.yaml');
    const submitted = ws.read('fin/tasks/b.task.yaml');
    writeFileSync(file, `# a note\n${submitted}`);
    assert.equal(loadWorkspace(ws.root).task('2')!.data.status, 'submitted');
    writeFileSync(file, submitted.replace('tags: [a]', 'tags: [a, b]'));
    const index = loadWorkspace(ws.root);
    assert.equal(index.task('2')!.data.status, 'developing');
    const warning = index.diagnostics().get(file)!.find((d) => d.code === 'changed-since-submit')!;
    assert.equal(warning.severity, 'warning');
    assert.match(warning.message, /changed since it was submitted/);
    // Submitting again clears it.
    const again = await ws.run((tasks) => submitOperation('', tasks), ['2']);
    assert.equal(again.results[0]!.status, 'succeeded', again.results[0]!.reason);
    assert.equal(loadWorkspace(ws.root).task('2')!.data.status, 'submitted');
  });

  it('in a dev-prod project a submitted task waits on the pending-publish list; Publish publishes it; reverting the submit withdraws the entry', async () => {
    const ws = lifecycle(DEV_PROD);
    const record = await ws.run((tasks) => submitOperation('for prod', tasks), ['2']);
    assert.deepEqual(statuses(record), ['2:succeeded:submitted; pending publish']);
    assert.equal(parse(ws.read('fin/tasks/b.task.yaml')).published, false);
    assert.deepEqual(readPending(join(ws.root, 'fin')).map((e) => [e.task, e.action, e.remark]), [['2', 'publish', 'for prod']]);
    const reverted = revertBatch(record, 'alice', ws.root, scopeOf(ws.index(), ws.locks));
    assert.deepEqual(reverted.results.map((r) => r.status), ['succeeded']);
    assert.deepEqual(readPending(join(ws.root, 'fin')), []);
    await ws.run((tasks) => submitOperation('for prod', tasks), ['2']);
    const published = await publishPending(join(ws.root, 'fin'), { index: ws.index(), user: 'bob', now: new Date() }, { root: ws.root, locks: ws.locks });
    assert.deepEqual(statuses(published), ['2:succeeded:published (for prod)']);
    assert.equal(parse(ws.read('fin/tasks/b.task.yaml')).published, true);
    assert.deepEqual(readPending(join(ws.root, 'fin')), []);
  });

  it('nightshift submit: --json results, exit 1 when one fails, --dry-run changes nothing, exit 2 on bad usage', () => {
    const ws = lifecycle();
    const before = ws.read('fin/tasks/b.task.yaml');
    const dry = nightshift('submit', ws.root, '--tasks', '2,3', '--as', 'alice', '--dry-run', '--json');
    assert.equal(dry.code, 1, dry.stderr);
    assert.deepEqual(JSON.parse(dry.stdout).results.map((r: { status: string }) => r.status), ['succeeded', 'failed']);
    assert.equal(ws.read('fin/tasks/b.task.yaml'), before);
    const run = nightshift('submit', ws.root, '--tasks', '2,3', '--as', 'alice', '--json');
    assert.equal(run.code, 1, run.stderr);
    const out = JSON.parse(run.stdout) as { operation: string; results: { task: string; status: string; reason: string }[] };
    assert.equal(out.operation, 'submit');
    assert.deepEqual(out.results.map((r) => `${r.task}:${r.status}`), ['2:succeeded', '3:failed']);
    assert.equal(parse(ws.read('fin/tasks/b.task.yaml')).status, 'submitted');
    const folder = nightshift('submit', ws.root, '--folder', 'fin/', '--as', 'alice');
    assert.equal(folder.code, 1);
    assert.match(folder.stdout, /^Submit: \d+ succeeded, \d+ skipped, \d+ failed\n/);
    assert.equal(nightshift('submit', ws.root, '--tasks', '2').code, 2);
    const records = nightshift('records', ws.root, '--kind', 'submit', '--json');
    assert.ok((JSON.parse(records.stdout) as { records: { operation: string }[] }).records.some((r) => r.operation === 'submit'));
  });
});
