import type { TaskListQuery } from './taskListQuery';
import type { TaskRow } from './taskRow';

export interface FilterContext {
  /** Who "Developed by me" means. */
  user: string;
  now: Date;
}

type Test = (row: TaskRow) => boolean;

const DAY_MS = 86_400_000;

/** One predicate for the whole query, built once per query so a keystroke costs one pass over the rows. */
export function compileFilter(query: TaskListQuery, context: FilterContext): Test {
  const tests: Test[] = [];
  const search = foldedSearch(query.search);
  if (search) tests.push((r) => searchText(r).includes(search));
  if (query.mine) tests.push((r) => r.owner === context.user);
  oneOf(tests, query.types, (r) => r.type);
  oneOf(tests, query.methods, (r) => r.method);
  oneOf(tests, query.owners, (r) => r.owner);
  oneOf(tests, query.submissions, (r) => r.lastSubmission);
  oneOf(tests, query.templates, (r) => r.templateName);
  oneOf(tests, query.statuses, (r) => r.status);
  oneOf(tests, query.cycles, (r) => r.cycle);
  oneOf(tests, query.opsOwners, (r) => r.opsOwner);
  const table = query.outputTable.trim().toLowerCase();
  if (table) tests.push((r) => r.outputTables.some((t) => t.toLowerCase().includes(table)));
  tristate(tests, query.published, (r) => r.published);
  tristate(tests, query.conditional, (r) => r.conditional);
  const created = dayRange(query.created.from, query.created.to);
  if (created) tests.push((r) => inRange(r.createdAt, created));
  const modified = modifiedRange(query, context.now);
  if (modified) tests.push((r) => inRange(r.updatedAt, modified));
  if (query.tags.length) {
    const tags = new Set(query.tags);
    tests.push((r) => r.tags.some((t) => tags.has(t)));
  }
  const folder = query.folder;
  if (folder) {
    const prefix = folder.path ? `${folder.path}/` : '';
    tests.push((r) => r.projectDir === folder.projectDir && (r.folder === folder.path || (folder.includeSubfolders && r.folder.startsWith(prefix))));
  }
  return (row) => tests.every((t) => t(row));
}

/** The search as rows are matched against it: trimmed, lower case. */
export function foldedSearch(search: string): string {
  return search.trim().toLowerCase();
}

/** Id and name in lower case, folded once per row rather than on every keystroke. */
const folded = new WeakMap<TaskRow, string>();
function searchText(row: TaskRow): string {
  let text = folded.get(row);
  if (text === undefined) folded.set(row, (text = `${row.id.toLowerCase()}\u0000${row.name.toLowerCase()}`));
  return text;
}

function oneOf(tests: Test[], values: readonly string[], field: (r: TaskRow) => string): void {
  if (values.length === 0) return;
  const set = new Set(values);
  tests.push((r) => set.has(field(r)));
}

function tristate(tests: Test[], value: 'any' | 'yes' | 'no', field: (r: TaskRow) => boolean): void {
  if (value !== 'any') tests.push((r) => field(r) === (value === 'yes'));
}

interface Range {
  from: number;
  to: number;
}

/** Whole days, in UTC, both ends included. */
function dayRange(from: string | undefined, to: string | undefined): Range | undefined {
  if (!from && !to) return undefined;
  return { from: from ? Date.parse(`${from}T00:00:00Z`) : -Infinity, to: to ? Date.parse(`${to}T00:00:00Z`) + DAY_MS - 1 : Infinity };
}

function modifiedRange(query: TaskListQuery, now: Date): Range | undefined {
  const end = now.getTime();
  switch (query.modified) {
    case '3d':
      return { from: end - 3 * DAY_MS, to: Infinity };
    case '7d':
      return { from: end - 7 * DAY_MS, to: Infinity };
    case '1m': {
      const start = new Date(end);
      start.setUTCMonth(start.getUTCMonth() - 1);
      return { from: start.getTime(), to: Infinity };
    }
    case 'custom':
      return dayRange(query.modifiedRange.from, query.modifiedRange.to);
    default:
      return undefined;
  }
}

/** A task without the timestamp never matches a time filter. */
function inRange(stamp: string, range: Range): boolean {
  if (!stamp) return false;
  const t = Date.parse(stamp);
  return t >= range.from && t <= range.to;
}
