import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findIndexedFiles } from '../../src/core/workspace/workspaceWalk';
import { WorkspaceIndex } from '../../src/core/workspace/workspaceIndex';
import { generateWorkspace } from '../../scripts/generateWorkspace';

function snapshot(index: WorkspaceIndex): string[] {
  const problems = [...index.diagnostics()].flatMap(([file, list]) => list.map((d) => `${file}:${d.line}:${d.code}:${d.message}`)).sort();
  // The folder trees too, down to each task's current data (an edit in place swaps the task object).
  const trees = index.projects().map((p) => JSON.stringify(index.folderTree(p.dir), (key, value) => (key === 'data' ? `${value.id}/${value.owner}/${value.type}` : value)));
  return [...problems, ...trees];
}

function fresh(files: Map<string, string>): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const [path, text] of files) index.setFile(path, text);
  return index;
}

/** Random edits; after each, the incrementally kept index must say exactly what a fresh one says. */
describe('incremental index', function () {
  this.timeout(60_000);

  it('agrees with a fresh index after every one of 300 random edits', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'nightshift-inc-')), 'ws');
    generateWorkspace({ tasks: 80, out: dir, seed: 7 });
    const files = new Map(findIndexedFiles(dir).map((f) => [f, readFileSync(f, 'utf8')]));
    const index = fresh(files);
    const taskFiles = [...files.keys()].filter((f) => f.endsWith('.task.yaml'));
    const projectFile = [...files.keys()].find((f) => f.endsWith('nightshift.yaml'))!;
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const ids = () => [...files.values()].map((t) => /^id: "(\d+)"/m.exec(t)?.[1]).filter((x): x is string => !!x);

    const edits: ((file: string, text: string) => string | undefined)[] = [
      (_, t) => t.replace(/^owner: .*$/m, `owner: ${pick(['user01', 'mallory'])}`),
      (_, t) => t.replace(/^name: (.*)$/m, `name: ${pick(['dup_name', 'unique_' + Math.floor(random() * 1e6)])}`),
      (_, t) => t.replace(/^id: ".*"$/m, `id: "${pick(ids())}"`),
      (_, t) => t.replace(/^id: ".*"$/m, `id: "${900000 + Math.floor(random() * 1000)}"`),
      (_, t) => `${t.replace(/^dependencies:\n(  - .*\n(    .*\n)?)*/m, '')}dependencies:\n  - task: "${pick(ids())}"\n`,
      (_, t) => `${t.replace(/^dependencies:\n(  - .*\n(    .*\n)?)*/m, '')}dependencies:\n  - task: "424242"\n`,
      (_, t) => t.replace(/^type: .*$/m, `type: ${pick(['SQL', 'Perl'])}`),
      () => 'id: "1"\nname: [broken\n',
      () => undefined,
    ];

    for (let step = 0; step < 300; step++) {
      if (random() < 0.05) {
        const text = files.get(projectFile)!;
        const next = text.includes('user01, ') ? text.replace('user01, ', '') : text.replace('users: [', 'users: [user01, ');
        files.set(projectFile, next);
        index.setFile(projectFile, next);
      } else {
        const file = pick(taskFiles);
        const current = files.get(file);
        const next = current === undefined ? `id: "${800000 + step}"\nname: revived_${step}\ntype: SQL\n` : pick(edits)(file, current);
        if (next === undefined) {
          files.delete(file);
          index.deleteFile(file);
        } else {
          files.set(file, next);
          index.setFile(file, next);
        }
      }
      assert.deepEqual(snapshot(index), snapshot(fresh(files)), `after step ${step}`);
    }
  });
});
