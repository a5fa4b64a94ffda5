import { compareIds } from '../engine/dayPlan';
import { sortKey } from './taskListColumns';
import { compileFilter, type FilterContext } from './taskFilter';
import type { TaskListQuery, TaskListSort } from './taskListQuery';
import type { TaskRow } from './taskRow';


/** Filtering keeps the order of rows already sorted. */
export function filterSorted(sorted: readonly TaskRow[], query: TaskListQuery, context: FilterContext): TaskRow[] {
  return sorted.filter(compileFilter(query, context));
}

/** Rows in a column's order; ties keep name, then id order so paging is stable. */
export function sortRows(rows: readonly TaskRow[], sort: TaskListSort): TaskRow[] {
  const { column, direction } = sort;
  const sign = direction === 'asc' ? 1 : -1;
  // Keys folded to lower case once: plain comparisons are many times faster than a collator's.
  const keyed = rows.map((row) => ({ row, key: fold(sortKey(row, column)), name: row.name.toLowerCase() }));
  keyed.sort((a, b) => {
    const byKey = column === 'id' ? compareIds(a.row.id, b.row.id) : compare(a.key, b.key);
    if (byKey !== 0) return sign * byKey;
    return compare(a.name, b.name) || compareIds(a.row.id, b.row.id);
  });
  return keyed.map((k) => k.row);
}

function fold(key: string | number): string | number {
  return typeof key === 'string' ? key.toLowerCase() : key;
}

function compare(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return a < b ? -1 : a > b ? 1 : 0;
}
