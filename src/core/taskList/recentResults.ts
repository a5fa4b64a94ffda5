import { foldedSearch } from './taskFilter';
import type { TaskListQuery } from './taskListQuery';
import type { TaskRow } from './taskRow';

/** How many recent results a session keeps: a word typed and erased again, letter by letter. */
const KEPT = 16;

interface Recent {
  /** The query without its search (and the user, for "mine"): what must match for a result to be reused. */
  rest: string;
  search: string;
  rows: TaskRow[];
}

/**
 * A session's last results, so that typing in the search box does not filter every task again: a
 * search that extends an earlier one (`ods` after `od`) can only match rows that one matched, so it
 * filters that result; a search seen a moment ago (erasing back to `od`) is that result again. Only
 * queries whose other filters are the same qualify, and none that depends on the clock.
 */
export class RecentResults {
  private readonly recent: Recent[] = [];

  /** The rows to filter for `query`: an exact earlier result (`exact`), a narrower start, or none. */
  lookup(query: TaskListQuery, user: string): { rows: TaskRow[]; exact: boolean } | undefined {
    const key = restOf(query, user);
    if (key === undefined) return undefined;
    const search = foldedSearch(query.search);
    let best: Recent | undefined;
    for (const r of this.recent) {
      if (r.rest !== key) continue;
      if (r.search === search) return { rows: r.rows, exact: true };
      // Every row matching `search` holds `r.search` too: filtering r's rows is enough.
      if (search.includes(r.search) && (!best || r.rows.length < best.rows.length)) best = r;
    }
    return best && { rows: best.rows, exact: false };
  }

  remember(query: TaskListQuery, user: string, rows: TaskRow[]): void {
    const rest = restOf(query, user);
    if (rest === undefined) return;
    this.recent.unshift({ rest, search: foldedSearch(query.search), rows });
    this.recent.length = Math.min(this.recent.length, KEPT);
  }

  clear(): void {
    this.recent.length = 0;
  }
}

/** The query's other filters and sort, or undefined when its result depends on the time ("modified"). */
function restOf(query: TaskListQuery, user: string): string | undefined {
  if (query.modified !== 'any' && query.modified !== 'custom') return undefined;
  return JSON.stringify({ ...query, search: '', user: query.mine ? user : '' });
}
