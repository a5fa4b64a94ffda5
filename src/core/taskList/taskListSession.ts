import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { taskListFacets, type TaskListFacets } from './taskListFacets';
import type { FilterContext } from './taskFilter';
import { defaultQuery, type TaskListQuery } from './taskListQuery';
import { RecentResults } from './recentResults';
import { filterSorted, sortRows } from './taskListResult';
import { taskRow, type TaskRow } from './taskRow';

/**
 * The task list behind one panel: rows built once per index change, the current query's result,
 * and windows of it, so the webview only ever holds what it shows.
 */
export class TaskListSession {
  private rows?: TaskRow[];
  private facetCache?: TaskListFacets;
  private query: TaskListQuery = defaultQuery();
  private result?: TaskRow[];
  /** Every row in the current sort's order: a keystroke then filters without sorting again. */
  private sorted?: { key: string; rows: TaskRow[] };
  private readonly recent = new RecentResults();

  constructor(
    private readonly index: () => WorkspaceIndex,
    private readonly context: () => FilterContext,
  ) {}

  /** The files changed: rows, facets and the result are rebuilt on next use. */
  invalidate(): void {
    this.recent.clear();
    this.rows = undefined;
    this.sorted = undefined;
    this.facetCache = undefined;
    this.result = undefined;
  }

  facets(): TaskListFacets {
    return (this.facetCache ??= taskListFacets(this.index(), this.allRows()));
  }

  taskCount(): number {
    return this.allRows().length;
  }

  setQuery(query: TaskListQuery): number {
    this.query = query;
    this.result = undefined;
    return this.matches().length;
  }

  window(start: number, count: number): TaskRow[] {
    return this.matches().slice(start, start + count);
  }

  matchingIds(): string[] {
    return this.matches().map((r) => r.id);
  }

  private matches(): TaskRow[] {
    if (this.result) return this.result;
    const key = `${this.query.sort.column} ${this.query.sort.direction}`;
    if (this.sorted?.key !== key) this.sorted = { key, rows: sortRows(this.allRows(), this.query.sort) };
    const context = this.context();
    // A keystroke in the search box filters the last result it extends, not every task again.
    const start = this.recent.lookup(this.query, context.user);
    if (start?.exact) return (this.result = start.rows);
    this.result = filterSorted(start?.rows ?? this.sorted.rows, this.query, context);
    this.recent.remember(this.query, context.user, this.result);
    return this.result;
  }

  private allRows(): TaskRow[] {
    if (!this.rows) {
      const index = this.index();
      this.rows = [...index.tasks()].map((t) => taskRow(t, index));
    }
    return this.rows;
  }
}
