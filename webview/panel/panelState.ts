import type { TimelineRequest } from '../../src/core/panel/panelProtocol';
import { COLUMNS, COLUMN_IDS, type ColumnId } from '../../src/core/taskList/taskListColumns';
import { defaultQuery, taskListQuerySchema, type TaskListQuery } from '../../src/core/taskList/taskListQuery';

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

export function initialState(): PanelState {
  return { tab: 'list', query: defaultQuery(), columns: defaultColumns(), filtersOpen: false, selection: [], scrollTop: 0 };
}

/** Saved state from an older version may not fit: keep what parses, default the rest. */
export function restoreState(saved: unknown): PanelState {
  const state = initialState();
  if (!saved || typeof saved !== 'object') return state;
  const s = saved as Partial<PanelState>;
  const query = taskListQuerySchema.safeParse(s.query);
  if (query.success) state.query = query.data;
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
