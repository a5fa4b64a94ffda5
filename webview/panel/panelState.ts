import type { InitialResult } from '../../src/core/panel/panelProtocol';
import type { TimelineRequest } from '../../src/core/timeline/timelineRequest';
import { COLUMNS, COLUMN_IDS, type ColumnId } from '../../src/core/taskList/taskListColumns';
import type { TaskListQuery } from '../../src/core/taskList/taskListQuery';

/** Everything the panel restores after being hidden or reloaded. */
export interface PanelState {
  tab: 'list' | 'timeline';
  query: TaskListQuery;
  columns: ColumnId[];
  filtersOpen: boolean;
  selection: string[];
  scrollTop: number;
  timeline?: TimelineRequest;
  /** Minutes per pixel and left-edge minute of the timeline, when zoomed. */
  zoom?: { minutesPerPx: number; originMinute: number };
  selectedInstance?: string;
}

export function defaultColumns(): ColumnId[] {
  return COLUMNS.filter((c) => c.visible).map((c) => c.id);
}

/**
 * The default query, as the extension made it from its schema and wrote into the page: the webview
 * carries no schema library of its own (zod alone would triple its bundle).
 */
export function defaultQuery(): TaskListQuery {
  return JSON.parse(document.getElementById('app')!.dataset.defaultQuery!) as TaskListQuery;
}

/** The first rows the extension wrote into the page, for the query it expected. */
export function initialResult(): InitialResult | undefined {
  const text = document.getElementById('app')!.dataset.initial;
  return text ? (JSON.parse(text) as InitialResult) : undefined;
}

/** Two queries alike, whatever the order of their keys. */
export function sameQuery(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function initialState(defaults: TaskListQuery): PanelState {
  return { tab: 'list', query: structuredClone(defaults), columns: defaultColumns(), filtersOpen: false, selection: [], scrollTop: 0 };
}

/**
 * Saved state from an older version may not fit: keep what has the right shape, default the rest.
 * The query is checked where it is used, by the extension's schema, which sends the defaults back
 * (`queryReset`) when a saved query no longer parses.
 */
export function restoreState(saved: unknown, defaults: TaskListQuery): PanelState {
  const state = initialState(defaults);
  if (!saved || typeof saved !== 'object') return state;
  const s = saved as Partial<PanelState>;
  if (s.query && typeof s.query === 'object' && !Array.isArray(s.query)) state.query = { ...state.query, ...s.query };
  if (Array.isArray(s.columns)) state.columns = s.columns.filter((c): c is ColumnId => (COLUMN_IDS as readonly string[]).includes(c));
  if (!state.columns.includes('name')) state.columns.unshift('name');
  if (s.tab === 'timeline') state.tab = 'timeline';
  state.filtersOpen = s.filtersOpen === true;
  if (Array.isArray(s.selection)) state.selection = s.selection.filter((x): x is string => typeof x === 'string');
  if (typeof s.scrollTop === 'number') state.scrollTop = s.scrollTop;
  if (s.timeline && typeof s.timeline === 'object') state.timeline = s.timeline;
  if (s.zoom && typeof s.zoom.minutesPerPx === 'number' && typeof s.zoom.originMinute === 'number') state.zoom = s.zoom;
  if (typeof s.selectedInstance === 'string') state.selectedInstance = s.selectedInstance;
  return state;
}
