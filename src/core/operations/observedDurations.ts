import * as l10n from '@vscode/l10n';
import { parse as parseCsv } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { Task } from '../workspace/workspaceModel';

/** One run an operation center exported: which task, which instance, when it started and ended. */
export interface ObservedRun {
  /** 1-based line (CSV) or position (JSON) in the file, for messages. */
  line: number;
  task: Task;
  scheduledAt: string;
  minutes: number;
}

export interface RowProblem {
  line: number;
  message: string;
  /** An error makes the import exit non-zero; a note (a run still going, another project's task) does not. */
  severity: 'error' | 'note';
}

/** What a task's observed runs say: the median (its expected minutes) and the 90th percentile. */
export interface TaskDurations {
  task: Task;
  runs: number;
  median: number;
  p90: number;
}

export class DurationFileError extends Error {}

/** The header names operation centers write for each column (compared lower-case, without `_`, `-` and spaces). */
const COLUMNS = {
  task: ['task', 'taskid', 'taskname', 'node', 'nodeid', 'nodename', 'name', 'id'],
  scheduledAt: ['scheduledat', 'scheduledtime', 'scheduletime', 'cyctime', 'plantime'],
  start: ['start', 'starttime', 'startedat', 'begin', 'begintime'],
  end: ['end', 'endtime', 'endedat', 'finish', 'finishtime', 'finishedat'],
} as const;
type Column = keyof typeof COLUMNS;

const norm = (s: string) => s.toLowerCase().replace(/[\s_-]/g, '');

/**
 * The rows of an exported file, each as its four texts: CSV with a header row (quoted fields, any
 * column order, the usual names), or JSON: an array of objects, or an object holding one under `rows`.
 */
export function readDurationRows(text: string, file: string): { line: number; cells: Record<Column, string> }[] {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (error) {
      throw new DurationFileError(`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    }
    const rows = Array.isArray(value) ? value : value && typeof value === 'object' && Array.isArray((value as { rows?: unknown }).rows) ? (value as { rows: unknown[] }).rows : undefined;
    if (!rows) throw new DurationFileError(`${file}: expected an array of runs, or an object with "rows"`);
    return rows.map((row, i) => {
      const record = row && typeof row === 'object' ? (row as Record<string, unknown>) : {};
      return { line: i + 1, cells: pick(Object.keys(record), (key) => (record[key] === null || record[key] === undefined ? '' : String(record[key])), file) };
    });
  }
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parseCsv(trimmed, { columns: true, info: true, skip_empty_lines: true, trim: true, relax_column_count: true }) as typeof records;
  } catch (error) {
    throw new DurationFileError(`${file}: not a CSV file with a header row (${error instanceof Error ? error.message : String(error)})`);
  }
  if (records.length === 0) return [];
  const keys = Object.keys(records[0]!.record);
  return records.map(({ record, info }) => ({ line: info.lines, cells: pick(keys, (key) => record[key] ?? '', file) }));
}

function pick(keys: string[], value: (key: string) => string, file: string): Record<Column, string> {
  const out = {} as Record<Column, string>;
  for (const column of Object.keys(COLUMNS) as Column[]) {
    const key = keys.find((k) => (COLUMNS[column] as readonly string[]).includes(norm(k)));
    if (key === undefined) throw new DurationFileError(`${file}: no "${column}" column (the columns are task, scheduledAt, start, end; found ${keys.join(', ') || 'none'})`);
    out[column] = value(key).trim();
  }
  return out;
}

/** A time as an operation center writes it (ISO 8601, or `2026-11-01 02:00:00`), in the task's zone when it names none. */
function instant(text: string, zone: string): DateTime | undefined {
  for (const read of [DateTime.fromISO, DateTime.fromSQL]) {
    const t = read(text, { zone, setZone: true });
    if (t.isValid) return t;
  }
  return undefined;
}

/**
 * The runs of the file matched to the workspace's tasks (by id, else by a name unique in the
 * workspace), each with its minutes; rows that are not runs are problems at their line. A run seen
 * twice (a rerun of the same instance) counts once, its last row.
 */
export function matchRuns(rows: readonly { line: number; cells: Record<Column, string> }[], index: WorkspaceIndex): { runs: ObservedRun[]; problems: RowProblem[] } {
  const byName = new Map<string, Task | null>();
  for (const t of index.tasks()) byName.set(t.data.name, byName.has(t.data.name) ? null : t);
  const problems: RowProblem[] = [];
  const runs = new Map<string, ObservedRun>();
  for (const { line, cells } of rows) {
    const named = cells.task;
    const task = index.task(named) ?? byName.get(named);
    if (!named) {
      problems.push({ line, message: l10n.t('no task'), severity: 'error' });
      continue;
    }
    if (task === null) {
      problems.push({ line, message: l10n.t('task "{0}": several projects have a task of that name; write its id', named), severity: 'error' });
      continue;
    }
    if (!task) {
      problems.push({ line, message: l10n.t('task "{0}" is not in the workspace; left out', named), severity: 'note' });
      continue;
    }
    if (!cells.end) {
      problems.push({ line, message: l10n.t('{0}: no end time (still running, or it never ran); left out', `${task.data.name} ${cells.scheduledAt}`), severity: 'note' });
      continue;
    }
    const zone = (task.projectDir ? index.project(task.projectDir)?.config.timezone : undefined) ?? 'UTC';
    const start = instant(cells.start, zone);
    const end = instant(cells.end, zone);
    if (!start || !end) {
      problems.push({ line, message: l10n.t('{0} is not a time (write 2026-11-01T02:00:00 or 2026-11-01 02:00:00)', !start ? `start "${cells.start}"` : `end "${cells.end}"`), severity: 'error' });
      continue;
    }
    const minutes = end.diff(start, 'minutes').minutes;
    if (!(minutes >= 0)) {
      problems.push({ line, message: l10n.t('end {0} is before start {1}', cells.end, cells.start), severity: 'error' });
      continue;
    }
    runs.set(`${task.data.id}\u0000${cells.scheduledAt || `line ${line}`}`, { line, task, scheduledAt: cells.scheduledAt, minutes });
  }
  return { runs: [...runs.values()], problems };
}

/** Median and 90th percentile (nearest rank) of each task's runs, in whole minutes, at least 1. */
export function durationsByTask(runs: readonly ObservedRun[]): TaskDurations[] {
  const minutes = new Map<Task, number[]>();
  for (const r of runs) {
    const list = minutes.get(r.task);
    if (list) list.push(r.minutes);
    else minutes.set(r.task, [r.minutes]);
  }
  return [...minutes].map(([task, list]) => {
    list.sort((a, b) => a - b);
    const n = list.length;
    const median = n % 2 ? list[(n - 1) / 2]! : (list[n / 2 - 1]! + list[n / 2]!) / 2;
    const p90 = list[Math.ceil(0.9 * n) - 1]!;
    return { task, runs: n, median: Math.max(1, Math.round(median)), p90: Math.max(1, Math.ceil(p90 - 1e-9)) };
  });
}
