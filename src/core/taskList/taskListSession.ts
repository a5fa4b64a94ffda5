import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { taskListFacets, type TaskListFacets } from './taskListFacets';
import type { FilterContext } from './taskFilter';
import { defaultQuery, type TaskListQuery } from './taskListQuery';
import { RecentResults } from './recentResults';
import { filterSorted } from './taskListResult';
import type { TaskRow } from './taskRow';
import { TaskRowCache } from './taskRowCache';

/**
 * The task list behind one panel: rows built once per index change, the current query's result,
 * and windows of it, so the webview only ever holds what it shows.
 */
export class TaskListSession {
  private facetCache?: TaskListFacets;
  private query: TaskListQuery = defaultQuery();
  private result?: TaskRow[];
  private readonly recent = new RecentResults();
  private readonly rows: TaskRowCache;
  private readonly ownRows: boolean;

  /** `shared`: the window's rows, shared by its panels and invalidated by its owner; else the session's own. */
  constructor(
    private readonly index: () => WorkspaceIndex,
    private readonly context: () => FilterContext,
    shared?: TaskRowCache,
  ) {
    this.rows = shared ?? new TaskRowCache(index);
    this.ownRows = !shared;
  }

  /** The files changed: facets and the result (and rows the session owns) are rebuilt on next use. */
  invalidate(): void {
    this.recent.clear();
    if (this.ownRows) this.rows.invalidate();
    this.facetCache = undefined;
    this.result = undefined;
  }

  facets(): TaskListFacets {
    return (this.facetCache ??= taskListFacets(this.index(), this.rows.all()));
  }

  taskCount(): number {
    return this.rows.all().length;
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
    const context = this.context();
    // A keystroke in the search box filters the last result it extends, not every task again.
    const start = this.recent.lookup(this.query, context.user);
    if (start?.exact) return (this.result = start.rows);
    // Every row in the sort's order, kept: a keystroke then filters without sorting again.
    this.result = filterSorted(start?.rows ?? this.rows.inOrder(this.query.sort), this.query, context);
    this.recent.remember(this.query, context.user, this.result);
    return this.result;
  }
}
