// Runs a tag batch over every task of a workspace, reporting its progress; the test kills it mid-way.
import { runBatch } from '../../../src/core/operations/batchRunner';
import { LockStore } from '../../../src/core/operations/lockStore';
import { modifyTagsOperation } from '../../../src/core/operations/fieldOperations';
import { loadWorkspace } from '../../../src/core/workspace/diskWorkspace';

const root = process.argv[2]!;
const index = loadWorkspace(root);
const tasks = [...index.tasks()];
process.stdout.write('started\n');
void runBatch(modifyTagsOperation('append', ['crash-test']), tasks, { index, user: 'user01', now: new Date() }, { root, locks: new LockStore(), onProgress: (done) => { if (done === 1 || done % 100 === 0) process.stdout.write(`done ${done}\n`); } }).then(() => process.stdout.write('finished\n'));
