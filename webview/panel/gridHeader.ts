import * as l10n from '@vscode/l10n';
import { COLUMNS, type ColumnId } from '../../src/core/taskList/taskListColumns';
import type { TaskListQuery } from '../../src/core/taskList/taskListQuery';
import { h } from './dom';

/**
 * The grid's header row: "select all matching", one sort button per shown column (the sorted one
 * with its arrow and aria-sort), and Actions.
 */
export function renderGridHeader(header: HTMLElement, columns: readonly ColumnId[], sort: TaskListQuery['sort'], on: { selectAll(checked: boolean): void; sortBy(column: ColumnId, direction: 'asc' | 'desc'): void }): void {
  const all = h('vscode-checkbox', { 'aria-label': l10n.t('Select all matching tasks'), title: l10n.t('Select all matching tasks') }) as HTMLElement & { checked: boolean };
  all.addEventListener('change', () => on.selectAll(all.checked));
  const { column, direction } = sort;
  header.replaceChildren(
    h('div', { role: 'columnheader', class: 'cell check' }, all),
    ...columns.map((id) => {
      const label = COLUMNS.find((c) => c.id === id)!.label;
      const sorted = column === id;
      const button = h('button', { class: 'sort', type: 'button', title: l10n.t('Sort by {0}', label), 'aria-label': l10n.t('{0}, sort', label) }, label, sorted ? h('span', { class: `codicon codicon-arrow-${direction === 'asc' ? 'up' : 'down'}`, 'aria-hidden': 'true' }) : null);
      button.addEventListener('click', () => on.sortBy(id, sorted && direction === 'asc' ? 'desc' : 'asc'));
      return h('div', { role: 'columnheader', class: 'cell', 'aria-sort': sorted ? (direction === 'asc' ? 'ascending' : 'descending') : 'none' }, button);
    }),
    h('div', { role: 'columnheader', class: 'cell' }, l10n.t('Actions')),
  );
}

/** The columns menu: a checkbox per column (the name always shows), and Default columns. */
export function renderColumnsMenu(menu: HTMLElement, shown: () => readonly ColumnId[], defaults: () => ColumnId[], changed: (columns: ColumnId[]) => void): void {
  const boxes = COLUMNS.map((c) => {
    const box = h('vscode-checkbox', { label: c.label, '.checked': shown().includes(c.id), disabled: c.id === 'name' }) as HTMLElement & { checked: boolean };
    box.addEventListener('change', () => changed(box.checked ? [...shown(), c.id] : shown().filter((x) => x !== c.id)));
    return box;
  });
  const reset = () => {
    const columns = defaults();
    boxes.forEach((box, i) => (box.checked = columns.includes(COLUMNS[i]!.id)));
    changed(columns);
  };
  menu.replaceChildren(...boxes, h('vscode-button', { secondary: true, onclick: reset }, l10n.t('Default columns')));
}
