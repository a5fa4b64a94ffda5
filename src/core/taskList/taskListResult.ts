import { compareIds } from '../engine/dayPlan';
import { sortKey } from './taskListColumns';
import { compileFilter, type FilterContext } from './taskFilter';
import type { TaskListQuery } from './taskListQuery';
import type { TaskRow } from './taskRow';

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** The rows a query matches, in its order; ties keep name, then id order so paging is stable. */
export function queryTaskList(rows: readonly TaskRow[], query: TaskListQuery, context: FilterContext): TaskRow[] {
  const test = compileFilter(query, context);
  const matched = rows.filter(test);
  const { column, direction } = query.sort;
  const sign = direction === 'asc' ? 1 : -1;
  const keyed = matched.map((row) => ({ row, key: sortKey(row, column) }));
  keyed.sort((a, b) => {
    const byKey = column === 'id' ? compareIds(a.row.id, b.row.id) : compare(a.key, b.key);
    if (byKey !== 0) return sign * byKey;
    return collator.compare(a.row.name, b.row.name) || compareIds(a.row.id, b.row.id);
  });
  return keyed.map((k) => k.row);
}

function compare(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}
