import * as l10n from '@vscode/l10n';
import { elementScroll, observeElementOffset, observeElementRect, Virtualizer } from '@tanstack/virtual-core';
import type { HostMessage, InitialResult } from '../../src/core/panel/panelProtocol';
import { COLUMNS, type ColumnId } from '../../src/core/taskList/taskListColumns';
import type { TaskListFacets } from '../../src/core/taskList/taskListFacets';
import type { TaskListQuery } from '../../src/core/taskList/taskListQuery';
import type { TaskRow } from '../../src/core/taskList/taskRow';
import { formatCount } from './countText';
import { h } from './dom';
import { FilterPanel } from './filterPanel';
import type { HostChannel } from './hostChannel';
import { defaultColumns, defaultQuery, sameQuery, type PanelState } from './panelState';
import { RowWindowCache } from './rowWindowCache';
import { COLUMN_WIDTHS, minimumWidth } from './taskCells';
import { createRowElement, fillRowElement, listenToRowEvents } from './taskRowElement';
import { ListSelection } from './listSelection';
import { publishListTiming } from './listTiming';
import { RowMenu } from './rowMenu';
import { TaskListToolbar } from './taskListToolbar';
import { gridKeyAction } from './gridKeys';
import { renderColumnsMenu, renderGridHeader } from './gridHeader';

export const ROW_HEIGHT = 26;

/**
 * The offline computing task list: search, "Developed by me", the filters, column configuration,
 * sorting, a virtualized grid fed a window at a time, row actions and the batch selection bar.
 */
export class TaskListView {
  readonly element: HTMLElement;
  private readonly cache = new RowWindowCache<TaskRow>();
  private readonly filters: FilterPanel;
  private readonly toolbar: TaskListToolbar;
  private readonly header = h('div', { class: 'grid-row grid-header', role: 'row', 'aria-rowindex': '1' });
  private readonly scroller = h('div', { class: 'grid-scroller' });
  private readonly spacer = h('div', { class: 'grid-spacer', role: 'rowgroup' });
  private readonly grid: HTMLElement;
  private readonly columnsMenu = h('div', { class: 'columns-menu', role: 'group', 'aria-label': l10n.t('Columns to show'), hidden: true });
  private readonly menu = new RowMenu((action, id) => this.host.post({ type: 'rowAction', action, id }));
  private readonly virtualizer: Virtualizer<HTMLElement, HTMLElement>;
  private readonly rendered = new Map<number, HTMLElement>();
  private pool: HTMLElement[] = [];
  private readonly selection: ListSelection;
  private seq = 0;
  private active = 0;
  private facets?: TaskListFacets;
  private filtersBuilt = false;
  /** performance.now() of the last query sent, and of its first rows drawn (the benchmark reads these). */
  readonly timing = { queried: 0, drawn: 0, seq: 0 };

  constructor(
    private readonly host: HostChannel,
    private readonly state: PanelState,
    private readonly save: () => void,
  ) {
    this.selection = new ListSelection(state.selection, {
      post: (message) => this.host.post(message),
      saved: (ids) => ((this.state.selection = ids), this.save()),
      ticksChanged: () => this.showTicks(),
    });
    this.filters = new FilterPanel((change) => this.setQuery({ ...this.state.query, ...change }));
    this.toolbar = new TaskListToolbar(
      { search: state.query.search, mine: state.query.mine, filtersOpen: state.filtersOpen },
      {
        search: (search) => this.setQuery({ ...this.state.query, search }),
        mine: (mine) => this.setQuery({ ...this.state.query, mine }),
        toggleFilters: () => {
          this.state.filtersOpen = !this.state.filtersOpen;
          this.filters.element.hidden = !this.state.filtersOpen;
          if (this.state.filtersOpen) this.buildFilters();
          this.save();
          return this.state.filtersOpen;
        },
        reset: () => this.reset(),
        // Built when first opened: its checkboxes are not needed for the list's first paint.
        toggleColumns: () => {
          if (!this.columnsMenu.hasChildNodes()) renderColumnsMenu(this.columnsMenu, () => this.state.columns, defaultColumns, (columns) => this.columnsChanged(columns));
          this.columnsMenu.hidden = !this.columnsMenu.hidden;
          return !this.columnsMenu.hidden;
        },
        create: () => this.host.post({ type: 'createTask' }),
        refresh: () => this.host.post({ type: 'refresh' }),
      },
    );
    this.filters.element.id = 'filters';
    this.filters.element.hidden = !state.filtersOpen;

    this.grid = h(
      'div',
      { class: 'grid', role: 'grid', 'aria-label': l10n.t('Compute tasks'), 'aria-multiselectable': 'true', tabindex: '0', 'aria-describedby': 'grid-keys' },
      this.scroller,
    );
    // The header scrolls sideways with the rows and stays on top when they scroll down.
    this.scroller.append(this.header, this.spacer);
    this.grid.addEventListener('keydown', (e) => this.onKey(e));
    this.element = h(
      'section',
      { class: 'task-list', 'aria-label': l10n.t('Task list') },
      this.toolbar.element,
      this.columnsMenu,
      this.filters.element,
      this.grid,
      h('p', { id: 'grid-keys', class: 'sr-only' }, l10n.t('Up and down arrows move between tasks, Space selects, Enter opens, Shift+F10 shows the task actions, Control+A selects all matching tasks.')),
      this.selection.bar,
      this.menu.element,
    );

    this.virtualizer = new Virtualizer<HTMLElement, HTMLElement>({
      count: 0,
      getScrollElement: () => this.scroller,
      estimateSize: () => ROW_HEIGHT,
      overscan: 6,
      scrollToFn: elementScroll,
      observeElementRect,
      observeElementOffset,
      initialOffset: state.scrollTop,
      scrollMargin: ROW_HEIGHT,
      onChange: () => this.renderRows(),
    });
    this.virtualizer._didMount();
    listenToRowEvents(this.spacer, {
      tick: (id, checked) => this.selection.toggle(id, checked),
      more: (id, button) => this.menu.open(id, button, this.element),
      action: (action, id) => this.host.post({ type: 'rowAction', action, id }),
      activate: (index) => this.setActive(index),
    });
    this.renderHeader();
  }

  /** The current query (restored or default) again: at start, and when the files changed. */
  requery(): void {
    this.sendQuery();
  }

  /**
   * At start: ask for the rows, and show at once those the extension wrote into the page when they
   * answer this very query (its answer then only refreshes them).
   */
  start(initial: InitialResult | undefined): void {
    this.sendQuery();
    if (initial && sameQuery(initial.query, this.state.query)) {
      this.receive({ type: 'result', seq: this.seq, total: initial.total, of: initial.of, start: 0, rows: initial.rows, hostMs: 0 });
    }
  }

  /** The files changed: tasks deleted since they were selected leave the selection. */
  pruneSelection(): void {
    this.selection.prune();
  }

  /** Filter values: the filter controls are built when first shown, and rebuilt when the values change. */
  setFacets(facets: TaskListFacets): void {
    this.facets = facets;
    this.filtersBuilt = false;
    if (this.state.filtersOpen) this.buildFilters();
  }

  private buildFilters(): void {
    if (this.filtersBuilt || !this.facets) return;
    this.filtersBuilt = true;
    this.filters.render(this.facets, this.state.query);
  }

  receive(message: HostMessage): void {
    if (message.type === 'result') {
      if (message.seq !== this.seq) return;
      const received = performance.now();
      this.cache.reset(message.seq, message.total, message.start, message.rows);
      this.toolbar.setCount(l10n.t('{0} of {1} tasks', formatCount(message.total), formatCount(message.of)));
      this.grid.setAttribute('aria-rowcount', String(message.total + 1));
      this.active = Math.min(this.active, Math.max(0, message.total - 1));
      this.virtualizer.setOptions({ ...this.virtualizer.options, count: message.total });
      this.virtualizer._willUpdate();
      this.renderRows(true);
      // Another filter or search: ask how many selected tasks it hides now.
      this.pruneSelection();
      // Drawn means painted: the frame after these rows, measured once it has been rendered.
      if (this.timing.seq === message.seq) requestAnimationFrame(() => setTimeout(() => this.markDrawn(message.seq, received, message.hostMs)));
    } else if (message.type === 'rows') {
      if (this.cache.put(message.seq, message.start, message.rows)) this.renderRows();
    } else if (message.type === 'queryReset') {
      // The saved query did not parse (an older version's): start again from the defaults.
      this.state.query = message.query;
      this.toolbar.show(message.query);
      if (this.filtersBuilt) this.filters.sync(message.query);
      this.renderHeader();
      this.sendQuery();
      this.save();
    } else {
      this.selection.receive(message);
    }
  }

  private markDrawn(seq: number, received: number, hostMs: number): void {
    if (this.timing.seq !== seq || this.timing.drawn) return;
    this.timing.drawn = performance.now();
    publishListTiming(seq, this.timing, received, hostMs);
  }

  private setQuery(query: TaskListQuery): void {
    this.state.query = query;
    this.sendQuery();
    this.save();
  }

  private sendQuery(): void {
    this.seq++;
    this.timing.queried = performance.now();
    this.timing.drawn = 0;
    this.timing.seq = this.seq;
    // Only what fits on screen comes with the result: every byte crosses two frames and a socket.
    const visible = Math.ceil((this.scroller.clientHeight || window.innerHeight) / ROW_HEIGHT) + 8;
    this.host.post({ type: 'query', seq: this.seq, query: this.state.query, count: visible });
  }

  private reset(): void {
    const sort = this.state.query.sort;
    this.state.query = { ...defaultQuery(), sort };
    this.toolbar.show(this.state.query);
    if (this.filtersBuilt) this.filters.sync(this.state.query);
    this.sendQuery();
    this.save();
  }

  private columns(): ColumnId[] {
    return COLUMNS.map((c) => c.id).filter((id) => this.state.columns.includes(id));
  }

  private template(): string {
    return ['32px', ...this.columns().map((c) => COLUMN_WIDTHS[c]), '150px'].join(' ');
  }

  private renderHeader(): void {
    renderGridHeader(this.header, this.columns(), this.state.query.sort, {
      selectAll: (checked) => (checked ? this.selection.selectAll(this.cache.seq) : this.selection.clear()),
      sortBy: (column, direction) => {
        this.setQuery({ ...this.state.query, sort: { column, direction } });
        this.renderHeader();
      },
    });
    this.header.style.gridTemplateColumns = this.template();
    const minWidth = `${minimumWidth(this.columns())}px`;
    this.header.style.minWidth = minWidth;
    this.spacer.style.minWidth = minWidth;
    this.grid.setAttribute('aria-colcount', String(this.columns().length + 2));
  }

  private columnsChanged(columns: ColumnId[]): void {
    this.state.columns = columns;
    this.save();
    this.renderHeader();
    // Rows have one cell per column: build them again.
    this.rendered.forEach((el) => el.remove());
    this.rendered.clear();
    this.pool.forEach((el) => el.remove());
    this.pool = [];
    this.renderRows();
  }

  /**
   * Shows the virtualizer's rows. Row elements are recycled, not rebuilt: a new result or a scroll
   * refills the same elements, which keeps style and layout work per keystroke small.
   */
  private renderRows(refill = false): void {
    // Read before changing the DOM: reading a layout value after it would force a synchronous layout.
    const top = this.scroller.scrollTop;
    const items = this.virtualizer.getVirtualItems();
    this.spacer.style.height = `${this.virtualizer.getTotalSize()}px`;
    const wanted = new Set(items.map((i) => i.index));
    for (const [index, el] of this.rendered) {
      if (wanted.has(index)) continue;
      el.hidden = true;
      // A spare row names no task: nothing finds it by its old one.
      delete el.dataset.task;
      el.removeAttribute('aria-selected');
      el.removeAttribute('id');
      this.pool.push(el);
      this.rendered.delete(index);
    }
    for (const item of items) {
      let el = this.rendered.get(item.index);
      if (el && !refill && !el.classList.contains('loading')) continue;
      if (!el) {
        el = this.pool.pop() ?? this.createRow();
        el.hidden = false;
        this.rendered.set(item.index, el);
      }
      el.style.transform = `translateY(${item.start - ROW_HEIGHT}px)`;
      this.fillRow(el, item.index);
    }
    if (items.length) {
      for (const page of this.cache.pagesToRequest(items[0]!.index, items[items.length - 1]!.index + 1)) this.host.post({ type: 'rows', seq: this.cache.seq, ...page });
    }
    if (top !== this.state.scrollTop) {
      this.state.scrollTop = top;
      this.save();
    }
  }

  private createRow(): HTMLElement {
    const el = createRowElement(this.columns(), this.template());
    this.spacer.append(el);
    return el;
  }

  private fillRow(el: HTMLElement, index: number): void {
    const row = this.cache.get(index);
    fillRowElement(el, index, row, !!row && this.selection.has(row.id), index === this.active);
  }

  private setActive(index: number): void {
    this.rendered.get(this.active)?.classList.remove('active');
    this.active = index;
    this.rendered.get(index)?.classList.add('active');
    this.grid.setAttribute('aria-activedescendant', `row-${index}`);
    this.grid.focus();
  }

  private onKey(e: KeyboardEvent): void {
    if (e.target !== this.grid || this.cache.total === 0) return;
    const page = Math.max(1, Math.floor(this.scroller.clientHeight / ROW_HEIGHT) - 1);
    const action = gridKeyAction(e, this.active, this.cache.total, page);
    if (!action) return;
    if ('move' in action || action.act !== 'open') e.preventDefault();
    const row = this.cache.get(this.active);
    if ('move' in action) {
      // Active at once: a key pressed right after (Space, Enter) must act on this row, not the last.
      this.setActive(action.move);
      this.virtualizer.scrollToIndex(action.move, { align: 'auto' });
    } else if (action.act === 'selectAll') this.selection.selectAll(this.cache.seq);
    else if (!row) return;
    else if (action.act === 'toggle') this.selection.toggle(row.id, !this.selection.has(row.id));
    else if (action.act === 'open') this.host.post({ type: 'rowAction', action: 'open', id: row.id });
    else this.menu.open(row.id, this.rendered.get(this.active) ?? this.grid, this.element);
  }

  /** The rows on screen show the selection's ticks. */
  private showTicks(): void {
    for (const [index, el] of this.rendered) {
      const id = this.cache.get(index)?.id;
      if (!id) continue;
      const on = this.selection.has(id);
      el.setAttribute('aria-selected', String(on));
      el.querySelector<HTMLInputElement>('input.row-check')!.checked = on;
    }
  }
}
