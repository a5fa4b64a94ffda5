import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkChangeScope, type ChangeScope } from '../../src/core/operations/changeScope';
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

describe('a batch checks each folder once, and each file that is a link whole', () => {
  it('a task file replaced by a link out of the project is refused, though its folder was checked already', () => {
    const { a, outside, scope } = workspace();
    const file = join(a, 'tasks/t1.task.yaml');
    writeFileSync(file, 'x');
    assert.equal(refusal(file, scope), undefined);
    assert.equal(refusal(join(a, 'tasks/t2.task.yaml'), scope), undefined, 'a file not there yet takes its folder\'s answer');
    rmSync(file);
    symlinkSync(join(outside, 'victim.task.yaml'), file);
    assert.match(refusal(file, scope) ?? '(accepted)', /before: .*t1\.task\.yaml is not inside a project of this workspace; refused/);
  });

  it('a link from one project into another stays refused for every file in its folder', () => {
    const { a, b, scope } = workspace();
    symlinkSync(join(b, 'tasks'), join(a, 'linked'));
    writeFileSync(join(b, 'tasks/t.task.yaml'), 'x');
    for (const name of ['t.task.yaml', 'new.task.yaml']) assert.match(refusal(join(a, 'linked', name), scope) ?? '(accepted)', /is not inside a project/, name);
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
