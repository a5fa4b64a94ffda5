import { strict as assert } from 'node:assert';
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBatch } from '../../src/core/operations/batchRunner';
import { checkChangeScope, scopeOf, type ChangeScope } from '../../src/core/operations/changeScope';
import { modifyTagsOperation } from '../../src/core/operations/fieldOperations';
import { LockStore } from '../../src/core/operations/lockStore';
import { loadWorkspace } from '../../src/core/workspace/diskWorkspace';
import { twoProjects } from './reliabilityFixtures';
import { ConfinementError } from '../../src/core/operations/confinement';

/** Two projects and a folder outside both; one scope reused across checks, as a batch reuses it. */
function workspace(): { top: string; a: string; b: string; outside: string; scope: ChangeScope } {
  const top = mkdtempSync(join(tmpdir(), 'nightshift-scope-memo-'));
  const a = join(top, 'ws/a');
  const b = join(top, 'ws/b');
  const outside = join(top, 'outside');
  for (const dir of [join(a, 'tasks'), join(a, 'tasks/.hidden'), join(b, 'tasks'), outside]) mkdirSync(dir, { recursive: true });
  writeFileSync(join(outside, 'victim.task.yaml'), 'precious\n');
  return { top, a, b, outside, scope: { projectDirs: [a, b], realDirs: new Map() } };
}

function refusal(path: string, scope: ChangeScope): string | undefined {
  try {
    checkChangeScope({ before: path, after: path, beforeText: 'x' } as never, scope, 'record');
    return undefined;
  } catch (error) {
    assert.ok(error instanceof ConfinementError, String(error));
    return error.message;
  }
}

describe('a batch checks each folder once, and refuses a task file that is a link where it reads it', () => {
  it('a task file replaced by a link after the index read it is refused where the batch reads it, and nothing outside changes', async () => {
    const root = twoProjects(3);
    const index = loadWorkspace(root);
    const file = join(root, 'fin/tasks/src/t001.task.yaml');
    const outside = join(mkdtempSync(join(tmpdir(), 'nightshift-victim-')), 'victim.task.yaml');
    // The same text: only the link itself tells it apart.
    const text = readFileSync(file, 'utf8');
    writeFileSync(outside, text);
    rmSync(file);
    symlinkSync(outside, file);
    const scope = scopeOf(index, new LockStore());
    assert.equal(refusal(file, scope), undefined, 'the scope check takes its folder\'s answer');
    const record = await runBatch(modifyTagsOperation('append', ['x']), [...index.tasks()], { index, user: 'alice', now: new Date() }, { root, locks: new LockStore() });
    const byTask = new Map(record.results.map((r) => [r.task, r]));
    assert.match(byTask.get('t001')?.reason ?? '', /t001\.task\.yaml is a symbolic link: a task file is never read or written through one/);
    assert.equal(byTask.get('t001')?.status, 'failed');
    assert.deepEqual([byTask.get('t000')?.status, byTask.get('t002')?.status], ['succeeded', 'succeeded']);
    assert.equal(readFileSync(outside, 'utf8'), text, 'the file outside is as it was');
    assert.ok(lstatSync(file).isSymbolicLink(), 'the link is left as it is');
  });

  it('a link from one project into another stays refused for every file in its folder', () => {
    const { a, b, scope } = workspace();
    symlinkSync(join(b, 'tasks'), join(a, 'linked'));
    writeFileSync(join(b, 'tasks/t.task.yaml'), 'x');
    mkdirSync(join(b, 'tasks/sub/deeper'), { recursive: true });
    // Real folders below the link: their real path is not their folder's plus their name.
    for (const name of ['sub/deeper/t.task.yaml', 'sub/t.task.yaml', 't.task.yaml', 'new.task.yaml']) assert.match(refusal(join(a, 'linked', name), scope) ?? '(accepted)', /is not inside a project/, name);
    assert.equal(refusal(join(b, 'tasks/sub/deeper/t.task.yaml'), scope), undefined);
    assert.equal(refusal(join(b, 'tasks/t.task.yaml'), scope), undefined, 'the same file named from its own project');
  });

  it('hidden folders, hidden names and other files are refused after their folder\'s answer is kept', () => {
    const { a, outside, scope } = workspace();
    assert.equal(refusal(join(a, 'tasks/ok.task.yaml'), scope), undefined);
    assert.match(refusal(join(a, 'tasks/.sneaky.task.yaml'), scope) ?? '(accepted)', /is in a hidden folder/);
    assert.match(refusal(join(a, 'tasks/notes.txt'), scope) ?? '(accepted)', /is not a task file/);
    for (let round = 0; round < 2; round++) assert.match(refusal(join(a, 'tasks/.hidden/x.task.yaml'), scope) ?? '(accepted)', /is in a hidden folder/);
    assert.match(refusal(join(outside, 'victim.task.yaml'), scope) ?? '(accepted)', /is not inside a project/);
  });
});
