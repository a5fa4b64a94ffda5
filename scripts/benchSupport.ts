// What the benchmarks share: the workspace they measure, the parsing floor, and their statistics.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { findIndexedFiles } from '../src/core/workspace/diskWorkspace';
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

export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
