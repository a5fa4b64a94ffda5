// Runs one batch operation over a workspace's tasks in its own process, printing "done N" after each
// task and the results as JSON at the end: the reliability tests race two of these, or kill one.
// Usage: batchWorker.ts <root> <tags-append TAG | move PROJECT/FOLDER | project PROJECT | delete | unpublish> [ids,...]
import { runBatch } from '../../../src/core/operations/batchRunner';
import { LockStore } from '../../../src/core/operations/lockStore';
import { moveTasksOperation } from '../../../src/core/operations/moveOperation';
import { modifyProjectOwnershipOperation } from '../../../src/core/operations/projectOwnershipOperation';
import { deleteTaskOperation, unpublishOperation } from '../../../src/core/operations/publishOperations';
import { modifyTagsOperation } from '../../../src/core/operations/fieldOperations';
import type { TaskOperation } from '../../../src/core/operations/taskOperation';
import { loadWorkspace } from '../../../src/core/workspace/diskWorkspace';

const [root, op, arg, ids] = process.argv.slice(2) as [string, string, string | undefined, string | undefined];
const index = loadWorkspace(root);
const wanted = ids ? new Set(ids.split(',')) : undefined;
const tasks = [...index.tasks()].filter((t) => !wanted || wanted.has(t.data.id)).sort((a, b) => a.data.id.localeCompare(b.data.id));
const project = (name: string) => index.projects().find((p) => p.config.project === name)!;
let operation: TaskOperation;
switch (op) {
  case 'tags-append':
    operation = modifyTagsOperation('append', [arg!]);
    break;
  case 'move': {
    const [name, folder] = arg!.split('/') as [string, string];
    operation = moveTasksOperation(project(name).dir, folder);
    break;
  }
  case 'project':
    operation = modifyProjectOwnershipOperation({ projectDir: project(arg!).dir });
    break;
  case 'delete':
    operation = deleteTaskOperation('tidy up', tasks);
    break;
  case 'unpublish':
    operation = unpublishOperation('retire', tasks);
    break;
  default:
    throw new Error(`unknown operation ${op}`);
}
process.stdout.write('started\n');
void runBatch(operation, tasks, { index, user: 'alice', now: new Date() }, { root, locks: new LockStore(), onProgress: (done) => process.stdout.write(`done ${done}\n`) }).then((record) =>
  process.stdout.write(`${JSON.stringify(record.results)}\n`),
);
