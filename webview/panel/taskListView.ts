import * as l10n from '@vscode/l10n';
import { elementScroll, observeElementOffset, observeElementRect, Virtualizer } from '@tanstack/virtual-core';
import type { BatchAction, HostMessage, InitialResult, RowAction } from '../../src/core/panel/panelProtocol';
import { OPERATIONS } from '../../src/core/operations/operationCatalog';
import { localCommandTitle, operationShortLabel } from '../../src/core/operations/operationNames';
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
import { cellText, COLUMN_WIDTHS, minimumWidth } from './taskCells';

export const ROW_HEIGHT = 26;

const BATCH: [BatchAction, string][] = OPERATIONS.map((o) => [o.key, operationShortLabel(o.key)]);
const ROW_BUTTONS: [RowAction, string, string][] = [
  ['open', 'go-to-file', l10n.t('Open task')],
  ['acquireLock', 'lock', l10n.t('Acquire edit lock')],
  ['reveal', 'target', l10n.t('Locate in tree')],
  ['timeline', 'calendar', "Go to the day's schedule"],
];
/** The row's "More" menu: the catalog's row operations that ask first (Acquire Lock is a button). */
const MORE: [RowAction, string][] = [['ops', l10n.t('Go to O&M')], ['backfill', l10n.t('Backfill…')], ['clone', l10n.t('Clone Task…')], ...OPERATIONS.filter((o) => o.onRow && o.asks).map((o): [RowAction, string] => [o.key, localCommandTitle(o)])];

/**
 * The offline computing task list: search, "Developed by me", the filters, column configuration,
 * sorting, a virtualized grid fed a window at a time, row actions and the batch selection bar.
 */
export class TaskListView {
  readonly element: HTMLElement;
  private readonly cache = new RowWindowCache<TaskRow>();
  private readonly filters: FilterPanel;
  private readonly search: HTMLElement & { value: string };
  private readonly mine: HTMLElement & { checked: boolean };
  private readonly count = h('span', { class: 'count', role: 'status', 'aria-live': 'polite' });
  private readonly header = h('div', { class: 'grid-row grid-header', role: 'row', 'aria-rowindex': '1' });
  private readonly scroller = h('div', { class: 'grid-scroller' });
  private readonly spacer = h('div', { class: 'grid-spacer', role: 'rowgroup' });
  private readonly grid: HTMLElement;
  private readonly selectedCount = h('span', { class: 'selected-count', role: 'status' });
  private readonly selectionBar = h('div', { class: 'selection-bar', role: 'toolbar', 'aria-label': l10n.t('Batch operations on the selected tasks'), hidden: true });
  private readonly columnsMenu = h('div', { class: 'columns-menu', role: 'group', 'aria-label': l10n.t('Columns to show'), hidden: true });
  private readonly menu = h('vscode-context-menu', { class: 'row-menu' }) as HTMLElement & { data: unknown; show: boolean };
  private readonly virtualizer: Virtualizer<HTMLElement, HTMLElement>;
  private readonly rendered = new Map<number, HTMLElement>();
  private pool: HTMLElement[] = [];
  private readonly selection: Set<string>;
  /** How many selected tasks the current filters hide (the host counts them after each query). */
  private hiddenSelected = 0;
  private seq = 0;
  private active = 0;
  private menuTask = '';
  private selectAllSeq = -1;
  private facets?: TaskListFacets;
  private pruning: string[] = [];
  private pruneAgain = false;
  private filtersBuilt = false;
  /** performance.now() of the last query sent, and of its first rows drawn (the benchmark reads these). */
  readonly timing = { queried: 0, drawn: 0, seq: 0 };

  constructor(
    private readonly host: HostChannel,
    private readonly state: PanelState,
    private readonly save: () => void,
  ) {
    this.selection = new Set(state.selection);
    this.filters = new FilterPanel((change) => this.setQuery({ ...this.state.query, ...change }));
    this.search = h('vscode-textfield', { class: 'search', placeholder: l10n.t('Search by task name or ID'), 'aria-label': l10n.t('Search by task name or ID'), '.value': state.query.search }, h('vscode-icon', { slot: 'content-before', name: 'search' })) as HTMLElement & { value: string };
    this.search.addEventListener('input', () => this.setQuery({ ...this.state.query, search: this.search.value }));
    this.mine = h('vscode-checkbox', { label: l10n.t('Developed by me'), '.checked': state.query.mine }) as HTMLElement & { checked: boolean };
    this.mine.addEventListener('change', () => this.setQuery({ ...this.state.query, mine: this.mine.checked }));
    const filterToggle = h('vscode-button', { secondary: true, icon: 'filter', 'aria-expanded': String(state.filtersOpen), 'aria-controls': 'filters' }, l10n.t('Filter'));
    filterToggle.addEventListener('click', () => {
      this.state.filtersOpen = !this.state.filtersOpen;
      filterToggle.setAttribute('aria-expanded', String(this.state.filtersOpen));
      this.filters.element.hidden = !this.state.filtersOpen;
      if (this.state.filtersOpen) this.buildFilters();
      this.save();
    });
    const reset = h('vscode-button', { secondary: true, icon: 'discard' }, l10n.t('Reset'));
    reset.addEventListener('click', () => this.reset());
    const columns = h('vscode-toolbar-button', { icon: 'settings', label: l10n.t('Configure columns'), title: l10n.t('Configure columns'), 'aria-expanded': 'false' });
    columns.addEventListener('click', () => {
      // Built when first opened: its checkboxes are not needed for the list's first paint.
      if (!this.columnsMenu.hasChildNodes()) this.renderColumnsMenu();
      this.columnsMenu.hidden = !this.columnsMenu.hidden;
      columns.setAttribute('aria-expanded', String(!this.columnsMenu.hidden));
    });
    // The console's "+ Create Computing Task", first in its toolbar.
    const create = h('vscode-button', { icon: 'add', class: 'create-task' }, l10n.t('Create Computing Task'));
    create.addEventListener('click', () => this.host.post({ type: 'createTask' }));
    const refresh = h('vscode-toolbar-button', { icon: 'refresh', label: l10n.t('Refresh'), title: l10n.t('Refresh') });
    refresh.addEventListener('click', () => this.host.post({ type: 'refresh' }));
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
    this.menu.addEventListener('vsc-context-menu-select', (e) => {
      const value = (e as CustomEvent<{ value: string }>).detail.value as RowAction;
      this.host.post({ type: 'rowAction', action: value, id: this.menuTask });
    });

    this.element = h(
      'section',
      { class: 'task-list', 'aria-label': l10n.t('Task list') },
      h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': l10n.t('Task list') }, create, this.search, this.mine, filterToggle, reset, h('span', { class: 'spacer' }), this.count, columns, refresh),
      this.columnsMenu,
      this.filters.element,
      this.grid,
      h('p', { id: 'grid-keys', class: 'sr-only' }, l10n.t('Up and down arrows move between tasks, Space selects, Enter opens, Shift+F10 shows the task actions, Control+A selects all matching tasks.')),
      this.selectionBar,
      this.menu,
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
    this.listenToRows();
    this.renderHeader();
    this.renderSelectionBar();
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
    if (!this.selection.size) return;
    // One question at a time: an answer is about the ids it was asked, so a second waits for it.
    if (this.pruning.length) return void (this.pruneAgain = true);
    this.pruning = [...this.selection];
    this.host.post({ type: 'pruneSelection', ids: this.pruning });
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
      this.count.textContent = l10n.t('{0} of {1} tasks', formatCount(message.total), formatCount(message.of));
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
      this.search.value = message.query.search;
      this.mine.checked = message.query.mine;
      if (this.filtersBuilt) this.filters.sync(message.query);
      this.renderHeader();
      this.sendQuery();
      this.save();
    } else if (message.type === 'selectionPruned') {
      // Only what was asked about can go: a row ticked meanwhile stays.
      const kept = new Set(message.ids);
      for (const id of this.pruning) if (!kept.has(id)) this.selection.delete(id);
      this.pruning = [];
      this.hiddenSelected = message.hidden;
      this.selectionChanged();
      if (this.pruneAgain) {
        this.pruneAgain = false;
        this.pruneSelection();
      }
    } else if (message.type === 'selection' && message.seq === this.selectAllSeq) {
      message.ids.forEach((id) => this.selection.add(id));
      this.selectionChanged();
    }
  }

  private markDrawn(seq: number, received: number, hostMs: number): void {
    if (this.timing.seq !== seq || this.timing.drawn) return;
    this.timing.drawn = performance.now();
    const data = document.body.dataset;
    data.listDrawnMs = String(this.timing.drawn - this.timing.queried);
    data.listHostMs = String(hostMs);
    data.listRenderMs = String(this.timing.drawn - received);
    data.listDrawnAt = String(performance.timeOrigin + this.timing.drawn);
    data.listSeq = String(seq);
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
    this.search.value = '';
    this.mine.checked = false;
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
    const all = h('vscode-checkbox', { 'aria-label': l10n.t('Select all matching tasks'), title: l10n.t('Select all matching tasks') }) as HTMLElement & { checked: boolean };
    all.addEventListener('change', () => {
      if (all.checked) this.selectAll();
      else this.clearSelection();
    });
    const { column, direction } = this.state.query.sort;
    this.header.replaceChildren(
      h('div', { role: 'columnheader', class: 'cell check' }, all),
      ...this.columns().map((id) => {
        const label = COLUMNS.find((c) => c.id === id)!.label;
        const sorted = column === id;
        const button = h('button', { class: 'sort', type: 'button', title: l10n.t('Sort by {0}', label), 'aria-label': l10n.t('{0}, sort', label) }, label, sorted ? h('span', { class: `codicon codicon-arrow-${direction === 'asc' ? 'up' : 'down'}`, 'aria-hidden': 'true' }) : null);
        button.addEventListener('click', () => {
          const next = sorted && direction === 'asc' ? 'desc' : 'asc';
          this.setQuery({ ...this.state.query, sort: { column: id, direction: next } });
          this.renderHeader();
        });
        return h('div', { role: 'columnheader', class: 'cell', 'aria-sort': sorted ? (direction === 'asc' ? 'ascending' : 'descending') : 'none' }, button);
      }),
      h('div', { role: 'columnheader', class: 'cell' }, l10n.t('Actions')),
    );
    this.header.style.gridTemplateColumns = this.template();
    const minWidth = `${minimumWidth(this.columns())}px`;
    this.header.style.minWidth = minWidth;
    this.spacer.style.minWidth = minWidth;
    this.grid.setAttribute('aria-colcount', String(this.columns().length + 2));
  }

  private renderColumnsMenu(): void {
    this.columnsMenu.replaceChildren(
      ...COLUMNS.map((c) => {
        const box = h('vscode-checkbox', { label: c.label, '.checked': this.state.columns.includes(c.id), disabled: c.id === 'name' }) as HTMLElement & { checked: boolean };
        box.addEventListener('change', () => {
          this.state.columns = box.checked ? [...this.state.columns, c.id] : this.state.columns.filter((x) => x !== c.id);
          this.columnsChanged();
        });
        return box;
      }),
      h('vscode-button', { secondary: true, onclick: () => ((this.state.columns = defaultColumns()), this.renderColumnsMenu(), this.columnsChanged()) }, l10n.t('Default columns')),
    );
  }

  private columnsChanged(): void {
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

  /** A row's cells for the current columns, empty; `fillRow` gives them a task. */
  private createRow(): HTMLElement {
    // Native inputs and buttons, styled with the theme's variables: a fraction of a web component's cost.
    const el = h(
      'div',
      { class: 'grid-row', role: 'row' },
      h('div', { role: 'gridcell', class: 'cell check' }, h('input', { type: 'checkbox', class: 'row-check', tabindex: '-1' })),
      ...this.columns().map((id) => h('div', { role: 'gridcell', class: `cell ${id}`, 'data-column': id }, id === 'name' ? h('a', { href: '#', tabindex: '-1' }) : null)),
      h(
        'div',
        { role: 'gridcell', class: 'cell actions' },
        ...ROW_BUTTONS.map(([action, icon, label]) => h('button', { type: 'button', class: `row-action codicon codicon-${icon}`, 'data-action': action, 'data-label': label, title: label, tabindex: '-1' })),
        h('button', { type: 'button', class: 'row-action codicon codicon-ellipsis', 'data-action': 'more', 'data-label': l10n.t('More actions'), title: l10n.t('More actions'), tabindex: '-1' }),
      ),
    );
    el.style.gridTemplateColumns = this.template();
    this.spacer.append(el);
    return el;
  }

  private fillRow(el: HTMLElement, index: number): void {
    const row = this.cache.get(index);
    el.id = `row-${index}`;
    el.dataset.index = String(index);
    el.setAttribute('aria-rowindex', String(index + 2));
    el.classList.toggle('active', index === this.active);
    el.classList.toggle('loading', !row);
    const box = el.querySelector<HTMLInputElement>('input.row-check')!;
    if (!row) {
      delete el.dataset.task;
      el.removeAttribute('aria-selected');
      box.checked = false;
      for (const cell of el.querySelectorAll<HTMLElement>('[data-column]')) (cell.firstElementChild ?? cell).textContent = cell.dataset.column === 'name' ? 'Loading…' : '';
      return;
    }
    const selected = this.selection.has(row.id);
    el.dataset.task = row.id;
    el.setAttribute('aria-selected', String(selected));
    box.checked = selected;
    box.setAttribute('aria-label', l10n.t('Select {0}', row.name));
    for (const cell of el.querySelectorAll<HTMLElement>('[data-column]')) {
      const column = cell.dataset.column as ColumnId;
      if (column === 'name') cell.firstElementChild!.textContent = row.name;
      else cell.textContent = cellText(row, column);
    }
    for (const button of el.querySelectorAll<HTMLElement>('button.row-action')) button.setAttribute('aria-label', `${button.dataset.label}: ${row.name}`);
  }

  /** One set of listeners for every row, whichever task it shows now. */
  private listenToRows(): void {
    const rowOf = (e: Event) => {
      const el = (e.target as HTMLElement).closest<HTMLElement>('.grid-row');
      return el?.dataset.task ? { el, id: el.dataset.task, index: Number(el.dataset.index) } : undefined;
    };
    this.spacer.addEventListener('change', (e) => {
      const row = rowOf(e);
      if (row && (e.target as HTMLElement).matches('input.row-check')) this.toggle(row.id, (e.target as HTMLInputElement).checked);
    });
    this.spacer.addEventListener('click', (e) => {
      const row = rowOf(e);
      if (!row) return;
      const target = e.target as HTMLElement;
      const button = target.closest<HTMLElement>('button.row-action');
      if (button?.dataset.action === 'more') this.openMenu(row.id, button);
      else if (button) this.host.post({ type: 'rowAction', action: button.dataset.action as RowAction, id: row.id });
      else if (target.closest('a')) {
        e.preventDefault();
        this.host.post({ type: 'rowAction', action: 'open', id: row.id });
      } else if (!target.closest('input')) this.setActive(row.index);
    });
    this.spacer.addEventListener('dblclick', (e) => {
      const row = rowOf(e);
      if (row && !(e.target as HTMLElement).closest('input, button, a')) this.host.post({ type: 'rowAction', action: 'open', id: row.id });
    });
  }

  private openMenu(taskId: string, anchor: HTMLElement): void {
    this.menuTask = taskId;
    const box = anchor.getBoundingClientRect();
    const host = this.element.getBoundingClientRect();
    this.menu.style.left = `${Math.max(0, box.right - host.left - 260)}px`;
    this.menu.style.top = `${box.bottom - host.top}px`;
    this.menu.data = MORE.map(([value, label]) => ({ label, value }));
    this.menu.show = true;
    this.menu.focus();
  }

  private setActive(index: number): void {
    this.rendered.get(this.active)?.classList.remove('active');
    this.active = index;
    this.rendered.get(index)?.classList.add('active');
    this.grid.setAttribute('aria-activedescendant', `row-${index}`);
    this.grid.focus();
  }

  private onKey(e: KeyboardEvent): void {
    if (e.target !== this.grid) return;
    const total = this.cache.total;
    if (total === 0) return;
    const page = Math.max(1, Math.floor(this.scroller.clientHeight / ROW_HEIGHT) - 1);
    const move = (to: number) => {
      e.preventDefault();
      const index = Math.max(0, Math.min(total - 1, to));
      // Active at once: a key pressed right after (Space, Enter) must act on this row, not the last.
      this.setActive(index);
      this.virtualizer.scrollToIndex(index, { align: 'auto' });
    };
    const row = this.cache.get(this.active);
    switch (e.key) {
      case 'ArrowDown':
        return move(this.active + 1);
      case 'ArrowUp':
        return move(this.active - 1);
      case 'PageDown':
        return move(this.active + page);
      case 'PageUp':
        return move(this.active - page);
      case 'Home':
        return move(0);
      case 'End':
        return move(total - 1);
      case ' ':
        e.preventDefault();
        if (row) this.toggle(row.id, !this.selection.has(row.id));
        return;
      case 'Enter':
        if (row) this.host.post({ type: 'rowAction', action: 'open', id: row.id });
        return;
      case 'ContextMenu':
      case 'F10':
        if (e.key === 'F10' && !e.shiftKey) return;
        e.preventDefault();
        if (row) this.openMenu(row.id, this.rendered.get(this.active) ?? this.grid);
        return;
      case 'a':
        if (e.ctrlKey || e.metaKey) {
          e.preventDefault();
          this.selectAll();
        }
    }
  }

  private toggle(id: string, on: boolean): void {
    if (on) this.selection.add(id);
    else this.selection.delete(id);
    this.selectionChanged();
  }

  private selectAll(): void {
    this.selectAllSeq = this.cache.seq;
    this.host.post({ type: 'selectAll', seq: this.cache.seq });
  }

  private clearSelection(): void {
    this.selection.clear();
    this.selectionChanged();
  }

  private selectionChanged(): void {
    this.state.selection = [...this.selection];
    this.save();
    for (const [index, el] of this.rendered) {
      const id = this.cache.get(index)?.id;
      if (!id) continue;
      const on = this.selection.has(id);
      el.setAttribute('aria-selected', String(on));
      el.querySelector<HTMLInputElement>('input.row-check')!.checked = on;
    }
    this.renderSelectionBar();
  }

  /** The bar's buttons are built when something is first selected; after that only its count changes. */
  private renderSelectionBar(): void {
    const n = this.selection.size;
    this.selectionBar.hidden = n === 0;
    if (n > 0 && !this.selectionBar.hasChildNodes()) {
      this.selectionBar.append(
        this.selectedCount,
        ...BATCH.map(([action, label]) => h('vscode-button', { secondary: true, 'data-action': action, onclick: () => this.host.post({ type: 'batchAction', action, ids: [...this.selection] }) }, label)),
        h('vscode-button', { secondary: true, icon: 'close', onclick: () => this.clearSelection() }, l10n.t('Clear Selection')),
      );
    }
    const hidden = n > 0 ? this.hiddenSelected : 0;
    this.selectedCount.textContent = hidden ? l10n.t('{0} selected · {1} hidden by the filters', formatCount(n), formatCount(hidden)) : l10n.t('{0} selected', formatCount(n));
  }
}
