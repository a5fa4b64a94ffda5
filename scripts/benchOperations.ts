// Batch-operation benchmark (issue: task operations). Prints, in one run, on the same generated files:
//   floor — read every task file and write the same text back (no change), nothing else;
//   atomic floor — the same through a temporary file renamed over the original (what any atomic write costs);
//   guarded floor — what the hardening's promises cost at the least: an intent record of every file's
//           old text written first, then per file, under the workspace write lock taken for 25 ms
//           slices, a read compared with the text read before, a temporary file and a rename, then
//           the record marked complete (the texts read before the clock starts, as the index holds them);
//   batch — a batch tag change (append) over every task: preview, lock checks, yaml edit keeping
//           comments, validation of the result, atomic write, and the batch record;
//   with the index already loaded (as in the editor), and the CLI's whole run (load + batch).
// Each step starts after a sync, and the steps take turns going first.
// Usage: npm run bench:operations -- [--tasks 10000] [--runs 3]
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { writeFileAtomic } from '../src/core/operations/atomicFile';
import { runBatch } from '../src/core/operations/batchRunner';
import { LockStore } from '../src/core/operations/lockStore';
import { modifyTagsOperation } from '../src/core/operations/fieldOperations';
import { loadWorkspace } from '../src/core/workspace/diskWorkspace';
import { findIndexedFiles } from '../src/core/workspace/workspaceWalk';
import { benchWorkspace, gc, guardedRewrite, median } from './benchSupport';

const { values } = parseArgs({ options: { tasks: { type: 'string', default: '10000' }, runs: { type: 'string', default: '3' } } });
const { dir, cleanup } = benchWorkspace({ tasks: values.tasks! });
const files = findIndexedFiles(dir).filter((f) => f.endsWith('.task.yaml'));

/** Flushes what the previous step wrote, so that its writeback is not charged to the next step. */
function settle(): void {
  execFileSync('sync');
  gc();
}

function floor(): number {
  settle();
  const start = performance.now();
  for (const f of files) writeFileSync(f, readFileSync(f, 'utf8'));
  return performance.now() - start;
}

/** The same, written the safe way any atomic edit must: a temporary file renamed over the old one. */
function atomicFloor(): number {
  settle();
  const start = performance.now();
  for (const f of files) writeFileAtomic(f, readFileSync(f, 'utf8'));
  return performance.now() - start;
}

function guardedFloor(): number {
  settle();
  return guardedRewrite(dir, files);
}

async function batch(run: number): Promise<{ batch: number; load: number; failed: number }> {
  settle();
  const t0 = performance.now();
  const index = loadWorkspace(dir);
  const t1 = performance.now();
  const record = await runBatch(modifyTagsOperation('append', [`bench-${run}`]), [...index.tasks()], { index, user: 'user01', now: new Date() }, { root: dir, locks: new LockStore() });
  return { batch: performance.now() - t1, load: t1 - t0, failed: record.results.filter((r) => r.status === 'failed').length };
}

async function main(): Promise<void> {
  floor();
  const floors: number[] = [];
  const atomicFloors: number[] = [];
  const guardedFloors: number[] = [];
  const batches: number[] = [];
  const wholes: number[] = [];
  let failed = 0;
  // The steps take turns going first: a step runs slower after another's heavy writing (the disk is
  // still freeing what it replaced, which `sync` does not wait for), and no step should always pay that.
  const steps = [
    () => floors.push(floor()),
    () => atomicFloors.push(atomicFloor()),
    () => guardedFloors.push(guardedFloor()),
    async (i: number) => {
      const b = await batch(i);
      batches.push(b.batch);
      wholes.push(b.batch + b.load);
      failed += b.failed;
    },
  ];
  const perRun: string[] = [];
  for (let i = 0; i < Number(values.runs); i++) {
    for (let k = 0; k < steps.length; k++) await steps[(i + k) % steps.length]!(i);
    perRun.push(`${floors[i]!.toFixed(0)}/${atomicFloors[i]!.toFixed(0)}/${guardedFloors[i]!.toFixed(0)}/${batches[i]!.toFixed(0)}`);
  }
  const f = median(floors);
  const b = median(batches);
  console.log(`workspace: ${files.length} task files; median of ${values.runs} runs; ${failed} failed task changes`);
  console.log(`floor (read + write back unchanged):   ${f.toFixed(0)} ms`);
  const a = median(atomicFloors);
  console.log(`atomic floor (read + temp file + rename, unchanged): ${a.toFixed(0)} ms = ${(a / f).toFixed(2)}x the floor`);
  const g = median(guardedFloors);
  console.log(`guarded floor (intent record, write lock, compare, temp file, rename): ${g.toFixed(0)} ms = ${(g / a).toFixed(2)}x the atomic floor`);
  console.log(`batch tag change over every task:      ${b.toFixed(0)} ms = ${(b / f).toFixed(2)}x the floor (target <= 2x) ${b / f <= 2 ? 'OK' : 'OVER'}; ${(b / a).toFixed(2)}x the atomic floor; ${(b / g).toFixed(2)}x the guarded floor (target <= 1.1x) ${b / g <= 1.1 ? 'OK' : 'OVER'}`);
  console.log(`  the CLI's whole run (index + batch): ${median(wholes).toFixed(0)} ms`);
  console.log(`  each run, floor/atomic floor/guarded floor/batch in ms: ${perRun.join(', ')}`);
  cleanup();
}

void main();
