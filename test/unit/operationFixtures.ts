import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBatch, previewBatch } from '../../src/core/operations/batchRunner';
import { LockStore } from '../../src/core/operations/lockStore';
import { selectByIds } from '../../src/core/operations/taskSelection';
import type { TaskOperation } from '../../src/core/operations/taskOperation';
import { loadWorkspace } from '../../src/core/workspace/diskWorkspace';
import type { Task } from '../../src/core/workspace/workspaceModel';
import { writeFiles } from './fixtures';

export const BASIC_PROJECT = `# the finance project
project: fin
mode: basic
engine: maxcompute
users: [alice, bob, carol]
templates:
  - {name: sync_tpl, taskType: SQL, versions: [1, 2, 3]}
`;

export function taskYaml(id: string, name: string, extra = ''): string {
  return `# ${name}: keep this comment\nid: "${id}"\nname: ${name}\ntype: SQL\nowner: alice\nstatus: developing\npublished: true\ntags: [a]\nx-team: data # ours, not Nightshift's\nschedule:\n  cycle: day\n  time: "01:00"\nparameters:\n  bizdate: \${bdp.system.bizdate}\n${extra}`;
}

/** A scratch workspace with these files; `ws.run(op, ids)` runs a batch as `user` on a fresh index. */
export function workspace(files: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), 'nightshift-ops-'));
  writeFiles(root, files);
  const locks = new LockStore();
  const index = () => loadWorkspace(root);
  const tasks = (ids: string[]): Task[] => selectByIds(index(), ids).tasks;
  return {
    root,
    locks,
    index,
    read: (rel: string) => readFileSync(join(root, rel), 'utf8'),
    run(make: TaskOperation | ((tasks: Task[]) => TaskOperation), ids: string[], user = 'alice') {
      const idx = index();
      const selected = selectByIds(idx, ids).tasks;
      const op = typeof make === 'function' ? make(selected) : make;
      return runBatch(op, selected, { index: idx, user, now: new Date('2026-11-21T08:00:00Z') }, { root, locks });
    },
    preview(op: TaskOperation, ids: string[], user = 'alice') {
      const idx = index();
      return previewBatch(op, selectByIds(idx, ids).tasks, { index: idx, user, now: new Date() }, locks);
    },
    tasks,
  };
}

export function statuses(record: { results: { task: string; status: string; reason: string }[] }): string[] {
  return record.results.map((r) => `${r.task}:${r.status}:${r.reason}`);
}
