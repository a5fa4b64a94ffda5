// What the benchmarks share: the workspace they measure, the parsing floor, and their statistics.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { writeFileAtomic } from '../src/core/operations/atomicFile';
import { recordsDir, textHash } from '../src/core/operations/batchRecords';
import { withWriteLock } from '../src/core/operations/writeLock';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { findIndexedFiles } from '../src/core/workspace/workspaceWalk';
import { generateWorkspace } from './generateWorkspace';

/** `--dir` when given, else a freshly generated workspace of `--tasks` tasks, removed by `cleanup`. */
export function benchWorkspace(values: { dir?: string; tasks?: string }): { dir: string; cleanup: () => void } {
  if (values.dir) return { dir: values.dir, cleanup: () => undefined };
  const dir = join(mkdtempSync(join(tmpdir(), 'nightshift-bench-')), 'ws');
  generateWorkspace({ tasks: Number(values.tasks), out: dir });
  return { dir, cleanup: () => rmSync(join(dir, '..'), { recursive: true, force: true }) };
}

/** The floor every reading benchmark compares against: list the files, read them, YAML-parse them. */
export function parseFloor(dir: string): void {
  for (const file of findIndexedFiles(dir)) parse(readFileSync(file, 'utf8'));
}

/** Collects garbage when Node runs with --expose-gc, so one run's garbage is not charged to the next. */
export const gc: () => void = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/** Milliseconds `fn` takes, garbage collected first so that an earlier step's garbage is not charged to it. */
export function time(fn: () => void): number {
  gc();
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/** The middle element by `key` (the upper middle of an even count). */
export const medianBy = <T,>(xs: readonly T[], key: (x: T) => number): T => [...xs].sort((a, b) => key(a) - key(b))[Math.floor(xs.length / 2)]!;

export const median = (xs: number[]): number => medianBy(xs, (x) => x);

/**
 * The guarded floor of a batch over `files`: what the hardening's promises cost at the least. An intent
 * record of every file's old text written first, then per file, under the workspace write lock taken
 * for 25 ms slices, a read compared with the text read before, a temporary file and a rename, then the
 * record marked complete. The texts are read before the clock starts, as the index holds them.
 */
export function guardedRewrite(dir: string, files: readonly string[]): number {
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  const start = performance.now();
  const records = recordsDir(dir);
  mkdirSync(records, { recursive: true });
  const record = join(records, 'bench-guarded-floor.json');
  const intent = { complete: false, files: files.map((path, i) => ({ path, beforeText: texts[i], afterHash: textHash(texts[i]!) })) };
  writeFileAtomic(record, JSON.stringify(intent));
  let i = 0;
  while (i < files.length) {
    const until = performance.now() + 25;
    withWriteLock(dir, () => {
      for (; i < files.length && performance.now() < until; i++) {
        if (readFileSync(files[i]!, 'utf8') !== texts[i]) throw new Error(`${files[i]} changed`);
        writeFileAtomic(files[i]!, texts[i]!);
      }
    });
  }
  writeFileAtomic(record, JSON.stringify({ ...intent, complete: true }));
  rmSync(record, { force: true });
  return performance.now() - start;
}
