import * as l10n from '@vscode/l10n';
import { h } from './dom';

/** What the list's toolbar asks of the list. */
export interface TaskListToolbarHandlers {
  search(text: string): void;
  mine(checked: boolean): void;
  /** Opens or closes the filters; returns whether they are open now. */
  toggleFilters(): boolean;
  reset(): void;
  /** Opens or closes the columns menu; returns whether it is open now. */
  toggleColumns(): boolean;
  create(): void;
  refresh(): void;
}

/**
 * The list's toolbar, as the console lays it out: "+ Create Computing Task" first, the search by
 * name or ID, "Developed by me", Filter and Reset; the count, the columns and Refresh at the end.
 */
export class TaskListToolbar {
  readonly element: HTMLElement;
  private readonly search: HTMLElement & { value: string };
  private readonly mine: HTMLElement & { checked: boolean };
  private readonly count = h('span', { class: 'count', role: 'status', 'aria-live': 'polite' });

  constructor(initial: { search: string; mine: boolean; filtersOpen: boolean }, on: TaskListToolbarHandlers) {
    this.search = h('vscode-textfield', { class: 'search', placeholder: l10n.t('Search by task name or ID'), 'aria-label': l10n.t('Search by task name or ID'), '.value': initial.search }, h('vscode-icon', { slot: 'content-before', name: 'search' })) as HTMLElement & { value: string };
    this.search.addEventListener('input', () => on.search(this.search.value));
    this.mine = h('vscode-checkbox', { label: l10n.t('Developed by me'), '.checked': initial.mine }) as HTMLElement & { checked: boolean };
    this.mine.addEventListener('change', () => on.mine(this.mine.checked));
    const filterToggle = h('vscode-button', { secondary: true, icon: 'filter', 'aria-expanded': String(initial.filtersOpen), 'aria-controls': 'filters' }, l10n.t('Filter'));
    filterToggle.addEventListener('click', () => filterToggle.setAttribute('aria-expanded', String(on.toggleFilters())));
    const reset = h('vscode-button', { secondary: true, icon: 'discard' }, l10n.t('Reset'));
    reset.addEventListener('click', () => on.reset());
    const columns = h('vscode-toolbar-button', { icon: 'settings', label: l10n.t('Configure columns'), title: l10n.t('Configure columns'), 'aria-expanded': 'false' });
    columns.addEventListener('click', () => columns.setAttribute('aria-expanded', String(on.toggleColumns())));
    const create = h('vscode-button', { icon: 'add', class: 'create-task' }, l10n.t('Create Computing Task'));
    create.addEventListener('click', () => on.create());
    const refresh = h('vscode-toolbar-button', { icon: 'refresh', label: l10n.t('Refresh'), title: l10n.t('Refresh') });
    refresh.addEventListener('click', () => on.refresh());
    this.element = h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': l10n.t('Task list') }, create, this.search, this.mine, filterToggle, reset, h('span', { class: 'spacer' }), this.count, columns, refresh);
  }

  /** Shows a query's search and "Developed by me" (after Reset, or a query the host reset). */
  show(query: { search: string; mine: boolean }): void {
    this.search.value = query.search;
    this.mine.checked = query.mine;
  }

  setCount(text: string): void {
    this.count.textContent = text;
  }
}
